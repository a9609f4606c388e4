// End to end: prod deployed on the Lite tier (its state export made from the program's own evaluation), with and
// without threat protection, then judged by every policy of the pack against the baseline of that state, as CI's
// `pulumi preview --policy-pack ... --policy-pack-config ...` would. AWS keeps threat protection for a Lite pool that
// already ran it (aws-cdk #36023); a Lite pool turning it on is refused before AWS, naming the config keys.
import * as assert from "assert";
import { POLICY_NAMES } from "cognito-user-pool-policies";
import { configKeysFor } from "../../config";
import type { PolicyPackConfig } from "../../offline/run-policies";
import { ProjectCopy } from "../cli/support/project-copy";
import { deployedProdConfig, describeMandatory, mandatoryViolations, previewUnderPolicies } from "./support/deployed-stack";

const lite = { tier: "lite" };
const enforced = { ...lite, threatProtection: "{mode: enforced, compromisedCredentials: {action: block}}" };

describe("prod's threat protection under the policies, against the tier and mode prod deployed", function () {
    this.timeout(60_000);

    function prodWith(keys: Record<string, string>): ProjectCopy {
        const copy = new ProjectCopy();
        for (const [key, value] of Object.entries(keys)) {
            copy.override("prod", key, value);
        }
        return copy;
    }

    /** The policy config `npm run baseline` writes for prod deployed with these keys. */
    async function deployedWith(keys: Record<string, string>): Promise<PolicyPackConfig> {
        const project = prodWith(keys);
        try {
            return await deployedProdConfig(project.dir);
        } finally {
            project.remove();
        }
    }

    async function judged(config: PolicyPackConfig, keys: Record<string, string>) {
        const copy = prodWith(keys);
        try {
            return (await previewUnderPolicies(copy.dir, "prod", config)).verdicts;
        } finally {
            copy.remove();
        }
    }

    it("the older Lite pool that runs threat protection keeps it, with other changes", async () => {
        const config = await deployedWith(enforced);
        assert.strictEqual(describeMandatory(await judged(config, enforced)), "no mandatory violation");
        assert.strictEqual(describeMandatory(await judged(config, { ...lite, threatProtection: "{mode: audit, accountTakeover: {high: {action: block}}}" })),
            "no mandatory violation");
    });

    it("a Lite pool that never ran it cannot turn it on: refused naming tier and threatProtection.mode", async () => {
        const verdicts = await judged(await deployedWith(lite), enforced);
        const violations = mandatoryViolations(verdicts);
        assert.deepStrictEqual(violations.map((violation) => violation.policyName), [POLICY_NAMES.threatProtectionTier], describeMandatory(verdicts));
        assert.deepStrictEqual(configKeysFor(violations[0].detail!.resourceType, violations[0].detail!.inputs),
            ["cognito-user-pool:tier", "cognito-user-pool:threatProtection.mode"]);
        assert.match(violations[0].message, /deployed: tier not recorded, threat protection OFF/);
    });
});
