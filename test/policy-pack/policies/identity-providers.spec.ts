import * as assert from "assert";
import { identityProvidersKept, identityProviderUnchanged } from "../../../policy-pack/src/policies";
import { Baseline } from "../../../policy-pack/src/fixed-settings";
import { CLIENT_TYPE, POOL_TYPE, poolUrn, resourceArgs, stackArgs, stackViolations, urnOf, violations } from "../support/args";
import { seedBaseline } from "../support/baseline";
import { POOL_ID, REGION, clientProps, poolProps } from "../support/fixtures";

const PROVIDER_TYPE = "aws:cognito/identityProvider:IdentityProvider";
const providerUrn = (stack = "dev", name = "Corp") => urnOf(stack, PROVIDER_TYPE, `auth-identity-provider-${name}`);

/** The seed's deployed stack with an OIDC provider `Corp` in its pool. */
function deployed(stack = "dev"): Baseline {
    return {
        ...seedBaseline(stack),
        identityProviders: {
            [providerUrn(stack)]: { id: `${POOL_ID}:Corp`, region: REGION, providerName: "Corp", providerType: "OIDC", userPool: poolUrn(stack) },
        },
    };
}

const providerProps = (over: Record<string, unknown> = {}) => ({
    providerName: "Corp", providerType: "OIDC", userPoolId: POOL_ID, attributeMapping: { email: "email" },
    providerDetails: { client_id: "corp-app", client_secret: "corp-secret", authorize_scopes: "openid email", oidc_issuer: "https://login.example.com" },
    ...over,
});

describe("policy cognito-identity-provider-unchanged (rows of the table)", () => {
    const provider = (props: Record<string, unknown>) => violations(identityProviderUnchanged,
        resourceArgs({ type: PROVIDER_TYPE, name: "auth-identity-provider-Corp", props, config: { baseline: deployed() } }));

    it("passes a change of what the provider updates in place: details (a rotated secret, new scopes), mapping, identifiers", async () => {
        assert.deepStrictEqual(await provider(providerProps({
            providerDetails: { client_id: "corp-app", client_secret: "rotated", authorize_scopes: "openid email profile", oidc_issuer: "https://login.example.com" },
            attributeMapping: { email: "email", name: "name" }, idpIdentifiers: ["example.com"],
        })), []);
    });

    it("fails a deployed provider given a new name under its URN, naming the input, what its users lose and the safe way", async () => {
        const [message, ...rest] = await provider(providerProps({ providerName: "CorpSSO" }));
        assert.deepStrictEqual(rest, []);
        assert.match(message, /^IdentityProvider "auth-identity-provider-Corp" \(.*\): providerName is fixed at creation and differs from what is deployed\./);
        assert.match(message, /deployed: "Corp"\n {2}new: {6}"CorpSSO"/);
        assert.match(message, /every federated user gets a new, empty profile \(a new sub/);
        assert.match(message, /add the new provider beside the deployed one \(a new entry of cognito-user-pool:identityProviders/);
        assert.match(message, /input: `providerName`$/);
    });

    it("fails a new type (OIDC to SAML under one name) and another pool", async () => {
        const [type] = await provider(providerProps({ providerType: "SAML", providerDetails: { MetadataURL: "https://idp.example.com/metadata" } }));
        assert.match(type, /providerType is fixed at creation[\s\S]*deployed: "OIDC"\n {2}new: {6}"SAML"/);
        assert.match(type, /DuplicateProviderException/);
        const [pool] = await provider(providerProps({ userPoolId: "eu-west-1_Other" }));
        assert.match(pool, /userPoolId is fixed at creation[\s\S]*deployed: "eu-west-1_AbCdEf123"\n {2}new: {6}"eu-west-1_Other"/);
    });

    it("passes a provider the baseline does not record (a new one), and judges nothing without a baseline", async () => {
        assert.deepStrictEqual(await violations(identityProviderUnchanged, resourceArgs({ type: PROVIDER_TYPE, name: "auth-identity-provider-Google",
            props: providerProps({ providerName: "Google", providerType: "Google" }), config: { baseline: deployed() } })), []);
        assert.deepStrictEqual(await violations(identityProviderUnchanged, resourceArgs({ type: PROVIDER_TYPE, name: "auth-identity-provider-Corp",
            props: providerProps({ providerName: "x" }) })), []);
    });
});

describe("policy cognito-identity-providers-kept (stack, protected stacks)", () => {
    const pool = { type: POOL_TYPE, name: "auth-pool", props: poolProps("prod") };
    const client = { type: CLIENT_TYPE, name: "auth-client-web", props: clientProps() };
    const corp = { type: PROVIDER_TYPE, name: "auth-identity-provider-Corp", props: providerProps() };
    const run = (stack: string, resources: Parameters<typeof stackArgs>[1]) =>
        stackViolations(identityProvidersKept, stackArgs(stack, resources, { baseline: deployed(stack) }));

    it("passes while the deployed provider is declared, whatever its details", async () => {
        assert.deepStrictEqual(await run("prod", [pool, client, { ...corp, props: providerProps({ attributeMapping: { email: "mail" } }) }]), []);
    });

    it("fails a removed (or renamed) provider in a protected stack, naming the config key and the safe way", async () => {
        const renamed = { type: PROVIDER_TYPE, name: "auth-identity-provider-CorpSSO", props: providerProps({ providerName: "CorpSSO" }) };
        const [removed, ...rest] = await run("prod", [pool, client, renamed]);
        assert.deepStrictEqual(rest, []);
        assert.ok(removed.message.startsWith(`IdentityProvider "auth-identity-provider-Corp" (${providerUrn("prod")}), identity provider "Corp" (${POOL_ID}:Corp), ` +
            "is deployed in this protected stack"), removed.message);
        assert.match(removed.message, /every user who signs in through "Corp" is refused/);
        assert.match(removed.message, /instead: keep "Corp" in cognito-user-pool:identityProviders/);
    });

    it("lets a provider moved under an alias of the deployed URN through", async () => {
        assert.deepStrictEqual(await run("prod", [pool, client,
            { ...corp, name: "auth-idp-Corp", opts: { aliases: [providerUrn("prod")] } }]), []);
    });

    it("leaves a stack outside protectedStacks (dev) to the engine verdict of npm run up", async () => {
        assert.deepStrictEqual(await run("dev", [{ ...pool, props: poolProps() }, client]), []);
    });
});
