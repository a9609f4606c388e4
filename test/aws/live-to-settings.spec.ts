import * as assert from "assert";
import { settingsFromLive } from "../../aws/live-to-settings";
import { LivePool, redactedSecret } from "../../aws/read-pool";
import { entriesOf, stack } from "../../config";
import { liveOf, programInputs, samples, settingsOf } from "./support/sample-stacks";

/**
 * The reverse mapping on live descriptions the local server cannot produce (real AWS fields it does not know);
 * the round trip through a live server is in test/cli/adopt.spec.ts.
 */
function livePool(pool: Partial<LivePool["pool"]>, extra: Partial<LivePool> = {}): LivePool {
    return {
        region: "eu-west-1",
        pool: {
            Id: "eu-west-1_AbCdEf123",
            Name: "console-made",
            DeletionProtection: "ACTIVE",
            UserPoolTier: "ESSENTIALS",
            UsernameConfiguration: { CaseSensitive: false },
            UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
            AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_email", Priority: 1 }] },
            Policies: { PasswordPolicy: { MinimumLength: 8, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true,
                RequireSymbols: true, TemporaryPasswordValidityDays: 7 } },
            ...pool,
        },
        mfa: { MfaConfiguration: "OFF" },
        clients: [{ ClientId: "client-1", ClientName: "web", AccessTokenValidity: 60, IdTokenValidity: 60, RefreshTokenValidity: 30,
            TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" }, AuthSessionValidity: 3,
            EnableTokenRevocation: true, PreventUserExistenceErrors: "ENABLED" }],
        groups: [],
        identityProviders: [],
        resourceServers: [],
        brandings: {},
        ...extra,
    } as LivePool;
}

const sesPool = (from: string, identity: string, region = "eu-west-1") => ({
    EmailConfiguration: { EmailSendingAccount: "DEVELOPER" as const, From: from, SourceArn: `arn:aws:ses:${region}:111122223333:identity/${identity}` },
});

