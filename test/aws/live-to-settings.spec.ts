import * as assert from "assert";
import { RawStackSettings, settingsFromLive } from "../../aws/live-to-settings";
import type { LivePool } from "../../aws/read-pool";
import { appClientArgs } from "../../components/app-client-args";
import { userPoolArgs } from "../../components/user-pool-args";
import { entriesOf, parseStackSettings, stack, StackSettings } from "../../config";
import { describedClient, describedPool } from "./support/described-from-inputs";

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
        ...extra,
    };
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

    it("cannot express threat protection, devices, or Lambda triggers, and names each", () => {
        const adopted = settingsFromLive(livePool({
            UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
            DeviceConfiguration: { ChallengeRequiredOnNewDevice: true },
            LambdaConfig: { CustomMessage: "arn:aws:lambda:eu-west-1:111122223333:function:messages" },
        }));

        assert.deepStrictEqual(adopted.gaps.map((gap) => gap.setting).sort(), ["DeviceConfiguration", "LambdaConfig", "UserPoolAddOns"]);
    });

    it("leaves the pool's domain alone, with a note", () => {
        const adopted = settingsFromLive(livePool({ Domain: "myapp-login" }));

        assert.deepStrictEqual(adopted.gaps, []);
        assert.deepStrictEqual(adopted.notes.map((note) => note.setting), ["Domain"]);
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

/** Between them, a value other than the default for every setting read back from AWS (see the coverage test). */
const samples: Record<string, RawStackSettings> = {
    "username with aliases, SES by address, verification by link, SMS, every MFA factor": {
        userPool: {
            name: "round-trip-aliases",
            deletionProtection: false,
            tags: { team: "identity" },
        },
        tier: "plus",
        signIn: { with: ["username", "email", "phone"], preferredUsername: true, caseSensitive: true },
        firstAuthFactors: ["password", "email_otp", "sms_otp"],
        password: { minLength: 12, requireLowercase: false, requireUppercase: false, requireNumbers: false, requireSymbols: false,
            temporaryPasswordValidityDays: 3 },
        mfa: { mode: "required", factors: ["totp", "sms", "email"] },
        accountRecovery: ["phone", "email"],
        selfSignUp: false,
        autoVerify: ["email", "phone"],
        keepOriginalUntilVerified: false,
        attributes: {
            required: ["email", "phone_number", "given_name"],
            custom: [
                { name: "tenant_id", type: "string", mutable: false, developerOnly: true, minLength: 1, maxLength: 64 },
                { name: "seats", type: "number", minValue: 1, maxValue: 500 },
                { name: "beta", type: "boolean" },
                { name: "joined", type: "datetime" },
            ],
        },
        email: { sender: "ses", from: "no-reply@example.com", fromName: "Example", replyTo: "support@example.com", configurationSet: "tracking" },
        verification: { method: "link", emailSubject: "Confirm your address", emailMessage: "Click {##Verify Email##}", smsMessage: "Code {####}" },
        sms: { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: "sms-external-id", snsRegion: "eu-west-1" },
        clients: [
            { name: "web", authFlows: ["user_srp", "refresh_token", "user_auth"], readAttributes: ["email", "custom:tenant_id"], writeAttributes: ["email"],
                oauth: { flows: ["code", "implicit"], scopes: ["openid", "email"], callbackUrls: ["https://app.example.com/callback"],
                    logoutUrls: ["https://app.example.com/"], defaultRedirectUrl: "https://app.example.com/callback", identityProviders: ["COGNITO", "Google"] } },
            { name: "server", type: "confidential", authFlows: ["admin_user_password", "user_password", "custom", "refresh_token"],
                tokenValidity: { access: "15m", id: "2h", refresh: "7d", authSession: "10m" }, tokenRevocation: false, preventUserExistenceErrors: false,
                oauth: { flows: ["client_credentials"], scopes: ["api/read"] } },
            { name: "legacy", type: "confidential", generateSecret: false },
        ],
    },
    "email as the user name, a domain identity given by ARN, verification by code": {
        signIn: { with: ["email"], caseSensitive: "unset" },
        mfa: { mode: "optional", factors: ["totp"] },
        email: { sender: "ses", from: "no-reply@example.org", identity: "domain",
            identityArn: "arn:aws:ses:us-east-1:123456789012:identity/example.org" },
        verification: { method: "code", emailSubject: "Your code", emailMessage: "Your code is {####}" },
        clients: [{ name: "web" }],
    },
};

const region = "us-east-1";
const poolId = `${region}_RoundTrip1`;
const settingsOf = (raw: RawStackSettings) => parseStackSettings(raw, { project: "cognito-user-pool", stack: "adopted", region });

/** The SES identity the program sends through once SES has verified it: the one given, or the one the stack makes. */
function senderOf(settings: StackSettings) {
    const { email } = settings;
    if (email.sender !== "ses") {
        return undefined;
    }
    const identity = email.identity === "address" ? email.from! : email.from!.slice(email.from!.indexOf("@") + 1);
    return { arn: email.identityArn ?? `arn:aws:ses:${region}:123456789012:identity/${identity}`, verified: true };
}

const byName = (a: { name?: unknown }, b: { name?: unknown }) => String(a.name).localeCompare(String(b.name));

/** The inputs the program registers for a stack's pool and clients; the provider's `schemas` is a set. */
function programInputs(settings: StackSettings) {
    const pool = userPoolArgs(settings, senderOf(settings)) as Record<string, any>;
    return {
        pool: { ...pool, schemas: [...pool.schemas].sort(byName) },
        clients: settings.clients.map((client) => appClientArgs(client, poolId) as unknown as Record<string, unknown>),
    };
}

/** What AWS describes after the program created the stack. */
function liveOf(inputs: ReturnType<typeof programInputs>): LivePool {
    const { MfaConfig: mfa, ...pool } = describedPool(poolId, inputs.pool);
    return { region, pool, mfa, clients: inputs.clients.map((client, index) => describedClient(`client${index}`, client)) };
}

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

    it("adopts the first factors of choice-based sign-in, and names the ones the config model does not offer", () => {
        const adopted = settingsFromLive(livePool({ Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"] } } }));

        assert.deepStrictEqual(adopted.settings.firstAuthFactors, ["password", "email_otp"]);
        assert.deepStrictEqual(adopted.gaps.map((gap) => [gap.setting, gap.why]), [["Policies.SignInPolicy.AllowedFirstAuthFactors",
            "the config model offers password, email_otp, sms_otp (no passkeys)"]]);
    });
});
