import { strict as assert } from "assert";
import {
    credentialPlaceholder, entriesOf, identityProviderArgs, identityProviderFromDescribed, IdentityProviderInput, identityProviders, parseStackSettings,
} from "../../../config";
import { describedIdentityProvider, plain } from "../../aws/support/described-from-inputs";
import { amazon, apple, facebook, google, oidc, saml } from "../support/identity-providers";
import { assertProblems, context, problemsOf } from "../support/problems";
import { along, describeRoundTrip, recordingContext } from "../support/round-trip";

const withProviders = (...providers: object[]) => ({ identityProviders: providers });

describe("identity providers (config/catalogue/identity-providers)", () => {
    it("takes a provider of each type, and none by default", () => {
        const settings = parseStackSettings(withProviders(google, apple, facebook, amazon, oidc, saml), context);
        assert.deepStrictEqual(settings.identityProviders.map((provider) => provider.name),
            ["Google", "SignInWithApple", "Facebook", "LoginWithAmazon", "Corp", "Okta"]);
        assert.deepStrictEqual(parseStackSettings({}, context).identityProviders, []);
    });

    it("maps each type's settings to the ProviderDetails keys CreateIdentityProvider documents", () => {
        const [g, a, f, l, o, s] = parseStackSettings(withProviders(google, apple, facebook, amazon, oidc, saml), context).identityProviders;
        assert.deepStrictEqual(identityProviderArgs(g), {
            providerName: "Google", providerType: "Google",
            providerDetails: { client_id: google.clientId, client_secret: "google-secret", authorize_scopes: "openid email profile" },
            attributeMapping: { email: "email", username: "sub" },
        });
        assert.deepStrictEqual(identityProviderArgs(a).providerDetails,
            { client_id: "com.example.web", authorize_scopes: "email name", team_id: "TEAM123", key_id: "KEY123", private_key: apple.privateKey });
        assert.deepStrictEqual(identityProviderArgs(f).providerDetails,
            { client_id: "1234", client_secret: "fb-secret", authorize_scopes: "public_profile, email", api_version: "v17.0" });
        assert.equal(identityProviderArgs(l).providerType, "LoginWithAmazon");
        assert.deepStrictEqual(identityProviderArgs(o), {
            providerName: "Corp", providerType: "OIDC",
            providerDetails: { client_id: "corp-app", client_secret: "corp-secret", authorize_scopes: "openid email",
                oidc_issuer: "https://login.example.com", attributes_request_method: "GET" },
            attributeMapping: { email: "email" }, idpIdentifiers: ["example.com"],
        });
        assert.deepStrictEqual(identityProviderArgs(s).providerDetails,
            { MetadataURL: saml.metadataUrl, IDPSignout: "true", IDPInit: "false", EncryptedResponses: "false" });
    });

    it("refuses a name CreateIdentityProvider refuses, or one the provider could not import (`:`), every problem at once", () => {
        const named = (name: string) => ({ ...oidc, name, idpIdentifiers: undefined });
        assertProblems(withProviders(named("ab"), named("two words"), named("a".repeat(33)), named("corp:eu"), named("_corp"), named("COGNITO")), [
            `cognito-user-pool:identityProviders[0].name: got "ab"; expected 3 to 32 letters, digits, symbols or punctuation, no spaces, \`_\` only as the second character`,
            `cognito-user-pool:identityProviders[1].name: got "two words"; expected 3 to 32 letters, digits, symbols or punctuation, no spaces, \`_\` only as the second character`,
            `cognito-user-pool:identityProviders[2].name: got "${"a".repeat(33)}"; expected 3 to 32 letters, digits, symbols or punctuation, no spaces, \`_\` only as the second character`,
            `cognito-user-pool:identityProviders[3].name: got "corp:eu"; expected no ":" (the provider imports an identity provider by \`<pool id>:<name>\`)`,
            `cognito-user-pool:identityProviders[4].name: got "_corp"; expected 3 to 32 letters, digits, symbols or punctuation, no spaces, \`_\` only as the second character`,
            "cognito-user-pool:identityProviders[5].name: got \"COGNITO\"; expected a name other than COGNITO, which app clients use for the pool's own users",
        ]);
    });

    it("refuses a social provider not named after its type (Cognito: \"Provider NameOfGP cannot be of type Google\")", () => {
        assertProblems(withProviders({ ...google, name: "MyGoogle" }), [
            `cognito-user-pool:identityProviders[0].name: got "MyGoogle"; expected Google: Cognito names a google provider after its type`,
        ]);
    });

    it("refuses a type's missing keys and another type's keys, naming each, never echoing a credential", () => {
        assertProblems(withProviders({ name: "SignInWithApple", type: "apple", clientId: "com.example", clientSecret: "leaked-secret", scopes: ["email"],
            attributeMapping: { email: "email" } }, { name: "Okta", type: "saml", issuer: "https://x.example.com", attributeMapping: { email: "mail" } }), [
            "cognito-user-pool:identityProviders[0].clientSecret: got \"[secret]\"; apple providers take no clientSecret (it is for google, facebook, amazon, oidc)",
            "cognito-user-pool:identityProviders[0].teamId: got nothing; apple providers need teamId",
            "cognito-user-pool:identityProviders[0].keyId: got nothing; apple providers need keyId",
            "cognito-user-pool:identityProviders[0].privateKey: got nothing; apple providers need privateKey",
            "cognito-user-pool:identityProviders[1].issuer: got \"https://x.example.com\"; saml providers take no issuer (it is for oidc)",
            "cognito-user-pool:identityProviders[1].metadataUrl: got nothing; saml providers need exactly one of metadataUrl and metadataFile",
        ]);
    });

    it("refuses the ProviderDetails keys Cognito sets itself (read only), as unknown keys", () => {
        const problems = problemsOf(withProviders({ ...saml, ActiveEncryptionCertificate: "MII…" }, { ...google, attributes_url_add_attributes: "true" }));
        assert.match(problems[0], /^cognito-user-pool:identityProviders\[0\]\.ActiveEncryptionCertificate: unknown key; allowed here: name, type, clientId,/);
        assert.match(problems[1], /^cognito-user-pool:identityProviders\[1\]\.attributes_url_add_attributes: unknown key;/);
    });

    it("refuses identifiers IdpIdentifierType refuses, and more than 50", () => {
        assertProblems(withProviders({ ...oidc, idpIdentifiers: ["bad/identifier", "x".repeat(41)] },
            { ...oidc, name: "Corp2", idpIdentifiers: [...Array.from({ length: 51 }, (_, index) => `d${index}.example.com`)] }), [
            "cognito-user-pool:identityProviders[0].idpIdentifiers[0]: got \"bad/identifier\"; expected 1 to 40 letters, digits, spaces or + = . @ - _",
            `cognito-user-pool:identityProviders[0].idpIdentifiers[1]: got "${"x".repeat(41)}"; expected 1 to 40 letters, digits, spaces or + = . @ - _`,
            "cognito-user-pool:identityProviders[1].idpIdentifiers: got [\"d0.example.com\",\"d1.example.com\",\"d2.example.com\",\"d3.example.com\",\"d4.exam...; expected at most 50 identifiers",
        ]);
    });

    it("refuses an identifier two providers share: Cognito routes an identifier to one provider", () => {
        assertProblems(withProviders(oidc, { ...oidc, name: "Corp2", idpIdentifiers: ["bad/identifier"] }, { ...oidc, name: "Corp3" }), [
            "cognito-user-pool:identityProviders[1].idpIdentifiers[0]: got \"bad/identifier\"; expected 1 to 40 letters, digits, spaces or + = . @ - _",
            "cognito-user-pool:identityProviders[2].idpIdentifiers[0]: got \"example.com\"; expected an identifier no other provider has (Corp has it): Cognito routes an identifier to one provider",
        ]);
    });

    it("refuses two providers of one name", () => {
        assertProblems(withProviders(oidc, { ...oidc, idpIdentifiers: undefined }), [
            `cognito-user-pool:identityProviders[1].name: got "Corp"; expected a name not used by another identity provider`,
        ]);
    });

    it("adopts only providers the stack declares, and only with the pool's id", () => {
        assertProblems({ ...withProviders(google), import: { identityProviders: ["Google", "Okta"] } }, [
            `cognito-user-pool:import.identityProviders[1]: got "Okta"; expected one of identityProviders (Google)`,
            "cognito-user-pool:import.userPool: got nothing; adopting identity providers needs the id of the pool they belong to",
        ]);
    });
});