describe("live pool → stack settings", () => {
    it("reads a quoted display name and a bare address out of the FROM address", () => {
        const quoted = settingsFromLive(livePool(sesPool("\"My App\" <no-reply@example.com>", "no-reply@example.com")));
        const bare = settingsFromLive(livePool(sesPool("no-reply@example.com", "example.com")));

        assert.deepStrictEqual(quoted.settings.email, { sender: "ses", from: "no-reply@example.com", fromName: "My App", identity: "address" });
        assert.deepStrictEqual(bare.settings.email, { sender: "ses", from: "no-reply@example.com", identity: "domain" });
        assert.deepStrictEqual([...quoted.gaps, ...bare.gaps], []);
    });

    it("cannot express an SES identity in another region, nor one that covers neither the FROM address nor its domain", () => {
        const elsewhere = settingsFromLive(livePool(sesPool("no-reply@example.com", "no-reply@example.com", "us-east-1")));
        const unrelated = settingsFromLive(livePool(sesPool("no-reply@example.com", "other.example.net")));

        assert.deepStrictEqual(elsewhere.gaps.map((gap) => gap.why),
            ["the SES identity is in us-east-1: the program makes the sender identity in the stack's region (eu-west-1)"]);
        assert.deepStrictEqual(unrelated.gaps.map((gap) => gap.why),
            ["the SES identity covers neither the FROM address no-reply@example.com nor its domain"]);
    });

    it("cannot express SES identity tags other than the pool's", () => {
        const adopted = settingsFromLive(livePool({ ...sesPool("no-reply@example.com", "no-reply@example.com"), UserPoolTags: { team: "identity" } }, {
            senderIdentity: { name: "no-reply@example.com", description: { IdentityType: "EMAIL_ADDRESS", Tags: [{ Key: "team", Value: "mail" }] } },
        }));

        assert.deepStrictEqual(adopted.gaps.map((gap) => [gap.setting, gap.live]), [["SES identity no-reply@example.com Tags", { team: "mail" }]]);
        assert.strictEqual(adopted.settings.import?.senderIdentity, "no-reply@example.com");
    });

    it("adopts threat protection from UserPoolAddOns and DescribeRiskConfiguration, and the Lambda triggers", () => {
        const adopted = settingsFromLive(livePool({
            UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
            LambdaConfig: { CustomMessage: "arn:aws:lambda:eu-west-1:111122223333:function:messages" },
        }, { riskConfiguration: {
            UserPoolId: "eu-west-1_AbCdEf123",
            CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: "BLOCK" }, EventFilter: ["SIGN_IN", "SIGN_UP", "PASSWORD_CHANGE"] },
            AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: "MFA_REQUIRED", Notify: true } },
                NotifyConfiguration: { SourceArn: "arn:aws:ses:eu-west-1:111122223333:identity/example.com", BlockEmail: { Subject: "Blocked", TextBody: "We blocked a sign-in" } } },
            RiskExceptionConfiguration: { BlockedIPRangeList: ["198.51.100.0/24"] },
        } }));

        assert.deepStrictEqual(adopted.settings.threatProtection, { mode: "enforced", compromisedCredentials: { action: "block" },
            accountTakeover: { high: { action: "mfa_required", notify: true } }, ipRanges: { alwaysBlock: ["198.51.100.0/24"] } });
        assert.deepStrictEqual(adopted.gaps.map((gap) => gap.setting).sort(), ["RiskConfiguration.AccountTakeoverRiskConfiguration.NotifyConfiguration"]);
        assert.deepStrictEqual(adopted.settings.triggers, { customMessage: "arn:aws:lambda:eu-west-1:111122223333:function:messages" });
    });

    it("adopts remembered devices, and none where DescribeUserPool reports no DeviceConfiguration", () => {
        const remembering = settingsFromLive(livePool({ DeviceConfiguration: { ChallengeRequiredOnNewDevice: true } }));
        const forgetting = settingsFromLive(livePool({}));

        assert.deepStrictEqual(remembering.settings.deviceTracking, { challengeRequiredOnNewDevice: true });
        assert.strictEqual(forgetting.settings.deviceTracking, undefined);
        assert.deepStrictEqual([...remembering.gaps, ...forgetting.gaps], []);
    });

    it("adopts the pool's domain from DescribeUserPoolDomain: a prefix, or a custom domain with its certificate", () => {
        const described = { UserPoolId: "eu-west-1_AbCdEf123", AWSAccountId: "123456789012", S3Bucket: "bucket", Version: "1", Status: "ACTIVE" as const };
        const prefixed = settingsFromLive(livePool({ Domain: "myapp-login" },
            { domain: { ...described, Domain: "myapp-login", CloudFrontDistribution: "", ManagedLoginVersion: 2 } }));
        assert.deepStrictEqual(prefixed.settings.domain, { prefix: "myapp-login", managedLoginVersion: 2 });
        assert.equal(prefixed.settings.import?.domain, true);
        assert.deepStrictEqual([...prefixed.gaps, ...prefixed.notes], []);

        const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d";
        const both = settingsFromLive(livePool({ Domain: "myapp-login", CustomDomain: "auth.example.com" }, { domain: {
            ...described, Domain: "auth.example.com", CloudFrontDistribution: "d111111abcdef8.cloudfront.net", CustomDomainConfig: { CertificateArn: certificateArn },
        } }));
        assert.deepStrictEqual(both.settings.domain, { name: "auth.example.com", certificateArn, managedLoginVersion: 1 });
        assert.deepStrictEqual(both.gaps.map((gap) => [gap.setting, gap.live]), [["domain.Domain", "myapp-login"]]);
    });

    it("assumes the API's defaults for what the server does not report, and notes each", () => {
        const adopted = settingsFromLive(livePool({ DeletionProtection: undefined, UserPoolTier: undefined, UserAttributeUpdateSettings: undefined }));

        assert.deepStrictEqual(
            [adopted.settings.userPool?.deletionProtection, adopted.settings.tier, adopted.settings.keepOriginalUntilVerified],
            [false, "essentials", false]);
        assert.deepStrictEqual(adopted.notes.map((note) => note.setting), ["DeletionProtection", "UserPoolTier", "UserAttributeUpdateSettings"]);
    });

    it("writes caseSensitive: unset for a pool without UsernameConfiguration, so the program adds no block", () => {
        const adopted = settingsFromLive(livePool({ UsernameConfiguration: undefined }));

        assert.strictEqual(adopted.settings.signIn?.caseSensitive, "unset");
        assert.deepStrictEqual(adopted.notes.map((note) => note.setting), ["UsernameConfiguration"]);
    });

    it("keeps the order of account recovery, and cannot express recovery by an administrator only", () => {
        const ordered = settingsFromLive(livePool({ AccountRecoverySetting: { RecoveryMechanisms: [
            { Name: "verified_email", Priority: 2 }, { Name: "verified_phone_number", Priority: 1 }] } }));
        const adminOnly = settingsFromLive(livePool({ AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "admin_only", Priority: 1 }] } }));

        assert.deepStrictEqual(ordered.settings.accountRecovery, ["phone", "email"]);
        assert.deepStrictEqual(adminOnly.gaps.map((gap) => [gap.setting, gap.live]), [["AccountRecoverySetting", ["admin_only"]]]);
    });
});

/** Every value at a catalogue key (`clients[].oauth.flows`: one per client), as JSON. */
function valuesAt(settings: unknown, key: string): string[] {
    const at = (value: unknown, parts: string[]): unknown[] => {
        if (parts.length === 0) {
            return [value];
        }
        const [part, ...rest] = parts;
        const inner = (value as Record<string, unknown> | undefined)?.[part.replace(/\[\]$/, "")];
        return part.endsWith("[]") ? ((inner ?? []) as unknown[]).flatMap((item) => at(item, rest)) : at(inner, rest);
    };
    return at(settings, key.split(".")).map((value) => JSON.stringify(value));
}

