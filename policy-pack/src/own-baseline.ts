import { execFile } from "child_process";
import { baselineFromStateExport } from "./fixed-settings/from-state";
import { FixedSettingsReadError, describe } from "./fixed-settings/normalize";
import { Baseline } from "./fixed-settings/types";

/*
 * The baseline of a pack given none in its config: the deployed state of the stack it judges, exported by the
 * Pulumi CLI, so that one policy group guards every stack with no per-stack config.
 */

/** What the stack has deployed (undefined: nothing yet, a first deployment), or why it could not be read. */
export type OwnBaseline = { readonly baseline: Baseline | undefined } | { readonly unreadable: string };

/** Resolves to what `pulumi stack export --stack <stack>` prints, or rejects with why it could not. */
export type StateExporter = (stack: string) => Promise<string>;

/**
 * The Pulumi CLI on the PATH the engine handed the pack. The engine starts a pack with its own environment
 * (sdk/go/common/resource/plugin/plugin.go ExecPlugin: os.Environ(), then the analyzer's variables and
 * cloudCredentialEnvVars; pulumi v3.248.0). For a Pulumi Cloud login that includes PULUMI_API and
 * PULUMI_ACCESS_TOKEN of the backend the deploying CLI chose, PULUMI_BACKEND_URL or the project's backend
 * first (cloud_credentials.go currentCloudURL); the pack runs in its own directory, away from the project's
 * Pulumi.yaml, so PULUMI_API is passed on as PULUMI_BACKEND_URL to read from that same backend.
 */
export function pulumiCliExporter(environment: Readonly<Record<string, string | undefined>> = process.env): StateExporter {
    const backend = environment.PULUMI_BACKEND_URL || environment.PULUMI_API;
    const env = { ...environment, PULUMI_SKIP_UPDATE_CHECK: "true", ...(backend ? { PULUMI_BACKEND_URL: backend } : {}) };
    return (stack) => new Promise((resolve, reject) => {
        const command = `pulumi stack export --stack ${stack}`;
        execFile("pulumi", ["stack", "export", "--stack", stack], { env, maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error === null) {
                resolve(stdout);
            } else if ((error as NodeJS.ErrnoException).code === "ENOENT") {
                reject(new Error(`\`${command}\` could not run: the Pulumi CLI (pulumi) is not on the PATH the engine gave the pack`));
            } else {
                const detail = stderr.trim().split("\n").slice(0, 5).join(" ") || error.message;
                const hint = /no stack named/.test(stderr)
                    ? " (the engine is deploying this stack, so the CLI the pack ran reads another backend than the deployment's)" : "";
                reject(new Error(`\`${command}\` failed (exit ${error.code}): ${detail}${hint}`));
            }
        });
    });
}

let exporter: StateExporter | undefined;
const found = new Map<string, Promise<OwnBaseline>>();

/**
 * Makes the policies find their own baseline with `exporter` when their config gives none (the engine's entry,
 * ../index.ts, turns it on; the library's callers, which pass a baseline or mean a first deployment, do not).
 * Returns the undo.
 */
export function findOwnBaselines(using: StateExporter): () => void {
    exporter = using;
    found.clear();
    return () => {
        exporter = undefined;
        found.clear();
    };
}

/**
 * The deployed baseline of `organization/project/stack`, read once per pack process and stack (every policy
 * asks, for every resource); undefined when the pack does not find its own baselines.
 */
export function ownBaseline(organization: string | undefined, project: string | undefined, stack: string | undefined): Promise<OwnBaseline> | undefined {
    if (exporter === undefined) return undefined;
    if (organization === undefined || project === undefined || stack === undefined) {
        return Promise.resolve({ unreadable: `the engine did not name the stack being judged (organization ${describe(organization)}, ` +
            `project ${describe(project)}, stack ${describe(stack)})` });
    }
    const name = `${organization}/${project}/${stack}`;
    let reading = found.get(name);
    if (reading === undefined) {
        reading = read(exporter, name, project, stack);
        found.set(name, reading);
    }
    return reading;
}

async function read(exporter: StateExporter, name: string, project: string, stack: string): Promise<OwnBaseline> {
    let text: string;
    try {
        text = await exporter(name);
    } catch (error) {
        return { unreadable: (error as Error).message };
    }
    let exported: unknown;
    try {
        exported = JSON.parse(text);
    } catch (error) {
        return { unreadable: `\`pulumi stack export --stack ${name}\` printed something other than JSON: ${(error as Error).message}` };
    }
    // A stack that has never been deployed exports no deployment (pkg/backend/diy/backend.go ExportDeployment:
    // the checkpoint's Latest, nil until the first update; pulumi v3.248.0).
    const { version, deployment } = (exported ?? {}) as { version?: unknown; deployment?: unknown };
    if (typeof version === "number" && (deployment === null || deployment === undefined)) {
        return { baseline: undefined };
    }
    try {
        return { baseline: baselineFromStateExport(exported, { stack, project }) };
    } catch (error) {
        if (error instanceof FixedSettingsReadError) {
            return { unreadable: `the state of stack ${name} cannot be read as a baseline: ${error.message}` };
        }
        throw error;
    }
}

/** The message of a policy that cannot judge, because the stack's deployed state could not be read. */
export function unreadableMessage(subject: string, reason: string): string {
    return `${subject}: cannot be compared with what this stack has deployed, so it is not let through (fail closed): ${reason}. ` +
        "Fix the read (the deploying CLI's login and PATH), or pass the stack's baseline in the policy config " +
        "(npm run baseline -- --stack <stack>, then --policy-pack-config).";
}
