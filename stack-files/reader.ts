import * as fs from "fs";
import * as path from "path";
import { decodeYaml, YamlReadError } from "./go-yaml";
import { ConfigDeclaration, hasDeclaredType, namespaceOf, readProjectDeclarations, typeName } from "./project-config";
import { StackFileError } from "./stack-file-error";

/** A stack's config as the Pulumi CLI hands it to the program: `namespace:key` → string (JSON for objects). */
export interface StackConfig {
    readonly project: string;
    readonly stack: string;
    readonly config: Record<string, string>;
    /**
     * The keys whose value is or holds a secret (`secure:` in the stack file). Offline the plaintext is not known:
     * each secret stands as the text `[secret]`.
     */
    readonly secretKeys: readonly string[];
}

/** What a secret (`secure: v1:...`) reads as offline, where nothing decrypts it. */
export const secretPlaceholder = "[secret]";

export function projectFilePath(projectDir: string): string {
    return path.join(projectDir, "Pulumi.yaml");
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

function unknownStack(projectDir: string, stack: string): StackFileError {
    const known = listStacks(projectDir);
    return new StackFileError(`unknown stack "${stack}": there is no ${path.basename(stackFilePath(projectDir, stack))}; ` +
        `stacks here: ${known.join(", ") || "none"}`);
}

/** A stack file's text; an unknown stack is named with the stacks there are. */
export function readStackText(projectDir: string, stack: string): string {
    const file = stackFilePath(projectDir, stack);
    if (!fs.existsSync(file)) {
        throw unknownStack(projectDir, stack);
    }
    try {
        return fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new StackFileError(`cannot read ${file}: ${(error as Error).message}`);
    }
}

/** Decodes YAML text as the Pulumi CLI does; a problem names the file and its line. */
export function parseYamlText(text: string, file: string): unknown {
    try {
        // Like the CLI (workspace/loaders.go readFileStripUTF8BOM), a UTF-8 byte-order mark is dropped.
        return decodeYaml(text.replace(/^\uFEFF/, ""));
    } catch (error) {
        if (error instanceof YamlReadError) {
            throw new StackFileError(`${file}${error.line === undefined ? "" : `:${error.line}`}: ${error.reason}`);
        }
        throw error;
    }
}

/** Reads and decodes a YAML file as the Pulumi CLI does; a problem names the file and its line. */
export function readYamlFile(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new StackFileError(`cannot read ${file}: ${(error as Error).message}`);
    }
    return parseYamlText(text, file);
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

function asMap(value: unknown, what: string): Record<string, unknown> {
    if (value === null || value === undefined) {
        return {};
    }
    if (!isPlainMap(value)) {
        throw new StackFileError(`${what}: expected a map of keys`);
    }
    return value;
}

/** config/object.go `isSecureValue`: `{secure: <ciphertext>}`, as `pulumi config set --secret` writes it. */
function isSecure(value: unknown): boolean {
    return isPlainMap(value) && Object.keys(value).length === 1 && typeof value.secure === "string";
}

/** A value with every secret replaced by the placeholder, and whether there was any. */
function withPlaceholders(value: unknown): { value: unknown; secret: boolean } {
    if (isSecure(value)) {
        return { value: secretPlaceholder, secret: true };
    }
    if (Array.isArray(value)) {
        const items = value.map(withPlaceholders);
        return { value: items.map((item) => item.value), secret: items.some((item) => item.secret) };
    }
    if (isPlainMap(value)) {
        const entries = Object.entries(value).map(([key, inner]) => [key, withPlaceholders(inner)] as const);
        return {
            value: Object.fromEntries(entries.map(([key, inner]) => [key, inner.value])),
            secret: entries.some(([, inner]) => inner.secret),
        };
    }
    return { value, secret: false };
}

function hasNonFiniteNumber(value: unknown): boolean {
    if (typeof value === "number") {
        return !Number.isFinite(value);
    }
    return value !== null && typeof value === "object" && Object.values(value).some(hasNonFiniteNumber);
}

/**
 * The string the program gets for a config value (config/object.go `MarshalString`): a string as it is, any other
 * value as JSON. Go's JSON encoder refuses NaN and infinities, and so does the CLI's config loader.
 */
function configText(value: unknown, where: string): string {
    if (hasNonFiniteNumber(value)) {
        throw new StackFileError(`${where}: ${JSON.stringify(value, (_, inner) =>
            typeof inner === "number" && !Number.isFinite(inner) ? String(inner) : inner)} holds .inf or .nan, ` +
            "which the Pulumi CLI cannot read as a config value");
    }
    return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * config/key.go `ParseKey`: `<namespace>:<name>`, or the old `<namespace>:config:<name>`; undefined when the
 * key is neither (the CLI refuses the stack file).
 */
function parseStackKey(key: string): string | undefined {
    const parts = key.split(":");
    if (parts.length === 2) {
        return key;
    }
    return parts.length === 3 && parts[1] === "config" ? `${parts[0]}:${parts[2]}` : undefined;
}

interface StackValues {
    readonly config: Record<string, string>;
    readonly secretKeys: Set<string>;
    /** Keys whose value is a list or map: the program gets it as JSON. */
    readonly objectKeys: Set<string>;
}

/** The stack file's `config:` as the CLI reads it (workspace.ProjectStack, config.Map); problems are collected. */
function readStackValues(stackFile: string, stackText: string, problems: string[]): StackValues {
    const file = asMap(parseYamlText(stackText, stackFile), stackFile);
    if (file.environment !== undefined && file.environment !== null) {
        problems.push(`${stackFile}: environment: imports Pulumi ESC environments, which the offline commands cannot read`);
    }
    const config: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const objectKeys = new Set<string>();
    for (const [key, written] of Object.entries(asMap(file.config, `${stackFile}: config`))) {
        const fullKey = parseStackKey(key);
        if (fullKey === undefined) {
            problems.push(`${stackFile}: config key "${key}" is not of the form <namespace>:<name> ` +
                `(e.g. ${key.includes(":") ? "cognito-user-pool:protect" : `cognito-user-pool:${key}`})`);
            continue;
        }
        const { value, secret } = withPlaceholders(written);
        try {
            config[fullKey] = configText(value, `${stackFile}: ${key}`);
        } catch (error) {
            problems.push((error as Error).message);
            continue;
        }
        if (secret) {
            secretKeys.add(fullKey);
        }
        if (written !== null && typeof written === "object" && !isSecure(written)) {
            objectKeys.add(fullKey);
        }
    }
    return { config, secretKeys, objectKeys };
}

/** workspace/config.go `validateStackConfigValue`: a typed or secret declaration checks the stack's value. */
function declarationProblem(stackFile: string, declaration: ConfigDeclaration, values: StackValues): string | undefined {
    const { fullKey, type, items } = declaration;
    if (declaration.secret && !values.secretKeys.has(fullKey)) {
        return `${stackFile}: ${fullKey} must be a secret, as Pulumi.yaml declares it: set it with \`pulumi config set --secret\``;
    }
    const text = values.config[fullKey];
    if (type === undefined || values.secretKeys.has(fullKey)) {
        return undefined;
    }
    const content: unknown = values.objectKeys.has(fullKey) ? JSON.parse(text) : text;
    return hasDeclaredType(type, items, content)
        ? undefined
        : `${stackFile}: ${fullKey}: ${text} must be of type '${typeName(type, items)}', as Pulumi.yaml declares it`;
}

/**
 * Reads Pulumi.yaml and Pulumi.<stack>.yaml and merges them as the Pulumi CLI does (workspace/config.go
 * `mergeConfig`): a key the stack sets takes the stack's value, whole (no deep merge of objects); a key it does
 * not set takes Pulumi.yaml's `value` or `default`; a key of the project with neither is missing. Every problem
 * is reported at once.
 * @param stackText the stack file's text when the caller has read it already (under a lock, say), or the text
 *   it would have after an edit; messages still name the stack file.
 * @param projectText likewise, Pulumi.yaml's text.
 */
export function readStackConfig(projectDir: string, stack: string, stackText?: string, projectText?: string): StackConfig {
    const projectFile = projectFilePath(projectDir);
    const problems: string[] = [];
    const projectFileContents = projectText === undefined ? readYamlFile(projectFile) : parseYamlText(projectText, projectFile);
    const project = readProjectDeclarations(asMap(projectFileContents, projectFile), problems);
    const projectProblems = problems.splice(0).map((problem) => `${projectFile}: ${problem}`);
    if (projectProblems.length > 0) {
        throw new StackFileError(projectProblems.join("\n"));
    }
    const stackFile = stackFilePath(projectDir, stack);
    const values = readStackValues(stackFile, stackText ?? readStackText(projectDir, stack), problems);

    const config = { ...values.config };
    const missing: string[] = [];
    for (const declaration of project.declarations) {
        if (declaration.fullKey in values.config) {
            const problem = declarationProblem(stackFile, declaration, values);
            if (problem) {
                problems.push(problem);
            }
        } else if (declaration.value !== undefined) {
            config[declaration.fullKey] = configText(declaration.value, `${projectFile}: config.${declaration.key}`);
            // The CLI checks the merged value of a typed key, whichever file gave it (validateStackConfigValues).
            if (declaration.type !== undefined && !hasDeclaredType(declaration.type, declaration.items, declaration.value)) {
                problems.push(`${projectFile}: config.${declaration.key}: ${config[declaration.fullKey]} must be of type ` +
                    `'${typeName(declaration.type, declaration.items)}', as its declaration says`);
            }
        } else if (namespaceOf(declaration.fullKey) === project.name) {
            missing.push(declaration.key);
        }
    }
    if (missing.length > 0) {
        problems.push(`${stackFile}: stack '${stack}' is missing configuration ${missing.length > 1 ? "values" : "value"} ` +
            `${missing.join(", ")}, which Pulumi.yaml declares without a default`);
    }
    if (problems.length > 0) {
        throw new StackFileError(problems.join("\n"));
    }
    return { project: project.name, stack, config, secretKeys: [...values.secretKeys].sort() };
}
