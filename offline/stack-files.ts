import * as fs from "fs";
import * as path from "path";
import { parseDocument } from "yaml";

/** A stack's config as the Pulumi CLI hands it to the program: `namespace:key` → string (JSON for objects). */
export interface StackConfig {
    readonly project: string;
    readonly stack: string;
    readonly config: Record<string, string>;
}

/** A project or stack file that is missing or unreadable. */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

export function stackFilePath(projectDir: string, stack: string): string {
    return path.join(projectDir, `Pulumi.${stack}.yaml`);
}

/** The stacks that have a Pulumi.<stack>.yaml in the project directory. */
export function listStacks(projectDir: string): string[] {
    return fs.readdirSync(projectDir)
        .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
        .filter((stack): stack is string => stack !== undefined)
        .sort();
}

/** Parses a YAML file into plain data; a syntax error names the file and its line. */
export function readYamlFile(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new StackFileError(`cannot read ${file}: ${(error as Error).message}`);
    }
    const document = parseDocument(text, { prettyErrors: true });
    const [error] = document.errors;
    if (error) {
        const line = error.linePos?.[0].line;
        const reason = error.message.split("\n")[0].replace(/ at line \d+, column \d+:$/, "");
        throw new StackFileError(`${file}${line ? `:${line}` : ""}: malformed YAML: ${reason}`);
    }
    return document.toJS();
}

function asMap(value: unknown, what: string): Record<string, unknown> {
    if (value === null || value === undefined) {
        return {};
    }
    if (typeof value !== "object" || Array.isArray(value)) {
        throw new StackFileError(`${what}: expected a map of keys`);
    }
    return value as Record<string, unknown>;
}

function configString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** `protect` → `cognito-user-pool:protect`; keys with a namespace stay as they are. */
function fullKey(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/**
 * Reads Pulumi.yaml and Pulumi.<stack>.yaml and merges them as the CLI does: the project's declared defaults
 * (and values), overridden by the stack's values.
 */
export function readStackConfig(projectDir: string, stack: string): StackConfig {
    const projectFile = path.join(projectDir, "Pulumi.yaml");
    const project = asMap(readYamlFile(projectFile), projectFile);
    if (typeof project.name !== "string") {
        throw new StackFileError(`${projectFile}: expected a project name`);
    }
    const stackFile = stackFilePath(projectDir, stack);
    if (!fs.existsSync(stackFile)) {
        const known = listStacks(projectDir);
        throw new StackFileError(`unknown stack "${stack}": there is no ${path.basename(stackFile)}; ` +
            `stacks here: ${known.join(", ") || "none"}`);
    }
    const stackValues = asMap(asMap(readYamlFile(stackFile), stackFile).config, `${stackFile}: config`);

    const config: Record<string, string> = {};
    for (const [key, declaration] of Object.entries(asMap(project.config, `${projectFile}: config`))) {
        const declared = typeof declaration === "object" && declaration !== null && !Array.isArray(declaration)
            ? declaration as Record<string, unknown>
            : { value: declaration };
        const value = declared.value ?? declared.default;
        if (value !== undefined) {
            config[fullKey(key, project.name)] = configString(value);
        }
    }
    for (const [key, value] of Object.entries(stackValues)) {
        config[fullKey(key, project.name)] = configString(value);
    }
    return { project: project.name, stack, config };
}
