import * as path from "path";
import { awsBaseline } from "../aws/aws-baseline";
import { writeFileLocked } from "./atomic-write";
import { Drift, DriftReport, driftBetween } from "../aws/drift";
import { isReadFailure } from "./read-failures";
import { readPoolById } from "../aws/read-pool";
import { describeSesAccount, readSesAccount } from "../aws/ses-account";
import { exportStackState, exportedPoolId, readStackOutputs, readStateFile, stackResourceOutputs, StackStateError } from "./stack-state";
import { programUrns, readProjectName, stateUrns } from "../aws/urns";
import { Baseline, StateExport, baselineFromStateExport, policyConfigFor } from "cognito-user-pool-policies";
import { ParsedOptions, UsageError } from "./args";
import { CommandIO, ExitCode, optionsCommand, runAsProcess } from "./command";
import { clientsRetiredAtFinish } from "./finish-guard";
import { stackOptionSpec, stackToUse } from "./stack-option";
import { counted } from "../config/rules/problems";

export const baselineUsage = `usage: npm run baseline -- [--stack <name>] [--state <export.json>] [--out <file>]
                            [--from-aws [--pool-id <id>] [--region <region>]] [--check]

Writes the policy-pack config file (pulumi --policy-pack-config) with the stack's deployed baseline: the
settings Cognito fixes at creation, keyed by URN.
--stack, -s: the stack; default: the one selected with \`pulumi stack select\`.
  (default)   from the stack's state: --state <file> made by \`pulumi stack export\`, else runs
              \`pulumi stack export --stack <name>\`
  --from-aws  from the live pool (AWS credential chain; AWS_ENDPOINT_URL honoured). Pool id: --pool-id, else
              the stack's userPoolId output (in --state, else \`pulumi stack output --json\`). Region: --region,
              else the pool id's, else the chain's
  --out       default: policy-baseline.<stack>.json in the project directory
  --check     compares the state with the live pool and reports drift, fixed settings first; writes nothing
When the stack file moves its successor pool to the finish phase, the current pool's migration client is
listed under retiredClients (cognito-client-not-removed lets it go, and no other client).
Exit code: 0 written, or no drift; 1 drift (--check); 2 bad usage, or the state, the Pulumi CLI or AWS failed.`;

const options = {
    stack: stackOptionSpec,
    state: { type: "string" },
    out: { type: "string" },
    "from-aws": { type: "boolean" },
    "pool-id": { type: "string" },
    region: { type: "string" },
    check: { type: "boolean" },
    help: { type: "boolean" },
} as const;

type Options = ParsedOptions<typeof options>;