describe("stack settings → the program's inputs → what AWS describes → stack settings", () => {
    for (const [name, raw] of Object.entries(samples)) {
        it(`gives the program the same inputs again: ${name}`, () => {
            const inputs = programInputs(settingsOf(raw));

            const adopted = settingsFromLive(liveOf(inputs));

            assert.deepStrictEqual(adopted.gaps, []);
            assert.deepStrictEqual(programInputs(settingsOf(adopted.settings)), inputs);
        });
    }

    it("covers every setting read back from AWS with a value other than its default (add one to the samples for a new setting)", () => {
        const bare = settingsOf({ attributes: { custom: [{ name: "x", type: "string" }] }, clients: [{ name: "web" }] });
        const parsed = Object.values(samples).map(settingsOf);
        const uncovered = entriesOf(stack).filter(({ setting }) => setting.describe !== undefined).map(({ key }) => key)
            .filter((key) => !parsed.some((settings) => valuesAt(settings, key).some((value) => !valuesAt(bare, key).includes(value))));

        assert.deepStrictEqual(uncovered, []);
    });

    it("reads groups and resource servers back; a console group's precedence 0 is left out with a note, the import keeps it", () => {
        const adopted = settingsFromLive(livePool({}, {
            groups: [{ GroupName: "admins", Precedence: 0, UserPoolId: "eu-west-1_AbCdEf123", CreationDate: new Date(0) }, { GroupName: "ops", Precedence: 5 }],
            resourceServers: [{ Identifier: "orders-api", Name: "Orders", Scopes: [{ ScopeName: "read", ScopeDescription: "Read orders" }] }],
        }));

        assert.deepStrictEqual(adopted.settings.groups, [{ name: "admins" }, { name: "ops", precedence: 5 }]);
        assert.deepStrictEqual(adopted.settings.resourceServers, [{ identifier: "orders-api", name: "Orders", scopes: { read: "Read orders" } }]);
        assert.deepStrictEqual([adopted.settings.import?.groups, adopted.settings.import?.resourceServers], [["admins", "ops"], ["orders-api"]]);
        assert.deepStrictEqual(adopted.gaps, []);
        assert.deepStrictEqual(adopted.notes.filter((note) => note.setting.startsWith("groups")), [{ setting: "groups[admins].Precedence",
            note: "0 left out of the config: the provider never sends 0 (user_group.go), and the imported group keeps it" }]);
    });

    it("reads a console-made Google sign-in back from DescribeIdentityProvider's answer as the API reference records it, the secret kept out", () => {
        // The reference's "Describe response" for Google (CreateIdentityProvider, ProviderDetails), its secret as the reader keeps it.
        const adopted = settingsFromLive(livePool({}, { identityProviders: [{
            UserPoolId: "eu-west-1_AbCdEf123", ProviderName: "Google", ProviderType: "Google",
            ProviderDetails: {
                attributes_url: "https://people.googleapis.com/v1/people/me?personFields=", attributes_url_add_attributes: "true",
                authorize_scopes: "email profile openid", authorize_url: "https://accounts.google.com/o/oauth2/v2/auth",
                client_id: "1example23456789.apps.googleusercontent.com", client_secret: redactedSecret, oidc_issuer: "https://accounts.google.com",
                token_request_method: "POST", token_url: "https://www.googleapis.com/oauth2/v4/token",
            },
            AttributeMapping: { email: "email", username: "sub" }, IdpIdentifiers: [],
            CreationDate: new Date(0), LastModifiedDate: new Date(0),
        }] }));

        assert.deepStrictEqual(adopted.settings.identityProviders, [{ name: "Google", type: "google", clientId: "1example23456789.apps.googleusercontent.com",
            clientSecret: redactedSecret, scopes: ["email", "profile", "openid"], attributeMapping: { email: "email", username: "sub" } }]);
        assert.deepStrictEqual(adopted.settings.import?.identityProviders, ["Google"]);
        assert.deepStrictEqual(adopted.gaps, []);
        assert.deepStrictEqual(adopted.notes.filter((note) => note.setting.startsWith("identityProviders")), [{ setting: "identityProviders[Google].clientSecret",
            note: "not copied: set it with `pulumi config set --secret --path 'identityProviders[0].clientSecret'`" }]);
    });

    it("names a provider detail the config model has no key for", () => {
        const adopted = settingsFromLive(livePool({}, { identityProviders: [{ ProviderName: "Corp", ProviderType: "OIDC",
            ProviderDetails: { client_id: "c", client_secret: redactedSecret, authorize_scopes: "openid", oidc_issuer: "https://login.example.com",
                attributes_request_method: "GET", brand_new_key: "x" }, AttributeMapping: { email: "email" } }] }));

        assert.deepStrictEqual(adopted.gaps.map((gap) => [gap.setting, gap.why]), [["identityProviders[Corp].ProviderDetails.brand_new_key", "the config model has no key for it"]]);
    });

    it("adopts the first factors of choice-based sign-in, and names the ones the config model does not offer", () => {
        const adopted = settingsFromLive(livePool({ Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN", "SOFTWARE_TOKEN"] } } }));

        assert.deepStrictEqual(adopted.settings.firstAuthFactors, ["password", "email_otp", "web_authn"]);
        assert.deepStrictEqual(adopted.gaps.map((gap) => [gap.setting, gap.why]), [["Policies.SignInPolicy.AllowedFirstAuthFactors",
            "the config model offers password, email_otp, sms_otp, web_authn"]]);
    });
});
