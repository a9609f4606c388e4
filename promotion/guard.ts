import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { StackConfigError } from "../config/problems";
import { parseStackSettings, rawSettingsFromPulumiConfig } from "../config/settings";
import { deployedIdsOf, evaluateStack } from "../offline/evaluate";
import { PolicyPackConfig, runPolicies } from "../offline/run-policies";
import { readStackConfig, StackConfig, stackFilePath } from "../offline/stack-files";
import { POLICY_CATALOGUE } from "../policy-pack/src/catalogue";
import type { Baseline } from "../policy-pack/src/fixed-settings/types";
import { allPolicies } from "../policy-pack/src/policies";
import type { Promotion } from "./promotion";

/** The policies that compare a pool's and its clients' fixed settings with the deployed baseline. */
const fixedSettingsPolicies = allPolicies.filter((policy) =>
    POLICY_CATALOGUE.some((entry) => entry.name === policy.name && entry.config.includes("baseline")));

/** The target stack's config as the CLI would merge it if its stack file held the promoted text. */
function promotedStackConfig(projectDir: string, promotion: Promotion): StackConfig {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "promotion-"));
    try {
        fs.copyFileSync(path.join(projectDir, "Pulumi.yaml"), path.join(scratch, "Pulumi.yaml"));
        fs.writeFileSync(stackFilePath(scratch, promotion.to), promotion.promotedText);
        return readStackConfig(scratch, promotion.to);
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}

/**
 * Why the promoted target must not be written, or nothing: it fails config validation, or (given the target's
 * baseline) its program, evaluated offline, changes a fixed setting of what the target has deployed, judged by
 * the policy pack's fixed-settings policies exactly as `pulumi preview` would.
 */
export async function promotionRefusals(
    projectDir: string, promotion: Promotion, policyConfig?: PolicyPackConfig, baseline?: Baseline,
): Promise<string[]> {
    const stackConfig = promotedStackConfig(projectDir, promotion);
    try {
        parseStackSettings(rawSettingsFromPulumiConfig(stackConfig.config), { project: stackConfig.project, stack: promotion.to });
    } catch (error) {
        if (error instanceof StackConfigError) {
            return error.problems.map((problem) => `the result would not pass config validation: ${problem}`);
        }
        throw error;
    }
    if (policyConfig === undefined) {
        return [];
    }
    const evaluation = await evaluateStack(stackConfig, { deployedIds: deployedIdsOf(baseline) });
    const verdicts = await runPolicies(fixedSettingsPolicies, evaluation.resources, policyConfig);
    // Whatever level the config gives these policies: a changed fixed setting replaces the pool or client.
    return verdicts.flatMap((verdict) => verdict.violations)
        .map((violation) => `[${violation.policyName}] ${violation.message}`);
}
