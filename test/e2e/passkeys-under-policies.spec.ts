// End to end: prod deployed with a custom domain and passkeys (its state export made from the program's own
// evaluation), then its stack file changed: every policy of the pack judges the changed stack against the baseline of
// that state, as CI's `pulumi preview --policy-pack ... --policy-pack-config ...` would. Changing the relying party
// id, or the custom domain it follows, is refused naming the config key; other changes pass.
import * as assert from "assert";
import { baselineFromStateExport, policyConfigFor, POLICY_NAMES } from "cognito-user-pool-policies";
import { configKeysFor } from "../../config";
import { evaluateStack } from "../../offline/evaluate";
import type { PolicyPackConfig } from "../../offline/run-policies";
import { readStackConfig } from "../../stack-files/reader";
import { stateExportOf } from "../aws/support/state-export";
import { ProjectCopy } from "../cli/support/project-copy";
import { describeMandatory, mandatoryViolations, previewUnderPolicies } from "./support/deployed-stack";

const certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d";
const domainOf = (name: string) => `{name: ${name}, certificateArn: "${certificate}"}`;
const deployed = { firstAuthFactors: "[password, web_authn]", domain: domainOf("auth.example.com"), passkeys: "{userVerification: preferred}" };

describe("prod's passkeys under the policies, against what prod deployed", function () {
    this.timeout(60_000);
    let config: PolicyPackConfig;

    /** A copy of the project with prod's keys overridden. */
    function prodWith(keys: Record<string, string>): ProjectCopy {
        const copy = new ProjectCopy();
        for (const [key, value] of Object.entries(keys)) {
            copy.override("prod", key, value);
        }
        return copy;
    }

    before(async () => {
        const project = prodWith(deployed);
        try {
            const exported = stateExportOf(await evaluateStack(readStackConfig(project.dir, "prod")), "cognito-user-pool", "prod", "ap-northeast-2");
            const baseline = baselineFromStateExport(exported, { stack: "prod" });
            assert.equal(Object.values(baseline.userPools)[0].relyingPartyId, "auth.example.com");
            // As `npm run baseline` writes it to the policy-config file.
            config = JSON.parse(JSON.stringify(policyConfigFor(baseline, { protectedStacks: ["staging", "prod"] })));
        } finally {
            project.remove();
        }
    });

    async function judged(keys: Record<string, string>) {
        const copy = prodWith({ ...deployed, ...keys });
        try {
            return (await previewUnderPolicies(copy.dir, "prod", config)).verdicts;
        } finally {
            copy.remove();
        }
    }

    it("passes the deployed stack, and other changes with the relying party id unchanged (user verification, a new certificate)", async () => {
        assert.strictEqual(describeMandatory(await judged({})), "no mandatory violation");
        const changed = await judged({ passkeys: "{relyingPartyId: auth.example.com, userVerification: required}",
            domain: `{name: auth.example.com, certificateArn: "${certificate.replace("0a1b2c3d", "9f8e7d6c")}"}` });
        assert.strictEqual(describeMandatory(changed), "no mandatory violation");
    });

    it("fails a new relying party id, naming passkeys.relyingPartyId and what to do instead", async () => {
        const verdicts = await judged({ passkeys: "{relyingPartyId: example.com}" });
        const violations = mandatoryViolations(verdicts);
        assert.deepStrictEqual(violations.map((violation) => violation.policyName), [POLICY_NAMES.passkeysKept], describeMandatory(verdicts));
        const [violation] = violations;
        assert.deepStrictEqual(configKeysFor(violation.detail!.resourceType, violation.detail!.inputs), ["cognito-user-pool:passkeys.relyingPartyId"]);
        assert.match(violation.message, /deployed: "auth.example.com"\n {2}new: {6}"example.com"/);
        assert.match(violation.message, /every passkey users registered for auth\.example\.com stops working/);
    });

    it("fails a new custom domain, which the relying party id follows, beside the domain's own refusal", async () => {
        const verdicts = await judged({ domain: domainOf("login.example.com") });
        const passkeys = mandatoryViolations(verdicts).filter((violation) => violation.policyName === POLICY_NAMES.passkeysKept);
        assert.equal(passkeys.length, 1, describeMandatory(verdicts));
        assert.match(passkeys[0].message, /new: {6}"login.example.com"/);
        assert.ok(mandatoryViolations(verdicts).some((violation) => violation.policyName === POLICY_NAMES.domainUnchanged), describeMandatory(verdicts));
    });
});
