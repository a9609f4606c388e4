import * as path from "path";
import { parseOptions, stackName } from "./args";
import { planStack } from "./plan-report";
import { renderPlanText } from "./plan-text";
import { readPolicyConfigFile } from "./policy-config-file";
import { baselineMismatch } from "cognito-user-pool-policies";
import { readProjectName } from "../aws/urns";
import { CommandIO, ExitCode, InputFileError, reportingBadInput, runAsProcess } from "./command";

const planUsage = `usage: npm run plan -- --stack <name> [--baseline <policy-config file>] [--json]

Evaluates the stack's program offline and runs the policy pack over what it would register.
Exit code: 0 no mandatory violation, 1 a mandatory violation, 2 bad usage, stack file, config or baseline.`;

const options = {
    stack: { type: "string" },
    baseline: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean" },
} as const;

export async function main(argv: readonly string[], io: CommandIO): Promise<ExitCode> {
    return reportingBadInput(io, planUsage, async () => {
        const args = parseOptions(argv, options);
        if (args.help) {
            io.stdout(`${planUsage}\n`);
            return 0;
        }
        const stack = stackName(args.stack, "--stack");
        const policyConfig = args.baseline === undefined ? undefined : readPolicyConfigFile(path.resolve(args.baseline));
        const mismatch = policyConfig?.baseline && baselineMismatch(policyConfig.baseline, stack, readProjectName(io.projectDir));
        if (mismatch) {
            throw new InputFileError(`baseline ${policyConfig.file}: ${mismatch}`);
        }
        const report = await planStack(io.projectDir, stack, policyConfig);
        io.stdout(args.json ? `${JSON.stringify(report, null, 2)}\n` : renderPlanText(report));
        return report.blocked ? 1 : 0;
    });
}

if (require.main === module) {
    runAsProcess(main);
}
