import { z } from "zod";
import { configNamespace } from "../rules/problems";
import type { Entry, Section } from "./define";
import { readBackFrom, settingsByDescription } from "./described-settings";
import { CatalogueEntry, defaultOf, entriesOf } from "./derive";
import { stack } from "./stack";

/*
 * The configuration reference, written from the catalogue: one table per top-level key, one row per setting.
 * `npm run docs` writes it between the markers of its page; a test fails when the page holds another text.
 */

/** The page that holds the reference, relative to the project directory. */
export const referencePage = "docs/configuration.md";

export const referenceMarkers = {
    begin: "<!-- configuration reference: written by `npm run docs` from config/catalogue; do not edit -->",
    end: "<!-- end of the configuration reference -->",
} as const;

const code = (text: unknown) => `\`${text}\``;
const codes = (values: readonly unknown[]) => values.map(code).join(", ");

/** A value as a stack file would write it: `[username]`, `{}`, `essentials`. */
function yamlish(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map(yamlish).join(", ")}]`;
    }
    if (value !== null && typeof value === "object") {
        return `{${Object.entries(value).map(([key, inner]) => `${key}: ${yamlish(inner)}`).join(", ")}}`;
    }
    return String(value);
}

type JsonSchema = { type?: string; enum?: unknown[]; const?: unknown; minimum?: number; maximum?: number;
    minItems?: number; maxItems?: number; items?: JsonSchema; anyOf?: JsonSchema[] };

function allowedOf(schema: z.ZodType): string {
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    // zod bounds a bare integer by the safe integers: no range worth stating.
    const range = (min?: number, max?: number) =>
        min !== undefined && max !== undefined && max < Number.MAX_SAFE_INTEGER ? `${min} to ${max}` : undefined;
    switch (json.type) {
        case "boolean":
            return "`true`, `false`";
        case "integer":
            return range(json.minimum, json.maximum) ?? "a whole number";
        case "string":
            return json.enum ? codes(json.enum) : "text";
        case "object":
            return "a map of texts";
        case "array": {
            const items = json.items?.enum ? `a list of ${codes(json.items.enum)}` : "a list of texts";
            const count = [json.minItems && `at least ${json.minItems}`, json.maxItems && `at most ${json.maxItems}`].filter(Boolean);
            return [items, ...count].join("; ");
        }
        default:
            return "see the description";
    }
}

function defaultText(schema: z.ZodType, stated: string | undefined): string {
    const value = defaultOf(schema);
    if (value !== undefined) {
        return code(yamlish(value));
    }
    return stated ?? (schema.safeParse(undefined).success ? "none" : "required");
}

const paths = (paths: string | readonly string[] | undefined) => paths === undefined ? "" : codes([paths].flat());

function table(entries: readonly CatalogueEntry[]): string[] {
    return [
        "| key | default | allowed | fixed at creation | scope | provider input | read back from | |",
        "|---|---|---|---|---|---|---|---|",
        ...entries.map(({ key, setting, fixed, scope }) => [
            code(key),
            defaultText(setting.schema, setting.defaultText),
            setting.allowed ?? allowedOf(setting.schema),
            fixed ? "**fixed**" : "",
            scope,
            paths(setting.input),
            paths(setting.describe),
            setting.doc,
        ].join(" | ")).map((row) => `| ${row} |`),
    ];
}

/** The sections under a top-level key, with their docs, as a list under its table. */
function sectionNotes(root: Entry, prefix: string): string[] {
    if (root.kind !== "section") {
        return [];
    }
    const notes: string[] = [];
    const walk = (section: Section, key: string) => {
        for (const [name, entry] of Object.entries(section.entries)) {
            if (entry.kind === "section") {
                const inner = `${key}${name}${entry.list ? "[]" : ""}`;
                notes.push(`- ${code(inner)}: ${entry.doc}`);
                walk(entry, `${inner}.`);
            }
        }
    };
    walk(root, prefix);
    return notes.length > 0 ? ["", ...notes] : [];
}

/** `aws:cognito/userPool:UserPool` as the SDK names it: `aws.cognito.UserPool`. */
function sdkName(type: string): string {
    const [pkg, module, name] = type.split(":");
    return `${pkg}.${module.split("/")[0]}.${name}`;
}

/** Each resource whose inputs settings become, and what `npm run adopt` reads it back from. */
function readBackList(): string[] {
    const byDescription = settingsByDescription();
    return Object.entries(readBackFrom).map(([from, source]) => {
        const types = new Set(byDescription[from as keyof typeof readBackFrom].flatMap(({ resourceType }) => resourceType ?? []));
        return `- ${codes([...types].map(sdkName))}: ${source}`;
    });
}

/** The reference, markers included, ending with a newline. */
export function configurationReference(): string {
    const lines: string[] = [referenceMarkers.begin, "", "Provider inputs by resource, and what each is read back from:", "", ...readBackList()];
    const entries = entriesOf(stack);
    for (const [name, entry] of Object.entries(stack.entries)) {
        lines.push("", `### ${code(`${configNamespace}:${name}`)}`, "");
        if (entry.kind === "section") {
            lines.push(entry.doc, "");
        }
        const under = entries.filter(({ key }) => key === name || key.startsWith(`${name}.`) || key.startsWith(`${name}[].`));
        lines.push(...table(under), ...sectionNotes(entry, entry.kind === "section" && entry.list ? `${name}[].` : `${name}.`));
    }
    lines.push("", referenceMarkers.end);
    return `${lines.join("\n")}\n`;
}

/** The page with its reference replaced by `reference`; undefined when the page has no markers. */
export function withReference(page: string, reference: string): string | undefined {
    const begin = page.indexOf(referenceMarkers.begin);
    const end = page.indexOf(referenceMarkers.end);
    if (begin < 0 || end < begin) {
        return undefined;
    }
    return page.slice(0, begin) + reference + page.slice(end + referenceMarkers.end.length + 1);
}
