import * as fs from "fs";
import * as path from "path";
import { StackConfigError } from "../config/rules/problems";
import { StackFileError } from "../stack-files/stack-file-error";
import { OptionSpec, ParsedOptions, parseOptions, UsageError } from "./args";
import { FileWriteError } from "./atomic-write";
import { staleBuildWarning } from "./stale-build";

/** 0: done, nothing blocking; 1: blocked (a mandatory violation, a refused promotion); 2: bad usage or input. */
export type ExitCode = 0 | 1 | 2;

/** What a command reads and writes, so that tests can run it in-process on a copy of the project. */
export interface CommandIO {
    /** The directory holding Pulumi.yaml and the stack files. */
    readonly projectDir: string;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
}

/** The deploy commands end with the Pulumi CLI's own exit code, whatever it is. */
export type PulumiExitCode = number;

export type Command = (argv: readonly string[], io: CommandIO) => Promise<ExitCode | PulumiExitCode>;

/** An input file the command cannot use (a baseline, say): reported like a usage error, exit code 2. */
export class InputFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "InputFileError";
    }
}

/**
 * Runs a command's body and turns bad input into exit code 2 with its message on stderr (a config error with
 * every problem, a usage error with the usage). Anything else is a bug and propagates.
 */
export async function reportingBadInput<Code extends number = ExitCode>(io: CommandIO, usage: string, body: () => Promise<Code>): Promise<Code | 2> {
    try {
        return await body();
    } catch (error) {
        if (error instanceof UsageError) {
            io.stderr(`${error.message.split("\n").map((problem) => `error: ${problem}\n`).join("")}\n${usage}\n`);
            return 2;
        }
        if (error instanceof StackConfigError || error instanceof StackFileError || error instanceof InputFileError ||
            error instanceof FileWriteError) {
            io.stderr(`error: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
}

/**
 * A command of options (`--help` among them): parses the arguments, prints the usage for `--help`, and runs the
 * body with the options, bad input reported as reportingBadInput reports it.
 */
export function optionsCommand<Spec extends Record<string, OptionSpec> & { help: OptionSpec }>(usage: string, spec: Spec,
    body: (args: ParsedOptions<Spec>, io: CommandIO) => Promise<ExitCode>): (argv: readonly string[], io: CommandIO) => Promise<ExitCode> {
    return (argv, io) => reportingBadInput(io, usage, async () => {
        const args = parseOptions(argv, spec);
        if (args.help) {
            io.stdout(`${usage}\n`);
            return 0;
        }
        return body(args, io);
    });
}

/** The project this code belongs to: the nearest directory above it with a Pulumi.yaml (also from bin/). */
export function projectRoot(from = __dirname): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            throw new Error(`no Pulumi.yaml above ${from}`);
        }
    }
}

/** Runs a command as the process: arguments from argv, this project, the exit code as the process's. */
export function runAsProcess(command: Command, argv: readonly string[] = process.argv.slice(2)): void {
    const io: CommandIO = {
        projectDir: projectRoot(),
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
    };
    // A reader that stops early (`| head`) ends the command quietly, as it ends any Unix tool.
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code !== "EPIPE") {
            throw error;
        }
        process.exit();
    });
    const stale = staleBuildWarning(io.projectDir, path.join(io.projectDir, "bin", "index.js"));
    if (stale) {
        io.stderr(stale);
    }
    command(argv, io).then(
        (code) => { process.exitCode = code; },
        (error) => {
            process.stderr.write(`internal error: ${(error as Error).stack ?? error}\n`);
            process.exitCode = 3;
        });
}
