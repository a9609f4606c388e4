import { execFile, spawn } from "child_process";

/**
 * The oldest Pulumi CLI the deploy commands run: the version of the @pulumi/pulumi SDK that the program and the
 * policy pack pin (package.json, policy-pack/package.json). The CLI ships the Node.js language host and the policy
 * analyzer that load that SDK; Pulumi publishes CLI and SDK together under one version, and no older CLI is tested
 * with it here or in CI (.github/workflows install this one).
 */
export const minimumPulumiCliVersion = "3.248.0";

/** The Pulumi CLI cannot run this deployment (missing, too old, not logged in): exit code 2 with the message. */
export class PulumiCliError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PulumiCliError";
    }
}

export interface Finished {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the Pulumi CLI to completion with its output captured (a preview's JSON can be large); no CLI on PATH is a PulumiCliError. */
export function capturePulumi(args: readonly string[], cwd: string): Promise<Finished> {
    return new Promise((resolve, reject) => {
        execFile("pulumi", args, { cwd, maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
            if ((error as NodeJS.ErrnoException | null)?.code === "ENOENT") {
                reject(new PulumiCliError("the Pulumi CLI (pulumi) is not on PATH: install it " +
                    `(https://www.pulumi.com/docs/install/), version ${minimumPulumiCliVersion} or later`));
                return;
            }
            resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr });
        });
    });
}

/** `v3.248.0` → [3, 248, 0]; undefined when the text holds no version. */
function versionParts(text: string): number[] | undefined {
    const match = /v?(\d+)\.(\d+)\.(\d+)/.exec(text);
    return match ? match.slice(1, 4).map(Number) : undefined;
}

function isOlder(found: readonly number[], minimum: readonly number[]): boolean {
    const index = found.findIndex((part, position) => part !== minimum[position]);
    return index !== -1 && found[index] < minimum[index];
}

/**
 * Checks that the Pulumi CLI can deploy: on PATH (`pulumi version`), recent enough, and logged in to a backend
 * (`pulumi whoami`: Pulumi Cloud, a self-managed backend or `--local`). Throws a PulumiCliError saying what to do.
 */
export async function checkPulumiCli(cwd: string): Promise<void> {
    const version = await capturePulumi(["version"], cwd);
    const found = versionParts(version.stdout);
    if (version.code !== 0 || found === undefined) {
        throw new PulumiCliError(`\`pulumi version\` failed (exit ${version.code}): ${firstLines(version.stderr || version.stdout)}`);
    }
    if (isOlder(found, versionParts(minimumPulumiCliVersion)!)) {
        throw new PulumiCliError(`the Pulumi CLI is v${found.join(".")}; the program and the policy pack need ` +
            `v${minimumPulumiCliVersion} or later: upgrade it (https://www.pulumi.com/docs/install/)`);
    }
    const whoami = await capturePulumi(["whoami"], cwd);
    if (whoami.code !== 0) {
        throw new PulumiCliError(`the Pulumi CLI is not logged in (\`pulumi whoami\`: ${firstLines(whoami.stderr || whoami.stdout)}): ` +
            "run `pulumi login` (Pulumi Cloud; in CI set PULUMI_ACCESS_TOKEN), `pulumi login --local` or `pulumi login <backend URL>`");
    }
}

function firstLines(text: string): string {
    return text.trim().split("\n").slice(0, 3).join(" ") || "no output";
}

/** How a deployment's output reaches the user: the terminal itself, or the command's own streams (tests). */
export type PulumiOutput = "terminal" | { readonly stdout: (text: string) => void; readonly stderr: (text: string) => void };

/**
 * Runs the Pulumi CLI and resolves to its exit code. With "terminal" it shares this process's terminal, so that
 * `pulumi up` can ask for confirmation and draw its progress.
 */
export function runPulumi(args: readonly string[], cwd: string, output: PulumiOutput): Promise<number> {
    return new Promise((resolve, reject) => {
        const child = spawn("pulumi", args, { cwd, stdio: output === "terminal" ? "inherit" : ["ignore", "pipe", "pipe"] });
        if (output !== "terminal") {
            child.stdout?.on("data", (chunk: Buffer) => output.stdout(chunk.toString()));
            child.stderr?.on("data", (chunk: Buffer) => output.stderr(chunk.toString()));
        }
        child.on("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT"
            ? new PulumiCliError("the Pulumi CLI (pulumi) is not on PATH any more") : error));
        // A CLI ended by a signal reports no code: a failure all the same.
        child.on("close", (code) => resolve(code ?? 1));
    });
}
