/**
 * The baseline and the rest of the policy config are described with zod schemas (the baseline's built once from the
 * table of fixed inputs, types.ts). This module holds what zod leaves to its user: the pack's problem messages from
 * zod's issues (`problemsOf`), the schema at an issue's path (`schemaAt`, which the root's messages use too), and
 * the JSON schema the policies declare for their config (`jsonSchemaOf`), in a draft the Pulumi engine validates with.
 */
import { z } from "zod";

/** A JSON schema, as a policy's `configSchema` holds it. */
export type JsonSchema = Record<string, unknown>;

/** What every Pulumi URN starts with, and the form messages show. */
export const URN_PATTERN = /^urn:pulumi:/;
export const URN_FORM = "urn:pulumi:<stack>::<project>::<type>::<name>";

/** A map keyed by Pulumi URN. */
export function byUrn<V extends z.ZodType>(values: V) {
    return z.record(z.string().regex(URN_PATTERN, `key is not a Pulumi URN (${URN_FORM})`), values);
}

/**
 * The JSON schema of a zod schema, embedded in a policy's configSchema. The engine validates policy config with
 * gojsonschema, which knows drafts 4, 6 and 7 (pulumi/pulumi pkg/resource/analyzer/config.go validatePolicyConfig;
 * xeipuuv/gojsonschema draft.go): draft 7 keywords, and no `$schema`, which belongs to the engine's root schema.
 */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
    const { $schema: _root, ...embedded } = z.toJSONSchema(schema, { target: "draft-7" });
    return embedded;
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

/** `value` as `schema` parses it (defaults filled in), or every way it departs from it, each naming its key under `where`. */
export function parsedOrProblems<S extends z.ZodType>(schema: S, value: unknown, where: string): { data: z.output<S> } | { problems: string[] } {
    const result = schema.safeParse(value, { reportInput: true });
    return result.success ? { data: result.data } : { problems: result.error.issues.flatMap(issue => problemsOfIssue(schema, value, issue, where)) };
}

/** Every way `value` departs from `schema`, each naming its key under `where`; [] when it conforms. */
export function problemsOf(schema: z.ZodType, value: unknown, where: string): string[] {
    const parsed = parsedOrProblems(schema, value, where);
    return "problems" in parsed ? parsed.problems : [];
}

// Not the root's describeIssues (config/rules/problems.ts): these lines name a key of a JSON policy config (URN map keys as ["urn…"]) and a value by its kind (a baseline's is often a whole record), worded from the schema followed.
function problemsOfIssue(root: z.ZodType, value: unknown, issue: z.core.$ZodIssue, where: string): string[] {
    const { schema, at } = follow(root, issue.path, where);
    switch (issue.code) {
        case "invalid_type":
            return [issue.input === undefined ? `${at}: missing` : `${at}: expected ${expected(schema)}, got ${describe(issue.input)}`];
        case "invalid_value":
            return [`${at}: expected one of ${issue.values.map(v => JSON.stringify(v)).join(", ")}, got ${describe(issue.input)}`];
        case "too_small":
            return [`${at}: expected ${expected(schema)}, got ${describe(issue.input)}`];
        case "unrecognized_keys": {
            const known = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
            return issue.keys.map(key => `${at}.${key}: unknown key (expected ${known.join(", ")})`);
        }
        case "invalid_key": {
            // zod skips the value of a record entry whose key it refuses; every problem is reported at once.
            const record = follow(root, issue.path.slice(0, -1), where).schema;
            const entry = issue.path.reduce<unknown>((inner, key) => (inner as Record<PropertyKey, unknown>)[key], value);
            return [
                ...issue.issues.map(keyIssue => `${at}: ${keyIssue.message}`),
                ...(record instanceof z.ZodRecord ? problemsOf(record.valueType as z.ZodType, entry, at) : []),
            ];
        }
        default:
            return [`${at}: ${issue.message}`];
    }
}

const stringKind = (schema: z.ZodString) => (schema.minLength ? "non-empty string" : "string");

/** What a schema expects, as messages say it. */
function expected(schema: z.ZodType | undefined): string {
    if (schema instanceof z.ZodString) return `a ${stringKind(schema)}`;
    if (schema instanceof z.ZodNumber) return "a number";
    if (schema instanceof z.ZodBoolean) return "true or false";
    if (schema instanceof z.ZodArray) return schema.element instanceof z.ZodString ? `a list of ${stringKind(schema.element)}s` : "a list";
    return "an object";
}

/** The schema that checks the value at a path of an issue: through objects, lists and maps, wrappers taken off. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
    return follow(root, path, "").schema;
}

/** The schema at a path of an issue, and the path as messages write it: `.key`, `["urn…"]` in a map, `[0]` in a list. */
function follow(root: z.ZodType, path: readonly PropertyKey[], where: string): { schema: z.ZodType | undefined; at: string } {
    let schema: z.ZodType | undefined = root;
    let at = where;
    for (const key of path) {
        const here = unwrapped(schema);
        if (here instanceof z.ZodRecord) {
            schema = here.valueType as z.ZodType;
            at += `[${JSON.stringify(key)}]`;
        } else if (here instanceof z.ZodArray) {
            schema = here.element as z.ZodType;
            at += `[${String(key)}]`;
        } else {
            schema = here instanceof z.ZodObject ? (here.shape[String(key)] as z.ZodType | undefined) : undefined;
            at += `.${String(key)}`;
        }
    }
    return { schema: unwrapped(schema), at };
}

/** The schema a given value is checked against, inside its wrappers (optional, default, prefault, nullable: each has an innerType). */
function unwrapped(schema: z.ZodType | undefined): z.ZodType | undefined {
    const inner = (schema?._zod.def as { innerType?: z.ZodType } | undefined)?.innerType;
    return inner ? unwrapped(inner) : schema;
}
