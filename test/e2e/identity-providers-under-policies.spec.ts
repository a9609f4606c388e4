// End to end: prod with identity providers deployed (its state export made from the program's own evaluation),
// then its stack file changed: every policy of the pack judges the changed stack against the baseline of that state,
// as CI's `pulumi preview --policy-pack ... --policy-pack-config ...` would. Credentials are `secure:` values, as
// `pulumi config set --secret --path` writes them.
import * as assert from "assert";
import { POLICY_NAMES } from "cognito-user-pool-policies";
import type { PolicyPackConfig } from "../../offline/run-policies";
import { ProjectCopy } from "../cli/support/project-copy";
import { deployedProdConfig, describeMandatory, mandatoryViolations, previewUnderPolicies } from "./support/deployed-stack";

const corp = (over = "") => `{name: Corp, type: oidc, clientId: corp-app, clientSecret: {secure: v1:Y29ycC1zZWNyZXQ=}, ` +
    `issuer: "https://login.example.com", scopes: [openid, email], attributeMapping: {email: email}${over}}`;
const google = "{name: Google, type: google, clientId: 1example.apps.googleusercontent.com, clientSecret: {secure: v1:Z29vZ2xl}, " +
    "scopes: [openid, email, profile], attributeMapping: {email: email, username: sub}}";
const deployedProviders = `[${corp()}, ${google}]`;

describe("prod's identity providers under the policies, against what prod deployed", function () {
    this.timeout(60_000);
    let project: ProjectCopy;
    let config: PolicyPackConfig;

    before(async () => {
        project = new ProjectCopy();
        project.override("prod", "identityProviders", deployedProviders);
        config = await deployedProdConfig(project.dir);
    });

    after(() => project?.remove());

    /** Prod's stack file with its identity providers as given, judged against the deployed baseline. */
    async function judged(providers: string) {
        const copy = new ProjectCopy();
        try {
            copy.override("prod", "identityProviders", providers);
            return (await previewUnderPolicies(copy.dir, "prod", config)).verdicts;
        } finally {
            copy.remove();
        }
    }

    it("records the deployed providers in the baseline: name, type and pool, never their details", () => {
        const recorded = Object.values((config["cognito-identity-provider-unchanged"] as { baseline: { identityProviders: Record<string, unknown> } })
            .baseline.identityProviders);
        assert.deepStrictEqual(recorded.map((provider) => (provider as { providerType: string }).providerType).sort(), ["Google", "OIDC"]);
        assert.ok(!JSON.stringify(config).includes("client_secret"), "no detail in the policy config");
    });

    it("passes the deployed stack, and a rotated secret, new scopes, mapping and identifiers", async () => {
        assert.strictEqual(describeMandatory(await judged(deployedProviders)), "no mandatory violation");
        const changed = `[{name: Corp, type: oidc, clientId: corp-app, clientSecret: {secure: v1:cm90YXRlZA==}, issuer: "https://login.example.com", ` +
            `scopes: [openid, email, profile], attributeMapping: {email: email, name: name}, idpIdentifiers: [example.com]}, ${google}]`;
        assert.strictEqual(describeMandatory(await judged(changed)), "no mandatory violation");
    });

    it("fails a provider whose type changes under its name, naming the input and what its users lose", async () => {
        const verdicts = await judged(`[{name: Corp, type: saml, metadataUrl: "https://idp.example.com/metadata", attributeMapping: {email: mail}}, ${google}]`);
        const violations = mandatoryViolations(verdicts);
        assert.deepStrictEqual(violations.map((violation) => violation.policyName), [POLICY_NAMES.identityProviderUnchanged], describeMandatory(verdicts));
        assert.match(violations[0].message, /providerType is fixed at creation[\s\S]*deployed: "OIDC"\n {2}new: {6}"SAML"/);
    });

    it("fails a renamed (or removed) provider in the protected stack, naming the config key and the safe way", async () => {
        const verdicts = await judged(`[${corp().replace("name: Corp", "name: CorpSSO")}, ${google}]`);
        const violations = mandatoryViolations(verdicts);
        assert.deepStrictEqual(violations.map((violation) => violation.policyName), [POLICY_NAMES.identityProvidersKept], describeMandatory(verdicts));
        assert.match(violations[0].message, /identity provider "Corp" .*is deployed in this protected stack/);
        assert.match(violations[0].message, /keep "Corp" in cognito-user-pool:identityProviders/);
    });
});
