import * as path from "path";
import { planStack } from "./plan-report";
import { renderPlanText } from "./plan-text";
import { readPolicyConfigFile } from "./policy-config-file";
import { baselineFromStateExport, baselineMismatch, StateExport } from "cognito-user-pool-policies";
import { deployedOutputsOf } from "../offline/evaluate";
import { isReadFailure } from "./read-failures";
import { readStateFile } from "./stack-state";
import { readProjectName } from "../aws/urns";
import { InputFileError, optionsCommand, runAsProcess } from "./command";
import { stackOptionSpec, stackToUse } from "./stack-option";

const planUsage = `usage: npm run plan -- [--stack <name>] [--baseline <policy-config file>] [--state <stack export file>] [--json]

Evaluates the stack's program offline and runs the policy pack over what it would register.
--stack, -s: the stack; default: the one selected with \`pulumi stack select\`.
--state: the deployed resources' outputs from \`pulumi stack export\` (an SES identity SES has verified, ...).
Exit code: 0 no mandatory violation, 1 a mandatory violation, 2 bad usage, stack file, config or baseline.`;

const options = {
    stack: stackOptionSpec,
    baseline: { type: "string" },
    state: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean" },
} as const;

export const main = optionsCommand(planUsage, options, async (args, io) => {
    const stack = await stackToUse(args.stack, io.projectDir);
    const policyConfig = args.baseline === undefined ? undefined : readPolicyConfigFile(path.resolve(args.baseline));
    const mismatch = policyConfig?.baseline && baselineMismatch(policyConfig.baseline, stack, readProjectName(io.projectDir));
    if (mismatch) {
        throw new InputFileError(`baseline ${policyConfig.file}: ${mismatch}`);
    }
    const deployedOutputs = args.state === undefined ? undefined : readDeployedOutputs(path.resolve(args.state), stack, io.projectDir);
    const report = await planStack(io.projectDir, stack, policyConfig, deployedOutputs);
    io.stdout(args.json ? `${JSON.stringify(report, null, 2)}\n` : renderPlanText(report));
    return report.blocked ? 1 : 0;
});

/** The outputs of what a state export of this stack and project holds, by URN; anything else is exit 2. */
function readDeployedOutputs(file: string, stack: string, projectDir: string): Record<string, Record<string, unknown>> {
    try {
        const exported = readStateFile(file);
        // Read as a baseline first: the same checks of its shape, stack and project as `npm run baseline --state`.
        baselineFromStateExport(exported, { stack, project: readProjectName(projectDir) });
        return deployedOutputsOf(exported as StateExport);
    } catch (error) {
        if (isReadFailure(error)) {
            throw new InputFileError(`${file}: ${error.message}`);
        }
        throw error;
    }
}

if (require.main === module) {
    runAsProcess(main);
}