describe("an Apple private key, which Describe never returns (API reference, IdentityProviderType)", () => {
    it("reads back as the placeholder the program refuses until it is set as a secret, with a note", () => {
        const settings = parseStackSettings({ identityProviders: [apple] }, context).identityProviders[0];
        const described = describedIdentityProvider(plain({ ...identityProviderArgs(settings), userPoolId: "us-east-1_Pool1" }));
        const notes = recordingContext();
        assert.equal(described.ProviderDetails?.private_key, undefined);
        assert.equal(identityProviderFromDescribed(described, notes)?.privateKey, credentialPlaceholder);
        assert.deepStrictEqual(notes.notes, ["privateKey: never described by AWS: set it with `pulumi config set --secret --path`"]);
    });
});

const mapsEmail = { attributeMapping: { email: "email" } };
const { idpIdentifiers: _identifiers, ...oidcWithoutIdentifiers } = oidc;

describeRoundTrip("an identity provider: settings → aws.cognito.IdentityProvider inputs → DescribeIdentityProvider → settings", {
    // privateKey is never described (above): read back as the placeholder, as the Apple base holds it.
    entries: entriesOf(identityProviders).filter(({ key }) => key !== "privateKey"),
    parse: (raw: IdentityProviderInput) => parseStackSettings({ identityProviders: [raw] }, context).identityProviders[0],
    args: (settings) => plain({ ...identityProviderArgs(settings), userPoolId: "us-east-1_Pool1" }),
    describe: describedIdentityProvider,
    read: identityProviderFromDescribed,
    bases: [
        { ...google, ...mapsEmail },
        { ...apple, privateKey: credentialPlaceholder, ...mapsEmail },
        { ...facebook, ...mapsEmail },
        { ...oidcWithoutIdentifiers, ...mapsEmail },
        { ...saml, ...mapsEmail },
        { name: "Adfs", type: "saml", metadataFile: "<EntityDescriptor entityID=\"https://adfs.example.com\"/>", ...mapsEmail },
    ],
    variations: {
        name: ["CorpSSO", "a_b-c.d"],
        // A social provider is named after its type.
        type: [along("amazon", { name: "LoginWithAmazon" })],
        clientId: ["another-app"],
        clientSecret: ["another-secret"],
        scopes: [["openid"], ["email", "profile"]],
        teamId: ["TEAM999"],
        keyId: ["KEY999"],
        apiVersion: ["v18.0"],
        issuer: ["https://id.example.org"],
        attributesRequestMethod: ["POST"],
        authorizeUrl: ["https://login.example.com/oauth2/authorize"],
        tokenUrl: ["https://login.example.com/oauth2/token"],
        attributesUrl: ["https://login.example.com/userinfo"],
        jwksUri: ["https://login.example.com/jwks"],
        metadataUrl: ["https://idp.example.com/other-metadata"],
        metadataFile: ["<EntityDescriptor entityID=\"https://adfs2.example.com\"/>"],
        signOut: [true],
        idpInitiated: [true],
        encryptedResponses: [true],
        requestSigningAlgorithm: ["rsa-sha256"],
        attributeMapping: [{ email: "mail", name: "displayName", username: "sub" }],
        idpIdentifiers: [["example.com"], ["a", "corp example"]],
    },
});
