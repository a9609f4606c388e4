import * as path from "path";
import { main as writeBaseline } from "./baseline";
import { UsageError } from "./args";
import { Command, CommandIO, reportingBadInput } from "./command";
import { finishRefusal, usersRemainOkFlag } from "./finish-guard";
import { checkPulumiCli, PulumiCliError, PulumiOutput, runPulumi } from "./pulumi-cli";
import { isReadFailure } from "./read-failures";
import { stackToUse } from "./stack-option";

/** The Pulumi operations run under the guard. */
export type Operation = "preview" | "up";

/** The pack, relative to the project directory (the CLI runs there). */
const policyPackDir = "policy-pack";

function usageOf(operation: Operation): string {
    const up = operation === "up";
    const flag = up ? ` [${usersRemainOkFlag}]` : "";
    const finishCheck = up ? `
First, when the stack file moves its successor pool to the finish phase, it reads both pools (as npm run
migration does) and refuses while users of the current pool have not migrated, unless ${usersRemainOkFlag}.
` : "";
    return `usage: npm run ${operation} -- [--stack <name>]${flag} [any other \`pulumi ${operation}\` options]
${finishCheck}
Writes the stack's deployed baseline (npm run baseline -- --stack <name>, from \`pulumi stack export\`) to
policy-baseline.<name>.json, then runs, in the project directory,
  pulumi ${operation} --stack <name> --policy-pack ${policyPackDir} --policy-pack-config policy-baseline.<name>.json [options]
--stack, -s: the stack; default: the one selected with \`pulumi stack select\`.
Every other option goes to \`pulumi ${operation}\` as given (--refresh, --yes, --diff, --target ..., -m ...).
Exit code: the Pulumi CLI's (0 done; non-zero: a mandatory policy violation or any other failure);${up ? `
1 refused: the finish phase with users left to migrate;` : ""}
2 bad usage, the Pulumi CLI missing, older than needed or not logged in, the baseline could not be written${up ? `,
or AWS could not be read` : ""}.`;
}

/**
 * `--stack <s>`, `--stack=<s>` or `-s <s>` and this command's own flags taken out; everything else kept, in
 * order, for the Pulumi CLI.
 */
function splitArguments(operation: Operation, argv: readonly string[]): { stack?: string; help: boolean; usersRemainOk: boolean; passed: string[] } {
    const stacks: string[] = [];
    const passed: string[] = [];
    let help = false;
    let usersRemainOk = false;
    for (let index = 0; index < argv.length; index++) {
        const argument = argv[index];
        if (argument === "--stack" || argument === "-s") {
            if (index + 1 >= argv.length) {
                throw new UsageError(`${argument} needs a stack name`);
            }
            stacks.push(argv[++index]);
        } else if (argument.startsWith("--stack=")) {
            stacks.push(argument.slice("--stack=".length));
        } else if (argument === "--help" || argument === "-h") {
            help = true;
        } else if (argument === usersRemainOkFlag) {
            if (operation !== "up") {
                throw new UsageError(`${usersRemainOkFlag} is for npm run up (it applies the finish phase); a preview applies nothing`);
            }
            usersRemainOk = true;
        } else {
            passed.push(argument);
        }
    }
    if (stacks.length > 1) {
        throw new UsageError(`--stack given ${stacks.length} times (${stacks.map((stack) => JSON.stringify(stack)).join(", then ")}): give it once`);
    }
    return { stack: stacks[0], help, usersRemainOk, passed };
}

/**
 * `pulumi preview|up` of one stack under the policy pack, judged against what that stack has deployed: the
 * baseline is written from the stack's state first, so the guard is on the default path. `output` says where
 * the Pulumi CLI's own output goes (the terminal, except in tests).
 */
export function deployCommand(operation: Operation, output: PulumiOutput = "terminal"): Command {
    const usage = usageOf(operation);
    return (argv: readonly string[], io: CommandIO) => reportingBadInput<number>(io, usage, async () => {
        const { stack: given, help, usersRemainOk, passed } = splitArguments(operation, argv);
        if (help) {
            io.stdout(`${usage}\n`);
            return 0;
        }
        const stack = await stackToUse(given, io.projectDir);
        try {
            return await guarded(operation, stack, { usersRemainOk, passed }, io, output);
        } catch (error) {
            if (error instanceof PulumiCliError || isReadFailure(error)) {
                io.stderr(`error: ${error.message}\n`);
                return 2;
            }
            throw error;
        }
    });
}

async function guarded(operation: Operation, stack: string, { usersRemainOk, passed }: { usersRemainOk: boolean; passed: readonly string[] },
    io: CommandIO, output: PulumiOutput): Promise<number> {
    await checkPulumiCli(io.projectDir);
    const refusal = operation === "up" && !usersRemainOk ? await finishRefusal(io.projectDir, stack) : undefined;
    if (refusal !== undefined) {
        io.stderr(`refused: ${refusal}\n`);
        return 1;
    }
    const baselineFile = `policy-baseline.${stack}.json`;
    const written = await writeBaseline(["--stack", stack, "--out", path.join(io.projectDir, baselineFile)], io);
    if (written !== 0) {
        return written;
    }
    const args = [operation, "--stack", stack, "--policy-pack", policyPackDir, "--policy-pack-config", baselineFile, ...passed];
    io.stderr(`running: pulumi ${args.join(" ")}\n`);
    return runPulumi(args, io.projectDir, output);
}
