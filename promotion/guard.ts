import { StackConfigError } from "../config/rules/problems";
import { parseStackSettings, rawSettingsFromPulumiConfig } from "../config/settings";
import type { Baseline } from "cognito-user-pool-policies";
import type { PolicyPackConfig } from "../offline/run-policies";
import { readStackConfig } from "../stack-files/reader";
import type { Promotion } from "./promotion";

/**
 * The mandatory policies that compare a pool's and its clients' fixed settings with the deployed baseline, with
 * what runs them: loaded only when a baseline is given (the program and the pack take a second to load).
 */
async function fixedSettingsJudge() {
    const [{ deployedIdsOf, evaluateStack }, { runPolicies }, { POLICY_CATALOGUE, allPolicies }] = await Promise.all([
        import("../offline/evaluate"), import("../offline/run-policies"), import("cognito-user-pool-policies"),
    ]);
    const policies = allPolicies.filter((policy) =>
        POLICY_CATALOGUE.some((entry) => entry.name === policy.name && entry.config.includes("baseline") && entry.defaultLevel === "mandatory"));
    return { deployedIdsOf, evaluateStack, runPolicies, policies };
}

/**
 * Why the promoted target must not be written, or nothing: it fails config validation, or (given the target's
 * baseline) its program, evaluated offline, changes a fixed setting of what the target has deployed, judged by
 * the policy pack's fixed-settings policies exactly as `pulumi preview` would.
 */
export async function promotionRefusals(
    projectDir: string, promotion: Promotion, policyConfig?: PolicyPackConfig, baseline?: Baseline,
): Promise<string[]> {
    // The target as the CLI would merge it if its stack file held the promoted text.
    const stackConfig = readStackConfig(projectDir, promotion.to, promotion.promotedText);
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
    const { deployedIdsOf, evaluateStack, runPolicies, policies } = await fixedSettingsJudge();
    const evaluation = await evaluateStack(stackConfig, { deployedIds: deployedIdsOf(baseline) });
    const verdicts = await runPolicies(policies, evaluation.resources, policyConfig);
    // Whatever level the config gives these policies: a changed fixed setting replaces the pool or client.
    return verdicts.flatMap((verdict) => verdict.violations)
        .map((violation) => `[${violation.policyName}] ${violation.message}`);
}
