import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CommandIO } from "../../../cli/command";
import { evaluateStack } from "../../../offline/evaluate";
import { projectFilePath, readStackConfig, stackFilePath } from "../../../stack-files/reader";
import { baselineFromStateExport, policyConfigFor } from "cognito-user-pool-policies";

export const repoRoot = path.resolve(__dirname, "../../..");

/** A scratch copy of the project's Pulumi.yaml and stack files, so a test may change them freely. */
export class ProjectCopy {
    readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "project-copy-"));

    constructor() {
        for (const file of fs.readdirSync(repoRoot).filter((name) => /^Pulumi(\..+)?\.yaml$/.test(name))) {
            fs.copyFileSync(path.join(repoRoot, file), path.join(this.dir, file));
        }
    }

    stackFile(stack: string): string {
        return stackFilePath(this.dir, stack);
    }

    read(stack: string): string {
        return fs.readFileSync(this.stackFile(stack), "utf8");
    }

    /** Rewrites a stack file by replacing one piece of its text; fails if the text is not there. */
    edit(stack: string, find: string, replacement: string): void {
        const text = this.read(stack);
        if (!text.includes(find)) {
            throw new Error(`Pulumi.${stack}.yaml has no ${JSON.stringify(find)}`);
        }
        fs.writeFileSync(this.stackFile(stack), text.replace(find, replacement));
    }

    /**
     * Rewrites what a stack's config is read from by replacing one piece of text: in its stack file, else in
     * Pulumi.yaml (a value every stack shares); fails if the text is in neither.
     */
    editConfig(stack: string, find: string, replacement: string): void {
        if (this.read(stack).includes(find)) {
            this.edit(stack, find, replacement);
            return;
        }
        const text = fs.readFileSync(projectFilePath(this.dir), "utf8");
        if (!text.includes(find)) {
            throw new Error(`neither Pulumi.${stack}.yaml nor Pulumi.yaml has ${JSON.stringify(find)}`);
        }
        fs.writeFileSync(projectFilePath(this.dir), text.replace(find, replacement));
    }

    /**
     * Sets a top-level key in a stack file, overriding Pulumi.yaml's value for that stack (whole, as Pulumi
     * does): `value` is YAML, in flow style (`{with: [username], caseSensitive: true}`).
     */
    override(stack: string, key: string, value: string): void {
        const text = this.read(stack);
        fs.writeFileSync(this.stackFile(stack), `${text}${text.endsWith("\n") ? "" : "\n"}  cognito-user-pool:${key}: ${value}\n`);
    }

    write(name: string, text: string): string {
        const file = path.join(this.dir, name);
        fs.writeFileSync(file, text);
        return file;
    }

    /**
     * A policy-config file with the stack's baseline as if it had deployed its current stack file: the program
     * evaluated offline, its resources exported as `pulumi stack export` would, read by the pack's baseline reader.
     */
    async deployBaseline(stack: string): Promise<string> {
        const config = readStackConfig(this.dir, stack);
        const evaluation = await evaluateStack(config);
        const poolId = evaluation.outputs.userPoolId as string;
        const clients = evaluation.outputs.clients as Record<string, { id: string }>;
        const resources = evaluation.resources.map((resource) => ({
            urn: resource.urn,
            type: resource.type,
            custom: resource.custom,
            id: resource.type === "aws:cognito/userPool:UserPool" ? poolId
                : resource.type === "aws:sesv2/emailIdentity:EmailIdentity" ? resource.inputs.emailIdentity
                : clients[resource.inputs.name]?.id ?? resource.name,
            inputs: resource.inputs,
            // @pulumi/aws 7 records each resource's effective region among its outputs.
            outputs: { ...resource.inputs, region: config.config["aws:region"] },
        }));
        const baseline = baselineFromStateExport({ version: 3, deployment: { resources } }, { stack, capturedAt: "2026-11-20T10:00:00Z" });
        return this.write(`baseline-${stack}.json`, JSON.stringify(policyConfigFor(baseline), null, 2));
    }

    remove(): void {
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

/** A CommandIO on a project copy that keeps what the command prints. */
export function capturingIO(projectDir: string): CommandIO & { readonly out: () => string; readonly err: () => string } {
    let stdout = "";
    let stderr = "";
    return {
        projectDir,
        stdout: (text) => { stdout += text; },
        stderr: (text) => { stderr += text; },
        out: () => stdout,
        err: () => stderr,
    };
}
