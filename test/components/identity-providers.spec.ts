import { strict as assert } from "assert";
import { identityProviderArgs, parseStackSettings } from "../../config";
import { ignoredDetails } from "../../components";
import type { StackConfig } from "../../stack-files/reader";
import { apple, google, oidc, saml } from "../config/support/identity-providers";
import { evaluate, ofType, only, resourceTypes, stackConfig, withSettings } from "../support/program";

const providerType = "aws:cognito/identityProvider:IdentityProvider";

const settings = {
    domain: { prefix: "example-auth" },
    identityProviders: [google, oidc],
    clients: [{
        name: "web",
        oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/callback"], identityProviders: ["COGNITO", "Google", "Corp"] },
    }],
};

/** The dev stack with these settings, `identityProviders` a secret key as `pulumi config set --secret --path` makes it. */
const devWith = (extra: Record<string, unknown>): StackConfig =>
    ({ ...withSettings(stackConfig("dev"), extra), secretKeys: ["cognito-user-pool:identityProviders"] });

describe("identity providers (components/identity-providers)", () => {
    it("registers each provider in the pool, parented to the SignInBackend, named after its provider name", async () => {
        const { resources } = await evaluate(devWith(settings));
        const backend = only(resources, resourceTypes.backend);
        const pool = only(resources, resourceTypes.userPool);
        const providers = ofType(resources, providerType);
        assert.deepStrictEqual(providers.map((provider) => provider.name), ["auth-identity-provider-Google", "auth-identity-provider-Corp"]);
        for (const provider of providers) {
            assert.equal(provider.parent, backend.urn);
            assert.ok(provider.dependencies?.includes(pool.urn), `${provider.name} takes the pool's id`);
        }
        assert.deepStrictEqual(providers[0].inputs, {
            providerName: "Google", providerType: "Google", userPoolId: pool.outputs?.id ?? providers[0].inputs.userPoolId,
            providerDetails: { client_id: google.clientId, client_secret: google.clientSecret, authorize_scopes: "openid email profile" },
            attributeMapping: { email: "email", username: "sub" },
        });
    });

    it("keeps the details secret as an input and as an output (the provider's Read stores the client_secret Cognito returns)", async () => {
        const { resources } = await evaluate(devWith(settings));
        for (const provider of ofType(resources, providerType)) {
            assert.deepStrictEqual(provider.secretInputs, ["providerDetails"]);
            assert.deepStrictEqual(provider.additionalSecretOutputs, ["providerDetails"]);
        }
    });

    it("makes a client wait for the providers it offers, and name them as they were created", async () => {
        const { resources } = await evaluate(devWith(settings));
        const client = only(resources, resourceTypes.client);
        for (const provider of ofType(resources, providerType)) {
            assert.ok(client.dependencies?.includes(provider.urn), `the client waits for ${provider.name}`);
        }
        assert.deepStrictEqual(client.inputs.supportedIdentityProviders, ["COGNITO", "Google", "Corp"]);
    });

    it("refuses to run with a client secret from a config key that is not secret", async () => {
        await assert.rejects(evaluate({ ...devWith(settings), secretKeys: [] }),
            /identityProviders\[0\]\.clientSecret: got a value in plain text; expected a secret/);
    });

    it("ignores the ProviderDetails keys Cognito adds that the provider does not suppress, and none the config declares", () => {
        const parsed = parseStackSettings({ identityProviders: [google, apple, oidc, saml, { ...saml, name: "Adfs", metadataUrl: undefined, metadataFile: "<xml/>" },
            { ...oidc, name: "Legacy", authorizeUrl: "https://legacy.example.com/authorize", idpIdentifiers: undefined }] }, { project: "p", stack: "s" });
        const ignored = Object.fromEntries(parsed.identityProviders.map((provider) =>
            [provider.name, ignoredDetails(provider, identityProviderArgs(provider).providerDetails as Record<string, string>)]));
        assert.deepStrictEqual(ignored.Google, [], "pulumi-aws suppresses Google's defaults");
        assert.deepStrictEqual(ignored.SignInWithApple, ["attributes_url_add_attributes", "authorize_url", "oidc_issuer", "token_request_method", "token_url"]
            .map((key) => `providerDetails.${key}`), "never private_key, which Describe does not return");
        assert.deepStrictEqual(ignored.Okta, ["providerDetails.SLORedirectBindingURI", "providerDetails.SSORedirectBindingURI"]);
        assert.deepStrictEqual(ignored.Adfs, ["providerDetails.SLORedirectBindingURI"], "the provider suppresses SSORedirectBindingURI with a MetadataFile");
        assert.ok(!ignored.Legacy.includes("providerDetails.authorize_url"), "a declared endpoint is compared");
    });

    it("adopts a provider by `<pool id>:<name>`", async () => {
        const { resources } = await evaluate(devWith({ ...settings, import: { userPool: "ap-northeast-2_AbCdEf123", identityProviders: ["Google"] } }));
        assert.deepStrictEqual(ofType(resources, providerType).map((provider) => provider.importId), ["ap-northeast-2_AbCdEf123:Google", undefined]);
    });

    it("registers none in a stack that declares none", async () => {
        const { resources } = await evaluate(stackConfig("dev"));
        assert.deepStrictEqual(ofType(resources, providerType), []);
    });
});
