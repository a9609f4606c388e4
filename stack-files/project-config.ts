/*
 * Pulumi.yaml's `config:` declarations, read and checked as the Pulumi CLI does (pulumi/pulumi
 * sdk/go/common/workspace/project.go: `RewriteShorthandConfigValues`, `Project.Validate`, `ValidateConfigValue`).
 */

/**
 * The types a Pulumi.yaml declaration may give (project.json `simpleConfigType`): no object type, so a map
 * `value:` or `default:` is declared without one.
 */
export type DeclaredType = "string" | "integer" | "boolean" | "array";

export interface DeclaredItems {
    readonly type: DeclaredType;
    readonly items?: DeclaredItems;
}

/** One entry of Pulumi.yaml's `config:`. */
export interface ConfigDeclaration {
    /** The key as Pulumi.yaml writes it: `protect`, `cognito-user-pool:protect`, `aws:region`. */
    readonly key: string;
    /** With its namespace: a key without one is the project's (`protect` → `cognito-user-pool:protect`). */
    readonly fullKey: string;
    readonly type?: DeclaredType;
    readonly items?: DeclaredItems;
    /** The stack's value must be a secret (`pulumi config set --secret`). */
    readonly secret: boolean;
    /** What a stack that does not set the key gets: its `value`, else its `default`; undefined when neither. */
    readonly value?: unknown;
}

const declaredTypes: readonly string[] = ["string", "integer", "boolean", "array"];
const declarationAttributes = ["type", "description", "items", "default", "value", "secret"];

export function namespaceOf(fullKey: string): string {
    return fullKey.slice(0, fullKey.indexOf(":"));
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `integer` as Go's strconv.Atoi takes a string: optional sign, decimal digits, within 64 bits. */
function isAtoiInteger(text: string): boolean {
    return /^[+-]?[0-9]+$/.test(text) && BigInt(text) >= -(2n ** 63n) && BigInt(text) < 2n ** 63n;
}

/** project.go `ValidateConfigValue`: whether a value (a config string, or parsed JSON for objects) has the declared type. */
export function hasDeclaredType(type: DeclaredType, items: DeclaredItems | undefined, value: unknown): boolean {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "integer":
            return (typeof value === "number" && Number.isInteger(value)) || (typeof value === "string" && isAtoiInteger(value));
        case "boolean":
            return typeof value === "boolean" || value === "true" || value === "false";
        case "array":
            return Array.isArray(value) && items !== undefined && value.every((item) => hasDeclaredType(items.type, items.items, item));
    }
}

/** `array<integer>` for messages, as the CLI writes a declared type. */
export function typeName(type: DeclaredType, items: DeclaredItems | undefined): string {
    return items ? `array<${typeName(items.type, items.items)}>` : type;
}

function readItems(value: unknown, where: string, problems: string[]): DeclaredItems | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (!isPlainMap(value) || typeof value.type !== "string" || !declaredTypes.includes(value.type)) {
        problems.push(`${where}.items: expected {type: ${declaredTypes.join(" | ")}}`);
        return undefined;
    }
    return { type: value.type as DeclaredType, items: readItems(value.items, `${where}.items`, problems) };
}

/**
 * One declaration, in its long form. The short form (`key: value`, a string, integer, boolean or list) is a
 * `default` for a key of the project and a `value` for any other namespace's key.
 */
function readDeclaration(key: string, written: unknown, project: string, problems: string[]): ConfigDeclaration | undefined {
    const where = `config.${key}`;
    if (key.includes(".") || key.includes("[")) {
        problems.push(`${where}: a property path; declare whole top-level keys (paths are not read offline)`);
        return undefined;
    }
    const fullKey = key.includes(":") ? key : `${project}:${key}`;
    const ofProject = namespaceOf(fullKey) === project;
    const isShortForm = typeof written === "string" || typeof written === "boolean" || Array.isArray(written) ||
        (typeof written === "number" && Number.isInteger(written));
    if (isShortForm) {
        return { key, fullKey, secret: false, value: written };
    }
    if (written === null) {
        return { key, fullKey, secret: false };
    }
    if (!isPlainMap(written)) {
        problems.push(`${where}: expected a value (string, integer, boolean or list) or a declaration {${declarationAttributes.join(", ")}}`);
        return undefined;
    }
    const unknown = Object.keys(written).filter((attribute) => !declarationAttributes.includes(attribute));
    if (unknown.length > 0) {
        problems.push(`${where}: unknown attribute ${unknown.join(", ")}; a declaration has ${declarationAttributes.join(", ")}`);
    }
    const hasValue = written.value !== undefined && written.value !== null;
    const hasDefault = written.default !== undefined && written.default !== null;
    if (hasValue && hasDefault) {
        problems.push(`${where}: cannot have both a 'default' and 'value' attribute`);
    }
    if (written.type !== undefined && (typeof written.type !== "string" || !declaredTypes.includes(written.type))) {
        problems.push(`${where}.type: ${JSON.stringify(written.type)} is not one of ${declaredTypes.join(", ")}`);
    }
    const type = declaredTypes.includes(written.type as string) ? written.type as DeclaredType : undefined;
    const items = readItems(written.items, where, problems);
    if (ofProject) {
        if (type === "array" && items === undefined) {
            problems.push(`${where}: declares an array but does not specify the underlying type via the 'items' attribute`);
        } else if (type !== undefined && hasDefault && !hasDeclaredType(type, items, written.default)) {
            problems.push(`${where}: the default value is not of the expected type '${typeName(type, items)}'`);
        }
    } else {
        if (written.type !== undefined) {
            problems.push(`${where}: is not namespaced by the project and should not define a type`);
        }
        if (hasDefault) {
            problems.push(`${where}: is not namespaced by the project and should not define a default value; use 'value'`);
        } else if (!hasValue) {
            problems.push(`${where}: is namespaced and must provide an attribute 'value'`);
        }
    }
    return {
        key,
        fullKey,
        type,
        items,
        secret: written.secret === true,
        value: hasValue ? written.value : hasDefault ? written.default : undefined,
    };
}

/** The project's name and config declarations, from Pulumi.yaml's decoded contents; problems are collected. */
export function readProjectDeclarations(project: Record<string, unknown>, problems: string[]): { name: string; declarations: ConfigDeclaration[] } {
    const name = typeof project.name === "string" && project.name !== "" ? project.name : "";
    if (name === "") {
        problems.push("project is missing a non-empty string 'name' attribute");
    }
    if (project.runtime === undefined || project.runtime === null) {
        problems.push("project is missing a 'runtime' attribute");
    }
    if (project.stackConfigDir !== undefined || typeof project.config === "string") {
        problems.push("stackConfigDir: keep the stack files beside Pulumi.yaml (the offline commands read them there)");
    }
    const config = project.config ?? {};
    if (!isPlainMap(config)) {
        problems.push("config: expected a map of keys");
        return { name, declarations: [] };
    }
    const declarations = Object.entries(config)
        .map(([key, written]) => readDeclaration(key, written, name, problems))
        .filter((declaration): declaration is ConfigDeclaration => declaration !== undefined)
        .sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    return { name, declarations };
}