export const main = optionsCommand(baselineUsage, options, async (args, io) => {
    const stack = await stackToUse(args.stack, io.projectDir);
    if (!args["from-aws"] && !args.check && (args["pool-id"] !== undefined || args.region !== undefined)) {
        throw new UsageError("--pool-id and --region read from AWS: add --from-aws or --check");
    }
    if (args.check && args.out !== undefined) {
        throw new UsageError("--check writes nothing: drop --out");
    }
    try {
        return args.check ? await check(stack, args, io) : await writeBaseline(stack, args, io);
    } catch (error) {
        if (isReadFailure(error)) {
            io.stderr(`error: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
});

async function loadState(stack: string, stateFile: string | undefined): Promise<StateExport> {
    return (stateFile === undefined ? await exportStackState(stack) : readStateFile(path.resolve(stateFile))) as StateExport;
}

async function writeBaseline(stack: string, args: Options, io: CommandIO): Promise<ExitCode> {
    const baseline = args["from-aws"] ? await baselineFromLivePool(stack, args, io)
        : await baselineFromState(stack, readProjectName(io.projectDir), args.state);
    const file = args.out === undefined ? path.join(io.projectDir, `policy-baseline.${stack}.json`) : path.resolve(args.out);
    const retiredClients = clientsRetiredAtFinish(io.projectDir, stack, baseline);
    await writeFileLocked(file, `${JSON.stringify(policyConfigFor(baseline, { retiredClients }), null, 2)}\n`);
    io.stdout(baseline === undefined
        ? `wrote ${file}: stack ${stack} has deployed nothing yet, so no baseline (a first deployment: the fixed-settings policies pass)\n`
        : `wrote ${file}: ${describeBaseline(baseline)}\n`);
    for (const urn of retiredClients) {
        io.stdout(`retired: ${urn} (the finish phase of the successor pool removes the current pool's migration client)\n`);
    }
    return 0;
}

/** The state's baseline; undefined for a stack that has deployed nothing yet. */
async function baselineFromState(stack: string, project: string, stateFile: string | undefined): Promise<Baseline | undefined> {
    const exported = await loadState(stack, stateFile);
    const baseline = baselineFromStateExport(exported, { stack, project });
    if (Object.keys(baseline.userPools).length > 0) {
        return baseline;
    }
    const deployed = (exported.deployment.resources ?? [])
        .filter((resource) => resource.type !== "pulumi:pulumi:Stack" && !resource.type.startsWith("pulumi:providers:"));
    if (deployed.length === 0) {
        return undefined;
    }
    throw new StackStateError(`the state of stack ${stack} holds no user pool (aws:cognito/userPool:UserPool) among its ` +
        `${counted(deployed.length, "resource")}: is it this project's stack?`);
}

async function baselineFromLivePool(stack: string, args: Options, io: CommandIO): Promise<Baseline> {
    const exported = args.state === undefined ? undefined : await loadState(stack, args.state);
    // Read even when --pool-id is given: it checks that the state is this stack's.
    const stateBaseline = exported && baselineFromStateExport(exported, { stack, project: readProjectName(io.projectDir) });
    const poolId = args["pool-id"] ??
        (exported && stateBaseline ? poolIdInState(exported, stateBaseline) : exportedPoolId(await readStackOutputs(stack)));
    if (poolId === undefined) {
        throw new StackStateError(`stack ${stack} exports no userPoolId: pass --pool-id`);
    }
    const urns = programUrns(readProjectName(io.projectDir), stack);
    const live = await readPoolById(poolId, args.region);
    io.stdout(`${describeSesAccount(await readSesAccount(live.region))}\n`);
    return awsBaseline(live, stack, exported ? stateUrns(exported, urns) : urns);
}

/** The stack's userPoolId output in the state, else its only pool. */
function poolIdInState(exported: StateExport, stateBaseline: Baseline): string {
    const fromOutputs = exportedPoolId(stackResourceOutputs(exported));
    if (fromOutputs !== undefined) {
        return fromOutputs;
    }
    const pools = Object.values(stateBaseline.userPools);
    if (pools.length !== 1) {
        throw new StackStateError(`the state of stack ${stateBaseline.stack} holds ` +
            `${pools.length === 0 ? "no user pool" : counted(pools.length, "user pool")} and exports no userPoolId: pass --pool-id`);
    }
    return pools[0].id;
}

async function check(stack: string, args: Options, io: CommandIO): Promise<ExitCode> {
    const exported = await loadState(stack, args.state);
    const stateBaseline = baselineFromStateExport(exported, { stack, project: readProjectName(io.projectDir) });
    const poolId = args["pool-id"] ?? poolIdInState(exported, stateBaseline);
    const live = await readPoolById(poolId, args.region);
    const urns = stateUrns(exported, programUrns(readProjectName(io.projectDir), stack));
    const report = driftBetween({ exported, stateBaseline, awsBaseline: awsBaseline(live, stack, urns), live });
    io.stdout(renderDrift(stack, poolId, live.region, report));
    return report.fixed.length + report.changeable.length > 0 ? 1 : 0;
}

function describeBaseline(baseline: Baseline): string {
    const pools = Object.entries(baseline.userPools).map(([urn, pool]) => `${urn.slice(urn.lastIndexOf("::") + 2)} ${pool.id}`);
    const clients = Object.keys(baseline.clients).length;
    const source = baseline.source === "aws" ? "the live pool in AWS" : "the Pulumi state";
    return `baseline of stack ${baseline.stack} from ${source}: user pool ${pools.join(", ")}, ${counted(clients, "app client")}`;
}

function renderValue(value: unknown): string {
    return value === undefined ? "(absent)" : JSON.stringify(value);
}

function renderDrifts(drifts: Drift[]): string {
    return drifts.map((drift) => `  - ${drift.resource} ${drift.setting}: state ${renderValue(drift.state)}, AWS ${renderValue(drift.aws)}\n`).join("");
}

export function renderDrift(stack: string, poolId: string, region: string, report: DriftReport): string {
    const subject = `stack ${stack} and user pool ${poolId} in ${region}`;
    const lines: string[] = [];
    if (report.fixed.length + report.changeable.length === 0) {
        lines.push(`No drift between ${subject}.\n`);
    } else {
        lines.push(`Drift between ${subject}:\n`);
        if (report.fixed.length > 0) {
            lines.push("Fixed at creation (Cognito cannot change these in place: the resource was replaced outside Pulumi, " +
                "or the state is stale; find out which before the next pulumi up):\n", renderDrifts(report.fixed));
        }
        if (report.changeable.length > 0) {
            lines.push("Changed outside Pulumi (`pulumi up --refresh` sets them back to the stack's config; to keep them, " +
                "put them in the stack file first):\n", renderDrifts(report.changeable));
        }
    }
    if (report.notCompared.length > 0) {
        lines.push(`Not compared:\n${report.notCompared.map((item) => `  - ${item}\n`).join("")}`);
    }
    return lines.join("");
}

if (require.main === module) {
    runAsProcess(main);
}
