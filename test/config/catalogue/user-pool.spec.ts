import { strict as assert } from "assert";
import { entriesOf, parseStackSettings, plainTriggers, pool, poolFromDescribed, RISK_CONFIGURATION_TYPE, userPoolArgs, UserPoolInput, UserPoolSettings } from "../../../config";
import { schemaArgs } from "../../../config/catalogue/schema-attributes";
import { describedPool, plain } from "../../aws/support/described-from-inputs";
import { senderOf, settingsOf } from "../../aws/support/sample-stacks";
import { along, describeRoundTrip } from "../support/round-trip";

const poolWith = (settings: Record<string, unknown>): UserPoolSettings =>
    parseStackSettings(settings, { project: "p", stack: "s" });

/** The sign-in inputs only: usernameAttributes and aliasAttributes, when set. */
function signInArgs(signIn: Record<string, unknown>): object {
    const { usernameAttributes, aliasAttributes } = userPoolArgs(poolWith({ signIn }));
    return { ...(usernameAttributes ? { usernameAttributes } : {}), ...(aliasAttributes ? { aliasAttributes } : {}) };
}

describe("user pool inputs (config/catalogue/user-pool)", () => {
    describe("sign-in options: usernameAttributes vs aliasAttributes", () => {
        const cases: [string, Record<string, unknown>, object][] = [
            ["a user name only: neither", { with: ["username"] }, {}],
            ["email only: email is the user name", { with: ["email"] }, { usernameAttributes: ["email"] }],
            ["email or phone: both are user names", { with: ["email", "phone"] }, { usernameAttributes: ["email", "phone_number"] }],
            ["a user name or email: email is an alias", { with: ["username", "email"] }, { aliasAttributes: ["email"] }],
            ["a user name with preferred_username", { with: ["username"], preferredUsername: true }, { aliasAttributes: ["preferred_username"] }],
            ["a user name, phone and preferred_username", { with: ["username", "phone"], preferredUsername: true },
                { aliasAttributes: ["phone_number", "preferred_username"] }],
        ];
        for (const [what, signIn, expected] of cases) {
            it(what, () => assert.deepEqual(signInArgs(signIn), expected));
        }

        it("never sets both, which Cognito refuses", () => {
            for (const [, signIn] of cases) {
                const args = signInArgs(signIn);
                assert.ok(!("usernameAttributes" in args && "aliasAttributes" in args));
            }
        });
    });

    describe("case sensitivity: usernameConfiguration", () => {
        it("sends the block with the value given, false by default", () => {
            assert.deepEqual(userPoolArgs(poolWith({})).usernameConfiguration, { caseSensitive: false });
            assert.deepEqual(userPoolArgs(poolWith({ signIn: { caseSensitive: true } })).usernameConfiguration, { caseSensitive: true });
        });

        it("sends no block when unset, as a pool created without one has (adding it would replace the pool)", () => {
            assert.ok(!("usernameConfiguration" in userPoolArgs(poolWith({ signIn: { caseSensitive: "unset" } }))));
        });

        it("refuses any other value, naming what is allowed", () => {
            assert.throws(() => poolWith({ signIn: { caseSensitive: "yes" } }),
                /cognito-user-pool:signIn\.caseSensitive: got "yes"; expected true, false or unset/);
        });
    });

    it("maps custom attributes of each type with their constraints, never required", () => {
        const schemas = schemaArgs(poolWith({ attributes: { required: [], custom: [
            { name: "tenant", type: "string", minLength: 1, maxLength: 64 },
            { name: "seats", type: "number", minValue: 1, maxValue: 500, mutable: false },
            { name: "beta", type: "boolean" },
            { name: "joined", type: "datetime", developerOnly: true },
        ] } }).attributes);
        assert.deepEqual(schemas, [
            { name: "tenant", attributeDataType: "String", required: false, mutable: true, developerOnlyAttribute: false,
                stringAttributeConstraints: { minLength: "1", maxLength: "64" } },
            { name: "seats", attributeDataType: "Number", required: false, mutable: false, developerOnlyAttribute: false,
                numberAttributeConstraints: { minValue: "1", maxValue: "500" } },
            { name: "beta", attributeDataType: "Boolean", required: false, mutable: true, developerOnlyAttribute: false },
            { name: "joined", attributeDataType: "DateTime", required: false, mutable: true, developerOnlyAttribute: true },
        ]);
    });

    it("sends the first auth factors only when set, in the provider's names", () => {
        assert.equal(userPoolArgs(poolWith({})).signInPolicy, undefined);
        assert.deepEqual(userPoolArgs(poolWith({ firstAuthFactors: ["password", "email_otp"] })).signInPolicy,
            { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] });
    });

    it("sends deviceConfiguration only for a pool that remembers devices, each property false unless set", () => {
        assert.equal(userPoolArgs(poolWith({})).deviceConfiguration, undefined);
        assert.deepEqual(userPoolArgs(poolWith({ deviceTracking: {} })).deviceConfiguration,
            { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: false });
        assert.deepEqual(userPoolArgs(poolWith({ deviceTracking: { deviceOnlyRememberedOnUserPrompt: true } })).deviceConfiguration,
            { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: true });
    });

    it("maps MFA modes and factors", () => {
        assert.equal(userPoolArgs(poolWith({})).mfaConfiguration, "OFF");
        const settings = poolWith({ mfa: { mode: "required", factors: ["totp", "email"] }, email: { sender: "ses", from: "a@example.com" } });
        const required = userPoolArgs(settings, { arn: "arn:aws:ses:eu-west-1:123456789012:identity/a@example.com", verified: true });
        assert.equal(required.mfaConfiguration, "ON");
        assert.deepEqual(required.softwareTokenMfaConfiguration, { enabled: true });
        assert.deepEqual(required.emailMfaConfiguration, {});
        const unverified = userPoolArgs(settings, { arn: "arn:aws:ses:eu-west-1:123456789012:identity/a@example.com", verified: false });
        assert.equal(unverified.emailMfaConfiguration, undefined, "Cognito sends MFA email only through SES");
    });

    it("sends email through Cognito's default sender unless SES is chosen", () => {
        assert.deepEqual(userPoolArgs(poolWith({})).emailConfiguration, { emailSendingAccount: "COGNITO_DEFAULT" });
        const email = userPoolArgs(poolWith({ email: { sender: "ses", from: "no-reply@example.com", fromName: "Example", replyTo: "help@example.com", configurationSet: "auth" } }),
            { arn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com", verified: true }).emailConfiguration;
        assert.deepEqual(email, {
            emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com",
            fromEmailAddress: "Example <no-reply@example.com>", replyToEmailAddress: "help@example.com", configurationSet: "auth",
        });
    });

    it("orders account recovery as configured and maps verification by link", () => {
        const args = userPoolArgs(poolWith({
            accountRecovery: ["phone", "email"], attributes: { required: ["email", "phone_number"] },
            sms: { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: "x" },
            verification: { method: "link", emailSubject: "Confirm", emailMessage: "Click {##Verify Email##}" },
        }));
        assert.deepEqual(args.accountRecoverySetting, { recoveryMechanisms: [
            { name: "verified_phone_number", priority: 1 }, { name: "verified_email", priority: 2 }] });
        assert.deepEqual(args.verificationMessageTemplate, {
            defaultEmailOption: "CONFIRM_WITH_LINK", emailSubjectByLink: "Confirm", emailMessageByLink: "Click {##Verify Email##}", smsMessage: undefined,
        });
    });

    it("turns off self sign-up, deletion protection and keep-original as told, and sets the tier", () => {
        const args = userPoolArgs(poolWith({ selfSignUp: false, userPool: { deletionProtection: false }, keepOriginalUntilVerified: false, tier: "plus" }));
        assert.deepEqual(args.adminCreateUserConfig, { allowAdminCreateUserOnly: true });
        assert.equal(args.deletionProtection, "INACTIVE");
        assert.equal(args.userAttributeUpdateSettings, undefined);
        assert.equal(args.userPoolTier, "PLUS");
    });
});

const sms = { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: "sms-external-id" };
const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ses = { sender: "ses", from: "no-reply@example.com" } as const;

describeRoundTrip("a user pool: settings → aws.cognito.UserPool inputs → DescribeUserPool and GetUserPoolMfaConfig → settings", {
    // The risk configuration's settings are another resource's inputs (threat-protection.spec.ts).
    entries: entriesOf(pool).filter(({ resourceType }) => resourceType !== RISK_CONFIGURATION_TYPE),
    parse: (raw: UserPoolInput) => settingsOf(raw),
    // The SES identity the program sends through once SES has verified it.
    args: (settings) => plain(userPoolArgs(settings, senderOf(settings))),
    describe: (inputs) => describedPool("us-east-1_RoundTrip1", inputs),
    read: poolFromDescribed,
    bases: [
        {},
        { attributes: { custom: [{ name: "seats", type: "number" }] } },
        { attributes: { custom: [{ name: "tenant", type: "string" }] } },
        { email: { ...ses, identity: "domain" } },
        { email: ses },
        { email: ses, mfa: { mode: "optional" } },
        { attributes: { required: ["email", "phone_number"] }, sms, mfa: { mode: "optional", factors: ["totp", "sms"] } },
        { verification: { method: "link", emailSubject: "Confirm your address", emailMessage: "Click {##Verify Email##}" } },
        { triggers: { preTokenGeneration: { arn: fn("claims") } } },
        { triggers: { customEmailSender: { arn: fn("mailer") }, customSmsSender: { arn: fn("texter") }, kmsKeyArn: key } },
    ],
    variations: {
        "userPool.name": ["round-trip", "Pool 2"],
        "userPool.deletionProtection": [false],
        "userPool.tags": [{ team: "identity" }, { team: "identity", "cost-center": "a1" }],
        "tier": ["lite", "plus"],
        "signIn.with": [["email"], ["username", "email", "phone"]],
        "signIn.preferredUsername": [true],
        "signIn.caseSensitive": [true, "unset"],
        "firstAuthFactors": [["password"], ["password", "email_otp"], along(["password", "web_authn"], { "passkeys.relyingPartyId": "example.com" })],
        "passkeys.relyingPartyId": ["auth.example.com", "example.com"],
        "passkeys.userVerification": [along("required", { "passkeys.relyingPartyId": "example.com" })],
        "threatProtection.mode": [along("enforced", { tier: "plus" }), along("audit", { tier: "plus" })],
        "threatProtection.customAuth": [along("audit", { tier: "plus", "threatProtection.mode": "enforced" })],
        "password.minLength": [12, 99],
        "password.requireLowercase": [false],
        "password.requireUppercase": [false],
        "password.requireNumbers": [false],
        "password.requireSymbols": [false],
        "password.temporaryPasswordValidityDays": [3, 365],
        "mfa.mode": ["optional", "required"],
        "mfa.factors": [["sms"], ["totp", "email"]],
        "deviceTracking.challengeRequiredOnNewDevice": [true, false],
        "deviceTracking.deviceOnlyRememberedOnUserPrompt": [true],
        "accountRecovery": [["phone"], ["phone", "email"]],
        "selfSignUp": [false],
        // Nothing to keep the original of: keepOriginalUntilVerified reads back as false.
        "autoVerify": [along([], { keepOriginalUntilVerified: false }), ["email", "phone"]],
        "keepOriginalUntilVerified": [false],
        "attributes.required": [[], ["email", "given_name"]],
        "attributes.custom[].name": ["tenant_id", "seats-2"],
        "attributes.custom[].type": ["boolean", "datetime", "string"],
        "attributes.custom[].mutable": [false],
        "attributes.custom[].developerOnly": [true],
        "attributes.custom[].minLength": [1, 10],
        "attributes.custom[].maxLength": [64, 100],
        "attributes.custom[].minValue": [1, -5],
        "attributes.custom[].maxValue": [500, 10],
        "email.sender": [along("ses", { "email.from": "no-reply@example.com" })],
        "email.from": ["help@example.com"],
        "email.fromName": ["Example", "Support Team"],
        "email.replyTo": ["support@example.com"],
        "email.identity": ["domain"],
        "email.configurationSet": ["tracking"],
        "email.identityArn": ["arn:aws:ses:us-east-1:123456789012:identity/example.com"],
        "email.hostedZoneId": ["Z1D633PJN98FT9"],
        "email.mailFromDomain": ["mail.example.com"],
        "verification.method": ["link"],
        "verification.emailSubject": ["Your code"],
        "verification.emailMessage": ["Your code is {####}"],
        "verification.smsMessage": ["Code {####}"],
        "sms.snsCallerArn": ["arn:aws:iam::123456789012:role/other-sms"],
        "sms.externalId": ["other-id"],
        "sms.snsRegion": ["eu-west-1"],
        ...Object.fromEntries(Object.keys(plainTriggers).map((trigger) => [`triggers.${trigger}`, [fn(trigger), fn(`${trigger}:live`)]])),
        "triggers.preTokenGeneration.arn": [fn("claims"), fn("claims:2")],
        "triggers.preTokenGeneration.version": ["V2_0", "V3_0"],
        "triggers.customEmailSender.arn": [fn("other-mailer")],
        "triggers.customEmailSender.version": [along("V1_0", { "triggers.customEmailSender.arn": fn("mailer"), "triggers.kmsKeyArn": key })],
        "triggers.customSmsSender.arn": [fn("other-texter")],
        "triggers.customSmsSender.version": [along("V1_0", { "triggers.customSmsSender.arn": fn("texter"), "triggers.kmsKeyArn": key })],
        "triggers.kmsKeyArn": [key.replace("1234abcd", "5678efab")],
    },
    readBackAsOthers: {
        "triggers.preTokenGeneration.arn": "DescribeUserPool reports the ARN twice, in PreTokenGenerationConfig.LambdaArn and the legacy PreTokenGeneration: either reads it back",
        "triggers.customEmailSender.version": "V1_0, the only version, reads back as itself whatever the API reports",
        "triggers.customSmsSender.version": "V1_0, the only version, reads back as itself whatever the API reports",
        "email.identityArn": "an identity given by ARN reads back as the identity the stack would make (`identity`), which adopt imports",
    },
});
