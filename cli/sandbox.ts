import * as path from "path";
import { UsageError } from "./args";
import { stackOptionSpec, stackToUse } from "./stack-option";
import { CommandIO, InputFileError, optionsCommand, runAsProcess } from "./command";
import { PortError } from "../sandbox/cognito-local";
import { Sandbox, SandboxEvent, startSandbox } from "../sandbox/sandbox";

/** cognito-local's own default port, and the next one for the page. */
const defaultPorts = { port: 9229, pagePort: 9230 } as const;

const sandboxUsage = `usage: npm run sandbox -- [--stack <name>] [--port <port>] [--page-port <port>] [--data <dir>] [--reset]

Runs the stack on this machine: cognito-local on 127.0.0.1 with the pools, app clients, groups and triggers the
stack's program registers (evaluated offline, as npm run plan does), and a sign-in page built with
amazon-cognito-identity-js that reads only the stack's outputs. Data is kept in .sandbox/<stack>/ between starts.
--stack, -s: the stack; default: the one selected with \`pulumi stack select\`.
--port: cognito-local's port (default ${defaultPorts.port}); --page-port: the page's (default ${defaultPorts.pagePort}); 0 for a free one.
--data: the data folder (default .sandbox/<stack>); --reset: start with no users (empties it first).
The program's evaluation is kept in .sandbox/.evaluations/ and reused while the stack's config and the build are unchanged.
Ctrl-C stops everything. Exit code: 0 stopped; 2 bad usage, stack file, config or busy port.`;


const options = {
    stack: stackOptionSpec,
    port: { type: "string" },
    "page-port": { type: "string" },
    data: { type: "string" },
    reset: { type: "boolean" },
    help: { type: "boolean" },
} as const;

function portOption(value: string | undefined, option: string, fallback: number): number {
    if (value === undefined) {
        return fallback;
    }
    const port = Number(value);
    if (!/^\d+$/.test(value) || port > 65535) {
        throw new UsageError(`${option} ${JSON.stringify(value)}: expected a port number from 0 (a free one) to 65535`);
    }
    return port;
}

/** The start-up summary: what runs where, what was made, what is not emulated, and how to reach it. */
export function startText(sandbox: Sandbox, projectDir: string): string {
    const relative = (file: string) => path.relative(projectDir, file);
    const migrating = sandbox.outputs.migration !== undefined;
    return [
        `Sandbox of stack ${sandbox.stack}: cognito-local at ${sandbox.endpoint} (data in ${relative(path.dirname(sandbox.logFile))}/)`,
        ...sandbox.created.map((made) => `  ${made.reused ? "kept   " : "created"} ${made.type.split(":")[1].split("/")[1]} ${made.name} (${made.localId})`),
        "Not emulated (cognito-local cannot; listed once):",
        ...sandbox.notEmulated.map((line) => `  - ${line}`),
        `Confirmation codes: printed here, and in cognito-local's log ${relative(sandbox.logFile)}`,
        `Outputs: ${relative(sandbox.outputsFile)}`,
        ...(migrating ? [
            "Migration: sign up users on the current pool (migration.from), sign in on the new one (migration.to) and watch them move;",
            `  AWS_ENDPOINT_URL=${sandbox.endpoint} AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=${sandbox.region} ` +
                `npm run migration -- --stack ${sandbox.stack} --outputs ${relative(sandbox.outputsFile)}`,
        ] : []),
        `Sign-in page: ${sandbox.pageUrl}`,
        "Ctrl-C stops everything.",
        "",
    ].join("\n");
}

export function eventText(event: SandboxEvent): string {
    if (event.kind === "code") {
        return `confirmation code for ${event.code.username}: ${event.code.code}\n`;
    }
    const { invocation } = event;
    const source = invocation.event.triggerSource;
    const outcome = invocation.error !== undefined ? `refused (${invocation.error})`
        : source.startsWith("UserMigration_") ? `migrated as ${invocation.answer?.finalUserStatus ?? "CONFIRMED"}` : "done";
    return `trigger ${source} on ${invocation.event.userPoolId} for ${invocation.event.userName}: ${outcome} (${invocation.milliseconds} ms)\n` +
        invocation.logs.map((line) => `  ${line}\n`).join("");
}

/** Resolves on the first SIGINT or SIGTERM, and stops listening for them. */
function interrupted(): Promise<string> {
    return new Promise((resolve) => {
        const stop = (signal: string) => {
            process.off("SIGINT", stop);
            process.off("SIGTERM", stop);
            resolve(signal);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
    });
}

export async function runSandbox(args: { stack: string; port: number; pagePort: number; reset: boolean; data?: string }, io: CommandIO,
    until: () => Promise<string>): Promise<0> {
    // Listened for from the start: a Ctrl-C while it starts stops it once started, not half-way.
    const signalled = until();
    let sandbox: Sandbox;
    try {
        sandbox = await startSandbox({
            projectDir: io.projectDir, stack: args.stack, port: args.port, pagePort: args.pagePort, reset: args.reset,
            dataDir: args.data === undefined ? undefined : path.resolve(args.data),
            reuseEvaluation: true,
            onEvent: (event) => io.stdout(eventText(event)),
        });
    } catch (error) {
        if (error instanceof PortError) {
            throw new InputFileError(`${error.message} (--port and --page-port choose others)`);
        }
        throw error;
    }
    io.stdout(startText(sandbox, io.projectDir));
    const signal = await signalled;
    io.stdout(`${signal}: stopping the sandbox\n`);
    await sandbox.stop();
    io.stdout("stopped\n");
    return 0;
}

export const main = optionsCommand(sandboxUsage, options, async (args, io) => runSandbox({
    stack: await stackToUse(args.stack, io.projectDir),
    port: portOption(args.port, "--port", defaultPorts.port),
    pagePort: portOption(args["page-port"], "--page-port", defaultPorts.pagePort),
    reset: args.reset,
    data: args.data,
}, io, interrupted));

if (require.main === module) {
    runAsProcess(main);
}
