// End to end: prod with a managed login domain and a branded client deployed (its state export made from the program's
// own evaluation), then its stack file changed: every policy of the pack judges the changed stack against the baseline
// of that state, as CI's `pulumi preview --policy-pack ... --policy-pack-config ...` would.
import * as assert from "assert";
import { POLICY_NAMES } from "cognito-user-pool-policies";
import { configKeysFor } from "../../config";
import type { PolicyPackConfig } from "../../offline/run-policies";
import { ProjectCopy } from "../cli/support/project-copy";
import { deployedProdConfig, describeMandatory, previewUnderPolicies } from "./support/deployed-stack";

const domain = "{prefix: example-auth, managedLoginVersion: 2}";
const clientsWith = (branding: string) =>
    `[{name: web, oauth: {flows: [code], callbackUrls: ["https://app.example.com/callback"]}, branding: ${branding}}]`;
const logo = (file: string) => `{settings: {}, assets: [{category: FORM_LOGO, colorMode: LIGHT, extension: PNG, file: ${file}}]}`;

describe("prod's branding style under the policies, against what prod deployed", function () {
    this.timeout(60_000);
    let config: PolicyPackConfig;

    /** Prod with the managed login domain and these clients in place of its own, in a copy of the project. */
    function prodWith(clients: string): ProjectCopy {
        const copy = new ProjectCopy();
        const prod = copy.read("prod");
        copy.write("Pulumi.prod.yaml", `${prod.slice(0, prod.indexOf("  cognito-user-pool:clients:"))}` +
            `  cognito-user-pool:domain: ${domain}\n  cognito-user-pool:clients: ${clients}\n`);
        return copy;
    }

    before(async () => {
        const project = prodWith(clientsWith(logo("test/fixtures/branding/logo.png")));
        try {
            config = await deployedProdConfig(project.dir);
        } finally {
            project.remove();
        }
    });

    async function judged(clients: string) {
        const copy = prodWith(clients);
        try {
            return (await previewUnderPolicies(copy.dir, "prod", config)).verdicts;
        } finally {
            copy.remove();
        }
    }

    const violationsOf = (verdicts: Awaited<ReturnType<typeof judged>>) =>
        verdicts.filter((verdict) => verdict.policyName === POLICY_NAMES.brandingUnchanged).flatMap((verdict) => verdict.violations);

    it("records the deployed style in the baseline, and passes it again with new settings", async () => {
        const entry = config[POLICY_NAMES.brandingUnchanged] as { baseline: { brandings?: Record<string, unknown> } };
        assert.strictEqual(Object.keys(entry.baseline.brandings ?? {}).length, 1);
        const verdicts = await judged(clientsWith("{settings: {categories: {global: {colorSchemeMode: DARK}}}, assets: " +
            "[{category: FORM_LOGO, colorMode: LIGHT, extension: PNG, file: test/fixtures/branding/logo.png}]}"));
        assert.deepStrictEqual(violationsOf(verdicts), []);
        assert.strictEqual(describeMandatory(verdicts), "no mandatory violation");
    });

    it("reports another image as advisory, naming clients[].branding.assets, and lets the update go ahead", async () => {
        const verdicts = await judged(clientsWith(logo("test/fixtures/branding/logo-dark.png")));
        const [violation, ...rest] = violationsOf(verdicts);
        assert.deepStrictEqual(rest, []);
        assert.strictEqual(violation.enforcementLevel, "advisory");
        assert.match(violation.message, /assets is fixed at creation[\s\S]*no user, session or setting of the client is lost/);
        assert.deepStrictEqual(configKeysFor(violation.detail!.resourceType, violation.detail!.inputs), ["cognito-user-pool:clients[].branding.assets"]);
        assert.strictEqual(describeMandatory(verdicts), "no mandatory violation");
    });
});
