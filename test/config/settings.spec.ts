import * as pulumi from "@pulumi/pulumi";
import { strict as assert } from "assert";
import { parseStackSettings, StackConfigError } from "../../config";
import { evaluateStack } from "../../offline/evaluate";
import { stackConfig, withSettings } from "../support/program";
import { context, problemsOf } from "./support/problems";

const ses = { sender: "ses", from: "no-reply@example.com" };

/** How many resources the mock monitor has registered. */
function registrations(): number {
    return (pulumi.runtime.getMonitor() as unknown as { resources: Map<string, unknown> }).resources.size;
}

/** Each bad setting, and the line that must name its key, the value given and what is allowed. */
const badSettings: { what: string; raw: Record<string, unknown>; problem: string }[] = [
    { what: "an unknown key (a typo)", raw: { password: { minLenght: 10 } },
        problem: "cognito-user-pool:password.minLenght: unknown key; allowed here: minLength, requireLowercase" },
    { what: "an unknown top-level key", raw: { userpool: {} },
        problem: "cognito-user-pool:userpool: unknown key; allowed here: protect, userPool, tier, signIn" },
    { what: "a setting under userPool, as the earlier layout wrote it", raw: { userPool: { name: "a", signIn: { with: ["email"] } } },
        problem: "cognito-user-pool:userPool.signIn: unknown key; signIn is a key of its own now (cognito-user-pool:signIn): " +
            "`npm run promote -- --shared --write` rewrites the earlier layout's files" },
    { what: "a password shorter than 6", raw: { password: { minLength: 5 } },
        problem: "cognito-user-pool:password.minLength: got 5; expected a whole number from 6 to 99" },
    { what: "a password longer than 99", raw: { password: { minLength: 100 } },
        problem: "cognito-user-pool:password.minLength: got 100; expected a whole number from 6 to 99" },
    { what: "temporary passwords valid over 365 days", raw: { password: { temporaryPasswordValidityDays: 366 } },
        problem: "cognito-user-pool:password.temporaryPasswordValidityDays: got 366; expected a whole number from 0 to 365" },
    { what: "a custom attribute name over 20 characters", raw: { attributes: { custom: [{ name: "a".repeat(21), type: "string" }] } },
        problem: `cognito-user-pool:attributes.custom[0].name: got "${"a".repeat(21)}"; expected 1 to 20 characters` },
    { what: "a custom attribute name with bad characters", raw: { attributes: { custom: [{ name: "custom:tenant", type: "string" }] } },
        problem: `cognito-user-pool:attributes.custom[0].name: got "custom:tenant"; expected only letters, digits, _ and -` },
    { what: "a duplicated custom attribute", raw: { attributes: { custom: [{ name: "tenant", type: "string" }, { name: "tenant", type: "number" }] } },
        problem: `cognito-user-pool:attributes.custom[1].name: got "tenant"; expected a name not used by another custom attribute` },
    { what: "over 50 custom attributes", raw: { attributes: { custom: Array.from({ length: 51 }, (_, i) => ({ name: `a${i}`, type: "string" })) } },
        problem: "cognito-user-pool:attributes.custom: got [" },
    { what: "an unknown standard attribute", raw: { attributes: { required: ["email", "shoe_size"] } },
        problem: `cognito-user-pool:attributes.required[1]: got "shoe_size"; expected one of address, birthdate, email` },
    { what: "an unknown sign-in option", raw: { signIn: { with: ["nickname"] } },
        problem: `cognito-user-pool:signIn.with[0]: got "nickname"; expected one of username, email, phone` },
    { what: "a preferred user name without a user name", raw: { signIn: { with: ["email"], preferredUsername: true } },
        problem: "cognito-user-pool:signIn.preferredUsername: got true; a preferred user name is an alias of the user name" },
    { what: "a boolean given as a string", raw: { selfSignUp: "true" },
        problem: `cognito-user-pool:selfSignUp: got "true"; expected true or false (without quotes)` },
    { what: "protect given as a word", raw: { protect: "yes" },
        problem: `cognito-user-pool:protect: got "yes"; expected true or false (without quotes)` },
    { what: "an access token under 5 minutes", raw: { clients: [{ name: "web", tokenValidity: { access: "4m" } }] },
        problem: `cognito-user-pool:clients[0].tokenValidity.access: got "4m"; expected a duration from 5m to 1d` },
    { what: "an ID token over a day", raw: { clients: [{ name: "web", tokenValidity: { id: "25h" } }] },
        problem: `cognito-user-pool:clients[0].tokenValidity.id: got "25h"; expected a duration from 5m to 1d` },
    { what: "a refresh token under 60 minutes", raw: { clients: [{ name: "web", tokenValidity: { refresh: "59m" } }] },
        problem: `cognito-user-pool:clients[0].tokenValidity.refresh: got "59m"; expected a duration from 1h to 3650d` },
    { what: "a refresh token over 10 years", raw: { clients: [{ name: "web", tokenValidity: { refresh: "3651d" } }] },
        problem: `cognito-user-pool:clients[0].tokenValidity.refresh: got "3651d"; expected a duration from 1h to 3650d` },
    { what: "an auth session over 15 minutes", raw: { clients: [{ name: "web", tokenValidity: { authSession: "16m" } }] },
        problem: `cognito-user-pool:clients[0].tokenValidity.authSession: got "16m"; expected a duration from 3m to 15m` },
    { what: "a malformed duration", raw: { clients: [{ name: "web", tokenValidity: { access: "1 hour" } }] },
        problem: `cognito-user-pool:clients[0].tokenValidity.access: got "1 hour"; expected a duration from 5m to 1d written as a whole number of minutes, hours or days` },
    { what: "a public client with a secret", raw: { clients: [{ name: "web", type: "public", generateSecret: true }] },
        problem: "cognito-user-pool:clients[0].generateSecret: got true; a public client runs on users' devices and cannot keep a secret" },
    { what: "a public client with client_credentials", raw: { clients: [{ name: "web", oauth: { flows: ["client_credentials"] } }] },
        problem: `cognito-user-pool:clients[0].oauth.flows: got ["client_credentials"]; client_credentials needs a client secret` },
    { what: "SES without a FROM address", raw: { email: { sender: "ses" } },
        problem: "cognito-user-pool:email.from: got nothing; email through SES needs a FROM address" },
    { what: "a malformed FROM address", raw: { email: { sender: "ses", from: "no-reply.example.com" } },
        problem: `cognito-user-pool:email.from: got "no-reply.example.com"; expected an email address like name@example.com` },
    { what: "a malformed REPLY-TO address", raw: { email: { ...ses, replyTo: "support@" } },
        problem: `cognito-user-pool:email.replyTo: got "support@"; expected an email address like name@example.com` },
    { what: "MFA required with no factor", raw: { mfa: { mode: "required", factors: [] } },
        problem: "cognito-user-pool:mfa.factors: got []; MFA that is required needs at least one factor" },
    { what: "an unknown first auth factor", raw: { firstAuthFactors: ["password", "passkey"] },
        problem: `cognito-user-pool:firstAuthFactors[1]: got "passkey"; expected one of password, email_otp, sms_otp, web_authn` },
    { what: "a one-time password first factor on the lite tier", raw: { tier: "lite", firstAuthFactors: ["password", "email_otp"] },
        problem: `cognito-user-pool:firstAuthFactors: got ["password","email_otp"]; email_otp as a first factor needs tier essentials or plus (tier is lite)` },
    { what: "a device tracking property that is not a boolean", raw: { deviceTracking: { challengeRequiredOnNewDevice: "yes" } },
        problem: `cognito-user-pool:deviceTracking.challengeRequiredOnNewDevice: got "yes"; expected` },
    { what: "email MFA without SES", raw: { mfa: { mode: "optional", factors: ["email"] } },
        problem: `cognito-user-pool:mfa.factors: got ["email"]; email MFA needs email through SES` },
    { what: "MFA on with sms set but not among the factors (the provider would offer SMS anyway)",
        raw: { mfa: { mode: "optional", factors: ["totp"] }, sms: { snsCallerArn: "arn:aws:iam::111122223333:role/sms", externalId: "x" } },
        problem: `cognito-user-pool:mfa.factors: got ["totp"]; with MFA on and sms set, the provider always offers SMS as a second factor` },
    { what: "phone recovery without a phone attribute", raw: { accountRecovery: ["phone"] },
        problem: `cognito-user-pool:accountRecovery: got ["phone"]; recovery by phone needs a phone number` },
    { what: "duplicate client names", raw: { clients: [{ name: "web" }, { name: "web" }] },
        problem: `cognito-user-pool:clients[1].name: got "web"; expected a name not used by another client` },
];

