import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as writeBaseline } from "./baseline";
import { UsageError } from "./args";
import { Command, CommandIO, reportingBadInput } from "./command";
import { guardedChanges, PreviewDigestError, refusalText } from "./engine-verdict";
import { finishRefusal, usersRemainOkFlag } from "./finish-guard";
import { readPolicyConfigFile } from "./policy-config-file";
import { capturePulumi, checkPulumiCli, PulumiCliError, PulumiOutput, runPulumi } from "./pulumi-cli";
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
policy-baseline.<name>.json, then asks the engine what it would do:
  pulumi preview --json --stack <name>${up ? " --save-plan <temporary file>" : ""} [options]
and refuses when that preview would replace or delete a guarded resource (a user pool, an app client, an SES
identity, a group, a resource server, the domain), naming the config keys behind each replacement; a deletion
the pack lets through with that file passes (a client its retiredClients lists; a group, resource server or
domain of a stack outside protectedStacks, or whose policy is advisory). Then it runs, in the project directory,
  pulumi ${operation} --stack <name> --policy-pack ${policyPackDir} --policy-pack-config policy-baseline.<name>.json${up ? " --plan <that file>" : ""} [options]
${up ? "so that the update applies what was previewed and nothing more (Pulumi's update plans).\n" : ""}--stack, -s: the stack; default: the one selected with \`pulumi stack select\`.
Every other option goes to \`pulumi ${operation}\` as given (--refresh, --yes, --diff, --target ..., -m ...)${up
        ? ",\nand to the preview except those it does not take (--yes, --skip-preview, --continue-on-error, --strict,\n--secrets-provider)" : ""}.
Exit code: the Pulumi CLI's (0 done; non-zero: a mandatory policy violation or any other failure);
1 refused: the preview would replace or delete a guarded resource${up ? ", or the finish phase with users left to migrate" : ""};
2 bad usage, the Pulumi CLI missing, older than needed or not logged in, the baseline could not be written${up ? `,
or AWS could not be read` : ""}, the preview's JSON could not be read.`;
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
        } else if (operation === "up" && (argument === "--plan" || argument.startsWith("--plan="))) {
            throw new UsageError("--plan: npm run up saves the plan of its own preview and applies that one");
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
            if (error instanceof PulumiCliError || error instanceof PreviewDigestError || isReadFailure(error)) {
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
    const planDir = operation === "up" ? fs.mkdtempSync(path.join(os.tmpdir(), "cognito-update-plan-")) : undefined;
    const plan = planDir && path.join(planDir, "plan.json");
    try {
        const verdict = await engineVerdict(stack, plan, previewOptions(operation, passed), path.join(io.projectDir, baselineFile), io);
        if (verdict !== 0) {
            return verdict;
        }
        const args = [operation, "--stack", stack, "--policy-pack", policyPackDir, "--policy-pack-config", baselineFile,
            ...(plan ? ["--plan", plan] : []), ...passed];
        io.stderr(`running: pulumi ${args.join(" ")}\n`);
        return await runPulumi(args, io.projectDir, output);
    } finally {
        if (planDir) fs.rmSync(planDir, { recursive: true, force: true });
    }
}

/**
 * `pulumi up` options that `pulumi preview` does not take (pkg/cmd/pulumi/operations/up.go and preview.go,
 * pulumi v3.248.0): booleans, and --secrets-provider with its value.
 */
const upOnlyFlags = ["--yes", "-y", "--skip-preview", "-f", "--continue-on-error", "--strict"];
const upOnlyWithValue = "--secrets-provider";

/** The user's options as the preview takes them: for `up`, without those only `pulumi up` takes. */
function previewOptions(operation: Operation, passed: readonly string[]): string[] {
    if (operation === "preview") {
        return [...passed];
    }
    const kept: string[] = [];
    for (let index = 0; index < passed.length; index++) {
        const option = passed[index];
        if (option === upOnlyWithValue) {
            index++;
        } else if (!upOnlyFlags.includes(option.split("=")[0]) && !option.startsWith(`${upOnlyWithValue}=`)) {
            kept.push(option);
        }
    }
    return kept;
}

/**
 * Runs `pulumi preview --json` (saving the update plan to `plan` for `up`; `pulumi preview --save-plan` is no
 * longer experimental since v3.190.0, pulumi/pulumi#20271, and `pulumi up --plan` applies it without
 * PULUMI_EXPERIMENTAL at v3.248.0: up.go reads the plan whatever the flag's help label) and refuses what it
 * would replace or delete of the guarded resources. The pack is not run here: its policies remediate nothing, so
 * the plan is what `pulumi up` under the pack would do, and `pulumi ${operation}` runs it next.
 */
async function engineVerdict(stack: string, plan: string | undefined, options: readonly string[], baselineFile: string, io: CommandIO): Promise<number> {
    const args = ["preview", "--json", "--stack", stack, ...(plan ? ["--save-plan", plan] : []), ...options];
    io.stderr(`running: pulumi ${args.join(" ")}\n`);
    const run = await capturePulumi(args, io.projectDir);
    let digest: unknown;
    try {
        digest = JSON.parse(run.stdout);
    } catch (error) {
        io.stderr(run.stderr);
        if (run.code !== 0) {
            return run.code;
        }
        throw new PreviewDigestError(`\`pulumi preview --json\` printed something other than JSON: ${(error as Error).message}`);
    }
    if (run.code !== 0) {
        io.stderr(previewErrors(digest) || run.stderr);
        return run.code;
    }
    const changes = guardedChanges(digest, readPolicyConfigFile(baselineFile).config);
    if (changes.length > 0) {
        io.stderr(`${refusalText(stack, changes)}\n`);
        return 1;
    }
    return 0;
}

/** The errors a failed preview reports in its digest (PreviewDiagnostic, severity "error"). */
function previewErrors(digest: unknown): string {
    const diagnostics = (digest as { diagnostics?: { severity?: string; message?: string }[] }).diagnostics ?? [];
    return diagnostics.filter((d) => d.severity === "error").map((d) => `${d.message ?? ""}`.trimEnd() + "\n").join("");
}

