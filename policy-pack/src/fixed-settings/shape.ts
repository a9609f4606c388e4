/**
 * A small description of JSON values from which a JSON schema (`jsonSchemaOf`) is derived, and against which a
 * value is checked (`problemsOf`): the baseline's shape is built once, from the table of fixed inputs (types.ts).
 */

interface Described {
    /** Shown in the JSON schema (and so by the Pulumi CLI). */
    readonly description?: string;
}

export type Shape =
    | (Described & { readonly kind: "string"; readonly nonEmpty: boolean })
    | (Described & { readonly kind: "enum"; readonly values: readonly string[] })
    | (Described & { readonly kind: "boolean" })
    | (Described & { readonly kind: "number" })
    | (Described & { readonly kind: "list"; readonly items: Shape })
    | (Described & { readonly kind: "byUrn"; readonly values: Shape })
    | (Described & { readonly kind: "object"; readonly required: Readonly<Record<string, Shape>>; readonly optional: Readonly<Record<string, Shape>> });

export const shapes = {
    string: (description?: string) => ({ kind: "string", nonEmpty: true, description }) as const,
    text: (description?: string) => ({ kind: "string", nonEmpty: false, description }) as const,
    enumOf: <V extends readonly string[]>(values: V, description?: string) => ({ kind: "enum", values, description }) as const,
    boolean: (description?: string) => ({ kind: "boolean", description }) as const,
    number: (description?: string) => ({ kind: "number", description }) as const,
    list: <I extends Shape>(items: I, description?: string) => ({ kind: "list", items, description }) as const,
    byUrn: <V extends Shape>(values: V, description?: string) => ({ kind: "byUrn", values, description }) as const,
    object: <R extends Record<string, Shape>, O extends Record<string, Shape> = {}>(required: R, optional: O = {} as O, description?: string) =>
        ({ kind: "object", required, optional, description }) as const,
};

/** The JSON schema of a shape (the PolicyConfigJSONSchema of a policy's config property). */
export function jsonSchemaOf(shape: Shape): Record<string, unknown> {
    const described = shape.description === undefined ? {} : { description: shape.description };
    switch (shape.kind) {
        case "string":
            return { type: "string", ...(shape.nonEmpty ? { minLength: 1 } : {}), ...described };
        case "enum":
            return { type: "string", enum: [...shape.values], ...described };
        case "boolean":
        case "number":
            return { type: shape.kind, ...described };
        case "list":
            return { type: "array", items: jsonSchemaOf(shape.items), ...described };
        case "byUrn":
            return { type: "object", propertyNames: { pattern: "^urn:pulumi:" }, additionalProperties: jsonSchemaOf(shape.values), ...described };
        case "object":
            return {
                type: "object",
                required: Object.keys(shape.required),
                additionalProperties: false,
                properties: Object.fromEntries(
                    Object.entries({ ...shape.required, ...shape.optional }).map(([key, inner]) => [key, jsonSchemaOf(inner)]),
                ),
                ...described,
            };
    }
}

function isObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Every way `value` departs from `shape`, each naming its key under `where`; [] when it conforms. */
export function problemsOf(shape: Shape, value: unknown, where: string): string[] {
    const problem = (at: string, message: string) => [`${at}: ${message}`];
    switch (shape.kind) {
        case "string":
            return typeof value === "string" && (!shape.nonEmpty || value !== "")
                ? [] : problem(where, `expected a${shape.nonEmpty ? " non-empty" : ""} string, got ${describe(value)}`);
        case "enum":
            return typeof value === "string" && shape.values.includes(value)
                ? [] : problem(where, `expected one of ${shape.values.map(v => JSON.stringify(v)).join(", ")}, got ${describe(value)}`);
        case "boolean":
            return typeof value === "boolean" ? [] : problem(where, `expected true or false, got ${describe(value)}`);
        case "number":
            return typeof value === "number" && Number.isFinite(value) ? [] : problem(where, `expected a number, got ${describe(value)}`);
        case "list":
            return Array.isArray(value)
                ? value.flatMap((item, i) => problemsOf(shape.items, item, `${where}[${i}]`))
                : problem(where, `expected a list, got ${describe(value)}`);
        case "byUrn":
            return isObject(value)
                ? Object.entries(value).flatMap(([urn, item]) => [
                    ...(urn.startsWith("urn:pulumi:") ? [] : problem(`${where}[${JSON.stringify(urn)}]`, "key is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)")),
                    ...problemsOf(shape.values, item, `${where}[${JSON.stringify(urn)}]`),
                ])
                : problem(where, `expected an object, got ${describe(value)}`);
        case "object": {
            if (!isObject(value)) return problem(where, `expected an object, got ${describe(value)}`);
            const known = { ...shape.required, ...shape.optional };
            return [
                ...Object.keys(shape.required).filter(key => !(key in value)).flatMap(key => problem(`${where}.${key}`, "missing")),
                ...Object.keys(value).filter(key => !(key in known))
                    .flatMap(key => problem(`${where}.${key}`, `unknown key (expected ${Object.keys(known).join(", ")})`)),
                ...Object.entries(known).filter(([key]) => value[key] !== undefined)
                    .flatMap(([key, inner]) => problemsOf(inner, value[key], `${where}.${key}`)),
            ];
        }
    }
}

/** A value as messages show it: strings quoted, lists and objects by kind, nothing as "nothing". */
export function describe(v: unknown): string {
    if (v === undefined) return "nothing";
    if (v === null) return "null";
    if (typeof v === "string") return JSON.stringify(v);
    if (Array.isArray(v)) return "a list";
    if (typeof v === "object") return "an object";
    return `${typeof v} ${String(v)}`;
}
