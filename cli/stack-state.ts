import { execFile } from "child_process";
import * as fs from "fs";
import type { StateExport } from "cognito-user-pool-policies";

/**
 * A stack's deployed state: from a `pulumi stack export` file, or from the Pulumi CLI. (Not AWS, but only the
 * baseline and adopt commands read it.)
 */

/** The state or the outputs could not be read; the message says how to get them. */
export class StackStateError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackStateError";
    }
}

/** Parses a `pulumi stack export` file. */
export function readStateFile(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
        throw new StackStateError(`cannot read the state export ${file}: ${reason}. ` +
            "Make one with `pulumi stack export --stack <stack> --file <file>`");
    }
    try {
        return JSON.parse(text);
    } catch (error) {
        throw new StackStateError(`${file} is not valid JSON (${(error as Error).message}): ` +
            "expected the output of `pulumi stack export`");
    }
}

/** `pulumi stack export --stack <stack>`, parsed. */
export async function exportStackState(stack: string): Promise<unknown> {
    return parsePulumiJson(await runPulumi(["stack", "export", "--stack", stack]), "pulumi stack export");
}

/** `pulumi stack output --json --stack <stack>`, parsed (secret outputs stay masked). */
export async function readStackOutputs(stack: string): Promise<Record<string, unknown>> {
    return parsePulumiJson(await runPulumi(["stack", "output", "--json", "--stack", stack]), "pulumi stack output") as Record<string, unknown>;
}

function parsePulumiJson(text: string, command: string): unknown {
    try {
        return JSON.parse(text);
    } catch (error) {
        throw new StackStateError(`\`${command}\` printed something other than JSON: ${(error as Error).message}`);
    }
}

function runPulumi(args: string[]): Promise<string> {
    const command = `pulumi ${args.join(" ")}`;
    return new Promise((resolve, reject) => {
        execFile("pulumi", args, { maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error === null) {
                resolve(stdout);
            } else if ((error as NodeJS.ErrnoException).code === "ENOENT") {
                reject(new StackStateError("the Pulumi CLI (pulumi) is not on PATH: install it " +
                    "(https://www.pulumi.com/docs/install/), or pass --state with a file made by `pulumi stack export`"));
            } else {
                const detail = stderr.trim().split("\n").slice(0, 5).join("\n") || error.message;
                reject(new StackStateError(`\`${command}\` failed (exit ${error.code}): ${detail}`));
            }
        });
    });
}

/** The pool id a stack exports as `userPoolId` (index.ts), in `pulumi stack output --json` or in a state export. */
export function exportedPoolId(outputs: Record<string, unknown> | undefined): string | undefined {
    const id = outputs?.userPoolId;
    return typeof id === "string" && id !== "" ? id : undefined;
}

/** The outputs of the stack resource in a state export. */
export function stackResourceOutputs(exported: StateExport): Record<string, unknown> | undefined {
    return exported.deployment.resources?.find((resource) => resource.type === "pulumi:pulumi:Stack")?.outputs;
}