describe("stack settings validation (config/)", () => {
    for (const { what, raw, problem } of badSettings) {
        it(`rejects ${what}, naming the key, the value and what is allowed`, () => {
            const problems = problemsOf(raw);
            assert.ok(problems.some((line) => line.startsWith(problem)), `no line starts with\n  ${problem}\ngot\n  ${problems.join("\n  ")}`);
        });
    }

    it("reports every problem at once, one line each", () => {
        const problems = problemsOf({
            protect: "yes",
            password: { minLength: 5 }, selfSignUp: "true",
            clients: [{ name: "web", tokenValidity: { access: "2m" } }],
        });
        assert.equal(problems.length, 4, problems.join("\n"));
    });

    it("reports a repeated client or custom attribute name with the other problems, not only once they are fixed", () => {
        const problems = problemsOf({
            password: { minLength: 5 },
            attributes: { custom: [{ name: "tenant", type: "string" }, { name: "tenant", type: "strin" }] },
            clients: [{ name: "web", tokenValidity: { access: "2m" } }, { name: "web" }],
        });
        assert.deepStrictEqual(problems.filter((line) => /not used by another/.test(line)), [
            `cognito-user-pool:attributes.custom[1].name: got "tenant"; expected a name not used by another custom attribute`,
            `cognito-user-pool:clients[1].name: got "web"; expected a name not used by another client`,
        ]);
        assert.equal(problems.length, 5, problems.join("\n"));
    });

    it("applies the seed's choices as defaults when nothing is set", () => {
        const settings = parseStackSettings({}, context);
        assert.equal(settings.userPool.name, "cognito-user-pool-dev");
        assert.deepEqual(settings.signIn, { with: ["username"], preferredUsername: false, caseSensitive: false });
        assert.deepEqual(settings.attributes, { required: ["email"], custom: [] });
        assert.equal(settings.mfa.mode, "off");
        assert.deepEqual(settings.accountRecovery, ["email"]);
        assert.equal(settings.userPool.deletionProtection, true);
        assert.deepEqual(settings.clients.map((client) => [client.name, client.type]), [["web", "public"]]);
        assert.equal(settings.clients[0].tokenRevocation, true);
        assert.equal(settings.clients[0].preventUserExistenceErrors, true);
        assert.equal(settings.protect, false);
    });

    it("makes the program fail before any resource is registered, with every problem in the error", async () => {
        const bad = withSettings(stackConfig("dev"), { password: { minLength: 5 }, protect: "maybe" });
        const error = await evaluateStack(bad).then(() => undefined, (rejection: unknown) => rejection);
        assert.ok(error instanceof StackConfigError, String(error));
        assert.match(error.message, /2 problems/);
        assert.match(error.message, /cognito-user-pool:password\.minLength: got 5/);
        assert.match(error.message, /cognito-user-pool:protect: got "maybe"/);
        const monitor = pulumi.runtime.getMonitor() as unknown as { resources: Map<string, unknown> };
        assert.equal(monitor.resources.size, 0, "the mock monitor saw no registration");
    });

    it("refuses, under pulumi up, a setting under a namespace nothing reads: nothing registered", async () => {
        const base = stackConfig("prod");
        const { ["cognito-user-pool:userPool"]: userPool, ...others } = base.config;
        const error = await evaluateStack({ ...base, config: { ...others, "cognito-userpool:userPool": userPool } })
            .then(() => undefined, (rejection: unknown) => rejection);
        assert.ok(error instanceof StackConfigError, String(error));
        assert.deepEqual(error.problems, [
            `cognito-userpool:userPool: unknown config namespace "cognito-userpool": nothing here reads it ` +
                "(namespaces read: cognito-user-pool (this project), aws (the AWS provider), pulumi (Pulumi)); " +
                "did you mean cognito-user-pool:userPool?",
        ]);
        assert.equal(registrations(), 0);
    });

    it("reports every rule AWS would refuse at once, before any resource is registered", async () => {
        const bad = withSettings(stackConfig("dev"), {
            userPool: {
                tags: { "aws:team": "identity" },
            },
            email: { sender: "ses", from: "a,b@example.com" },
            attributes: { custom: [{ name: "flag", type: "boolean", maxLength: 5 }] },
            clients: [
                { name: "web", writeAttributes: ["sub"], oauth: { flows: ["code"], callbackUrls: ["http://app.example.com/cb#x"] } },
                { name: "jobs", type: "confidential", oauth: { flows: ["client_credentials"] } },
            ],
            import: { userPool: "ap-northeast-2-AbC" },
        });
        const error = await evaluateStack({ ...bad, config: { ...bad.config, "aws:region": "ap-northeast-9" } })
            .then(() => undefined, (rejection: unknown) => rejection);
        assert.ok(error instanceof StackConfigError, String(error));
        assert.deepEqual(error.problems, [
            `aws:region: got "ap-northeast-9"; expected an AWS region the installed @pulumi/aws knows, like us-east-1 ` +
                "(for a newer region set aws:skipRegionValidation: true); did you mean ap-northeast-1?",
            `cognito-user-pool:userPool.tags.aws:team: got "aws:team"; tag keys starting with aws: are reserved for AWS`,
            "cognito-user-pool:attributes.custom[0].maxLength: got 5; length limits apply to string attributes only, this one is boolean",
            `cognito-user-pool:email.from: got "a,b@example.com"; expected an email address like name@example.com (address local part contains invalid character)`,
            `cognito-user-pool:clients[0].oauth.callbackUrls[0]: got "http://app.example.com/cb#x"; expected a URL without a fragment (#...)`,
            "cognito-user-pool:clients[1].oauth.scopes: got nothing; client_credentials needs the custom scopes of a resource server, " +
                "like orders-api/read (the default openid email profile is for people signing in)",
            `cognito-user-pool:import.userPool: got "ap-northeast-2-AbC"; expected a user pool id: <region>_<id>, like us-east-1_AbCdEf123`,
            `cognito-user-pool:clients[0].writeAttributes[0]: got "sub"; sub is set by Cognito and is never writable by an app client`,
            `cognito-user-pool:clients[0].oauth.flows: got ["code"]; no domain serves the OAuth endpoints of web (/oauth2/authorize, /oauth2/token): ` +
                "add domain with a Cognito prefix (domain: {prefix: <name>}) or a custom name and its certificate",
            `cognito-user-pool:clients[1].oauth.flows: got ["client_credentials"]; no domain serves the OAuth endpoints of jobs (/oauth2/authorize, /oauth2/token): ` +
                "add domain with a Cognito prefix (domain: {prefix: <name>}) or a custom name and its certificate",
        ]);
        assert.equal(registrations(), 0);
    });
});
