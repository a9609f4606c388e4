import { strict as assert } from "assert";
import { parseStackSettings, userPoolArgs, passkeysFromDescribed, ReadContext, StackContext } from "../../../config";
import { assertProblems, context, problemsOf } from "../support/problems";

const inRegion: StackContext = { ...context, region: "eu-west-1" };
const certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d";
const custom = { name: "auth.example.com", certificateArn: certificate };
const passkeyFactors = { firstAuthFactors: ["password", "web_authn"] };

function recording(): ReadContext & { gaps: unknown[][] } {
    const gaps: unknown[][] = [];
    return { region: "eu-west-1", gaps, gap: (setting, live, why) => gaps.push([setting, live, why]), note: () => undefined };
}

describe("passkeys (config/catalogue/passkeys)", () => {
    describe("the relying party id", () => {
        it("defaults to a custom domain's name (CreateUserPoolDomain: the passkey RP ID defaults to the custom domain)", () => {
            const settings = parseStackSettings({ ...passkeyFactors, domain: custom }, inRegion);
            assert.deepStrictEqual(settings.passkeys, { relyingPartyId: "auth.example.com", userVerification: "preferred" });
            assert.deepStrictEqual(userPoolArgs(settings).webAuthnConfiguration, { relyingPartyId: "auth.example.com", userVerification: "preferred" });
        });

        it("defaults to a prefix domain's whole host name in the stack's region (auth.<region>.amazoncognito.com is a public suffix)", () => {
            const settings = parseStackSettings({ ...passkeyFactors, domain: { prefix: "example-auth" } }, inRegion);
            assert.equal(settings.passkeys?.relyingPartyId, "example-auth.auth.eu-west-1.amazoncognito.com");
        });

        it("is the one written when given, and sent with every update, so that the provider compares a known value", () => {
            const settings = parseStackSettings({ ...passkeyFactors, passkeys: { relyingPartyId: "example.com", userVerification: "required" } }, inRegion);
            assert.deepStrictEqual(userPoolArgs(settings).webAuthnConfiguration, { relyingPartyId: "example.com", userVerification: "required" });
        });

        it("is refused when nothing gives it: no domain, or a prefix domain without the stack's region", () => {
            assertProblems(passkeyFactors, ["cognito-user-pool:passkeys.relyingPartyId: passkeys need a relying party id: add domain (passkeys then use " +
                "its name), or write passkeys.relyingPartyId, the domain your app signs in on"]);
            assertProblems({ ...passkeyFactors, domain: { prefix: "example-auth" } }, ["cognito-user-pool:passkeys.relyingPartyId: the relying party id of " +
                "a prefix domain names its region: set aws:region, or write passkeys.relyingPartyId"]);
        });

        it("refuses what WebAuthnConfigurationType refuses (1 to 127 characters) and what is no domain name", () => {
            const longest = `${"a".repeat(61)}.${"b".repeat(61)}.com`;
            for (const relyingPartyId of ["https://example.com", "Example.com", `${longest}x`, "localhost"]) {
                const problems = problemsOf({ ...passkeyFactors, passkeys: { relyingPartyId } }, inRegion);
                assert.equal(problems.length, 1);
                assert.match(problems[0], /^cognito-user-pool:passkeys\.relyingPartyId: got ".*; expected a lower-case domain name of at most 127 characters, like auth\.example\.com \(no scheme, port or path\)$/);
            }
            assert.equal(longest.length, 127);
            assert.equal(parseStackSettings({ ...passkeyFactors, passkeys: { relyingPartyId: longest } }, inRegion).passkeys?.relyingPartyId, longest);
        });

        it("must be a custom domain's name when clients sign in on its hosted pages (WebAuthnConfigurationType)", () => {
            const oauthClient = { name: "web", oauth: { flows: ["code"], scopes: ["openid"], callbackUrls: ["https://app.example.com/cb"] } };
            assert.deepStrictEqual(problemsOf({ ...passkeyFactors, domain: custom, clients: [oauthClient], passkeys: { relyingPartyId: "example.com" } }, inRegion), [
                `cognito-user-pool:passkeys.relyingPartyId: got "example.com"; with the custom domain auth.example.com, passkeys in the hosted sign-in pages ` +
                    "need it as their relying party id: remove passkeys.relyingPartyId or write auth.example.com"]);
            // An SDK app signing in with USER_AUTH may name its own domain.
            assert.equal(parseStackSettings({ ...passkeyFactors, domain: custom, clients: [{ name: "app", authFlows: ["user_auth"] }],
                passkeys: { relyingPartyId: "example.com" } }, inRegion).passkeys?.relyingPartyId, "example.com");
        });
    });

    it("sends no webAuthnConfiguration without passkeys, and keeps a written one when web_authn is no longer offered", () => {
        assert.equal(userPoolArgs(parseStackSettings({}, inRegion)).webAuthnConfiguration, undefined);
        assert.deepStrictEqual(userPoolArgs(parseStackSettings({ passkeys: { relyingPartyId: "example.com" } }, inRegion)).webAuthnConfiguration,
            { relyingPartyId: "example.com", userVerification: "preferred" });
    });

    describe("the tier matrix (WebAuthnConfigurationType, SignInPolicyType: Essentials tier or higher)", () => {
        for (const tier of ["lite", "essentials", "plus"] as const) {
            it(`web_authn on ${tier}: ${tier === "lite" ? "refused, naming tier" : "accepted"}`, () => {
                const raw = { tier, ...passkeyFactors, passkeys: { relyingPartyId: "example.com" } };
                if (tier === "lite") {
                    assertProblems(raw, [`cognito-user-pool:firstAuthFactors: got ["password","web_authn"]; web_authn as a first factor needs tier essentials or plus ` +
                        "(tier is lite): set tier, or remove it"]);
                } else {
                    assert.deepEqual(parseStackSettings(raw, inRegion).firstAuthFactors, ["password", "web_authn"]);
                }
            });
        }
    });

    it("refuses web_authn while MFA is required (WebAuthnMfaSettingsType: passkey MFA, which @pulumi/aws 7.48 cannot set), accepts it with optional MFA", () => {
        const raw = { ...passkeyFactors, passkeys: { relyingPartyId: "example.com" }, mfa: { mode: "required", factors: ["totp"] } };
        assert.deepStrictEqual(problemsOf(raw, inRegion), [`cognito-user-pool:firstAuthFactors: got ["password","web_authn"]; passkey sign-in is not available ` +
            "while MFA is required (Cognito needs passkey MFA for it, which @pulumi/aws 7.48 cannot configure): set mfa.mode to optional or off, or remove web_authn"]);
        assert.equal(parseStackSettings({ ...raw, mfa: { mode: "optional", factors: ["totp"] } }, inRegion).passkeys?.relyingPartyId, "example.com");
    });

    describe("read back from GetUserPoolMfaConfig's WebAuthnConfiguration", () => {
        it("writes the relying party id explicitly, so that the adopted stack keeps it whatever its domain", () => {
            const context = recording();
            assert.deepStrictEqual(passkeysFromDescribed({ RelyingPartyId: "auth.example.com", UserVerification: "required" }, context),
                { relyingPartyId: "auth.example.com", userVerification: "required" });
            assert.deepStrictEqual(context.gaps, []);
        });

        it("reads none when no relying party id is reported, naming a required verification it cannot keep", () => {
            const context = recording();
            assert.equal(passkeysFromDescribed(undefined, context), undefined);
            assert.equal(passkeysFromDescribed({ UserVerification: "required" }, context), undefined);
            assert.deepStrictEqual(context.gaps.map(([setting]) => setting), ["MfaConfig.WebAuthnConfiguration.UserVerification"]);
        });
    });
});
