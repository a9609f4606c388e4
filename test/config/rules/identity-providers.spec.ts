import { strict as assert } from "assert";
import { parseStackConfig, parseStackSettings } from "../../../config";
import { google } from "../support/identity-providers";
import { assertProblems, context } from "../support/problems";

const oauthClient = (identityProviders: string[], writeAttributes?: string[]) => ({
    name: "web", ...(writeAttributes ? { writeAttributes } : {}),
    oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/callback"], identityProviders },
});
const stack = (extra: Record<string, unknown>) => ({ domain: { prefix: "example-auth" }, identityProviders: [google], ...extra });

describe("identity providers and the pool's clients and attributes (config/rules/identity-providers)", () => {
    it("lets a client offer COGNITO and the declared providers", () => {
        const settings = parseStackSettings(stack({ clients: [oauthClient(["COGNITO", "Google"])] }), context);
        assert.deepStrictEqual(settings.clients[0].oauth?.identityProviders, ["COGNITO", "Google"]);
    });

    it("refuses a client offering a provider the stack does not declare (Cognito: \"The provider … does not exist for User Pool\")", () => {
        assertProblems(stack({ clients: [oauthClient(["COGNITO", "Facebook"])] }), [
            `cognito-user-pool:clients[0].oauth.identityProviders[1]: got "Facebook"; expected COGNITO or a provider of identityProviders (Google)`,
        ]);
    });

    it("refuses a mapping to an attribute the pool lacks, or an immutable one, and a required attribute left unmapped", () => {
        assertProblems(stack({
            attributes: { required: ["email", "name"], custom: [{ name: "tenant", type: "string", mutable: false }] },
            identityProviders: [{ ...google, attributeMapping: { email: "email", "custom:team": "hd", "custom:tenant": "hd", nickname2: "nick" } }],
        }), [
            "cognito-user-pool:identityProviders[0].attributeMapping.custom:team: got \"hd\"; expected a custom attribute declared in attributes.custom (custom:tenant)",
            "cognito-user-pool:identityProviders[0].attributeMapping.custom:tenant: got \"hd\"; custom:tenant is immutable: Cognito updates mapped attributes at every sign-in, so they must be mutable",
            "cognito-user-pool:identityProviders[0].attributeMapping.nickname2: got \"nick\"; expected username, a standard attribute (address, birthdate, email, family_name, gender, given_name, locale, middle_name, name, nickname, phone_number, picture, preferred_username, profile, updated_at, website, zoneinfo) or custom:<declared name>",
            "cognito-user-pool:identityProviders[0].attributeMapping: got {\"email\":\"email\",\"custom:team\":\"hd\",\"custom:tenant\":\"hd\",\"nickname2\":\"nick\"}; expected a mapping for every required attribute (attributes.required): name missing; Cognito refuses the federated sign-in of a user without them",
        ]);
    });

    it("refuses a client that offers a provider but cannot write what it maps (\"the mapped attributes must be writable\")", () => {
        const attributes = { custom: [{ name: "team", type: "string" }] };
        const mapping = { email: "email", "custom:team": "hd", username: "sub" };
        assertProblems(stack({ attributes, identityProviders: [{ ...google, attributeMapping: mapping }],
            clients: [oauthClient(["Google"]), { ...oauthClient(["Google"], ["name"]), name: "admin" }] }), [
            "cognito-user-pool:clients[0].writeAttributes: got \"all\"; expected the attributes Google maps to be writable by this client, which offers it: add custom:team (all covers the standard attributes only)",
            "cognito-user-pool:clients[1].writeAttributes: got [\"name\"]; expected the attributes Google maps to be writable by this client, which offers it: add email, custom:team (all covers the standard attributes only)",
        ]);
        parseStackSettings(stack({ attributes, identityProviders: [{ ...google, attributeMapping: mapping }],
            clients: [oauthClient(["Google"], ["email", "custom:team"])] }), context);
    });

    describe("attacker: an identity provider that vouches for an address it never verified", () => {
        // Mallory signs up at an OIDC provider with victim@example.com unverified; the provider sends
        // email_verified=true (or a claim the stack would map to it). Mapped into the pool, Mallory's federated
        // profile would hold the victim's address as verified: the pool's recovery and sign-in by email then
        // reach for the wrong profile.
        it("refuses a mapping to email_verified or phone_number_verified: Cognito leaves mapped addresses unverified", () => {
            assertProblems(stack({ identityProviders: [{ ...google, attributeMapping: { email: "email", email_verified: "email_verified",
                phone_number_verified: "phone_verified" } }] }), [
                "cognito-user-pool:identityProviders[0].attributeMapping.email_verified: got \"email_verified\"; email_verified is set by Cognito, never by an identity provider (a provider could claim an address it never verified)",
                "cognito-user-pool:identityProviders[0].attributeMapping.phone_number_verified: got \"phone_verified\"; phone_number_verified is set by Cognito, never by an identity provider (a provider could claim an address it never verified)",
            ]);
        });

        it("the honest user's mapping (email and the provider's subject as user name) is accepted", () => {
            const settings = parseStackSettings(stack({ clients: [oauthClient(["Google"])] }), context);
            assert.deepStrictEqual(settings.identityProviders[0].attributeMapping, { email: "email", username: "sub" });
        });
    });

    describe("attacker: a reader of the stack file or the repository (credentials in plain text)", () => {
        const values = (secretKeys: string[]) => ({
            raw: { "cognito-user-pool:identityProviders": JSON.stringify([google]) },
            context: { ...context, secretKeys },
        });

        it("the program refuses a client secret under a config key that is not secret, naming the command that fixes it", () => {
            const { raw, context: plain } = values([]);
            assert.throws(() => parseStackConfig(raw, plain), (error: Error & { problems?: string[] }) => {
                assert.deepStrictEqual(error.problems, [
                    "cognito-user-pool:identityProviders[0].clientSecret: got a value in plain text; expected a secret: set it with " +
                    "`pulumi config set --secret --path 'identityProviders[0].clientSecret'` (Google's credential would be in the stack file and the state)",
                ]);
                assert.ok(!JSON.stringify(error.problems).includes(google.clientSecret), "the message never shows the secret");
                return true;
            });
        });

        it("a secure: identityProviders is accepted", () => {
            const { raw, context: secret } = values(["identityProviders"]);
            assert.equal(parseStackConfig(raw, secret).identityProviders[0].clientSecret, google.clientSecret);
        });

        it("a caller that knows no secret keys (promotion, adopt read stack files with secrets as placeholders) reads the settings", () => {
            assert.equal(parseStackSettings({ identityProviders: [google] }, context).identityProviders[0].name, "Google");
        });
    });
});
