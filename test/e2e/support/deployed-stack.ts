import * as fs from "fs";
import { deployedIdsOf, deployedOutputsOf, evaluateStack, RegisteredResource, StackEvaluation } from "../../../offline/evaluate";
import { hasMandatoryViolation, PolicyPackConfig, PolicyVerdict, PolicyViolation, runPolicies } from "../../../offline/run-policies";
import { readStackConfig, StackConfig } from "../../../stack-files/reader";
import { allPolicies, Baseline, baselineFromStateExport, parseBaseline, policyConfigFor, StateExport as FullStateExport } from "cognito-user-pool-policies";
import { stateExportOf } from "../../aws/support/state-export";

/** The parts of a `pulumi stack export` these tests read. */
export interface StateExport {
    readonly version: number;
    readonly deployment: { readonly resources: readonly { readonly urn: string; readonly type: string; readonly id?: string }[] };
}

export function readStateExport(file: string): StateExport {
    return JSON.parse(fs.readFileSync(file, "utf8")) as StateExport;
}

export interface JudgedStack {
    readonly stack: StackConfig;
    readonly evaluation: StackEvaluation;
    /** What the policies saw: the evaluated resources, the deployed ones with their deployed ids. */
    readonly resources: RegisteredResource[];
    readonly verdicts: PolicyVerdict[];
}

/**
 * `pulumi preview --policy-pack policy-pack --policy-pack-config <config>` of a stack file, offline: the real
 * program evaluated for Pulumi.<stack>.yaml in projectDir (the deployed resources keeping the ids the baseline
 * records, as in a real preview), every policy of the pack run over what it registers.
 */
export async function previewUnderPolicies(projectDir: string, stackName: string, config: PolicyPackConfig,
    state?: StateExport): Promise<JudgedStack> {
    const stack = readStackConfig(projectDir, stackName);
    const evaluation = await evaluateStack(stack, {
        deployedIds: deployedIdsOf(baselineIn(config)),
        // The deployed SES identity keeps its verification status, as in a real preview.
        ...(state ? { deployedOutputs: deployedOutputsOf(state as FullStateExport) } : {}),
    });
    return { stack, evaluation, resources: evaluation.resources, verdicts: await runPolicies(allPolicies, evaluation.resources, config) };
}

/** The baseline a policy-config file carries under its fixed-settings policies, if any. */
function baselineIn(config: PolicyPackConfig): Baseline | undefined {
    const entry = config["cognito-sign-in-options-unchanged"];
    return typeof entry === "object" && "baseline" in entry ? parseBaseline(entry.baseline) : undefined;
}

export function mandatoryViolations(verdicts: readonly PolicyVerdict[]): PolicyViolation[] {
    return verdicts.flatMap((verdict) => verdict.violations.filter((violation) => violation.enforcementLevel === "mandatory"));
}

/** For an assertion message: every mandatory violation, in full. */
export function describeMandatory(verdicts: readonly PolicyVerdict[]): string {
    const violations = mandatoryViolations(verdicts);
    return violations.length === 0 ? "no mandatory violation" :
        violations.map((violation) => `[${violation.policyName}] ${violation.message}`).join("\n\n");
}

export { hasMandatoryViolation };

/** The policy config `npm run baseline` writes for the project's prod as deployed (staging and prod protected). */
export async function deployedProdConfig(projectDir: string): Promise<PolicyPackConfig> {
    const exported = stateExportOf(await evaluateStack(readStackConfig(projectDir, "prod")), "cognito-user-pool", "prod", "ap-northeast-2");
    return JSON.parse(JSON.stringify(policyConfigFor(baselineFromStateExport(exported, { stack: "prod" }), { protectedStacks: ["staging", "prod"] })));
}
