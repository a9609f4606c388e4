import { isFixedInput } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import type { Entry, MappingContext, Scope, Section, Setting } from "./define";

/** One setting of the catalogue with its place in the config tree and what it inherits from its sections. */
export interface CatalogueEntry {
    /** `password.minLength`, `clients[].tokenValidity.access`. */
    readonly key: string;
    readonly setting: Setting;
    /** Cognito fixes it at creation: one of its provider inputs is a row of the pack's table of fixed inputs. */
    readonly fixed: boolean;
    /** The resource type its inputs belong to, when it has any. */
    readonly resourceType?: string;
    readonly scope: Scope;
    /** The sections it sits in, outermost first. */
    readonly sections: readonly { readonly key: string; readonly section: Section<any, any> }[];
}

function joinKey(prefix: string, name: string, entry: Entry): string {
    const key = prefix === "" ? name : `${prefix}.${name}`;
    return entry.kind === "section" && entry.list ? `${key}[]` : key;
}

/** The provider inputs a setting maps to or decides. */
export function inputsOf(setting: Setting): string[] {
    return [...[setting.input ?? []].flat(), ...(setting.decides === undefined ? [] : [setting.decides])];
}

/** Every setting under `root`, in catalogue order, keys relative to it. */
export function entriesOf(root: Section<any, any>): CatalogueEntry[] {
    const walk = (section: Section<any, any>, prefix: string, resourceType: string | undefined, scope: Scope,
        sections: CatalogueEntry["sections"]): CatalogueEntry[] =>
        Object.entries(section.entries as Record<string, Entry>).flatMap(([name, entry]) => {
            const key = joinKey(prefix, name, entry);
            const entryScope = entry.scope ?? scope;
            if (entry.kind === "section") {
                return walk(entry, key, entry.resourceType ?? resourceType, entryScope, [...sections, { key, section: entry }]);
            }
            const fixed = resourceType !== undefined && inputsOf(entry).some((input) => isFixedInput(resourceType, input));
            return [{ key, setting: entry, fixed, ...(resourceType === undefined ? {} : { resourceType }), scope: entryScope, sections }];
        });
    return walk(root, "", root.resourceType, root.scope ?? "shared", []);
}

function setPath(target: Record<string, any>, path: string, value: unknown): void {
    const parts = path.split(".");
    const last = parts.pop() as string;
    const parent = parts.reduce((inner, part) => (inner[part] ??= {}), target);
    parent[last] = value;
}

function mergeInto(target: Record<string, any>, source: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(source)) {
        const isMap = value !== null && typeof value === "object" && !Array.isArray(value);
        if (isMap && typeof target[key] === "object" && target[key] !== null) {
            mergeInto(target[key], value as Record<string, unknown>);
        } else {
            target[key] = value;
        }
    }
}

/**
 * The provider inputs of a section's settings: a section with `args` maps its whole value; a setting with
 * `map` gives the value of its input; any other setting with one input is copied to it.
 */
export function providerArgs(section: Section<any, any>, value: Record<string, any> | undefined, context: MappingContext): Record<string, unknown> {
    if (section.args) {
        return section.args(value, context);
    }
    const args: Record<string, any> = {};
    if (value === undefined) {
        return args;
    }
    for (const [name, entry] of Object.entries(section.entries as Record<string, Entry>)) {
        const inner = value[name];
        if (entry.kind === "section") {
            mergeInto(args, providerArgs(entry, inner, context));
            continue;
        }
        if (entry.input === undefined) {
            continue;
        }
        if (typeof entry.input !== "string") {
            throw new Error(`${name}: a setting with several inputs is mapped by its section's args`);
        }
        const mapped = entry.map ? entry.map(inner, value) : inner;
        if (mapped !== undefined) {
            setPath(args, entry.input, mapped);
        }
    }
    return args;
}

/** The default of a schema, when it has one (`.default()` or `.prefault()`). */
export function defaultOf(schema: z.ZodType): unknown {
    const def = schema._zod.def as { type: string; defaultValue?: unknown; innerType?: z.ZodType };
    if (def.type === "default" || def.type === "prefault") {
        return def.defaultValue;
    }
    return def.innerType ? defaultOf(def.innerType) : undefined;
}

/**
 * The fewest keys that cover exactly the settings that satisfy `holds`: a section whose settings all hold is
 * named once (`signIn`). Keys are written as promotion names them: a list of objects compared as a
 * whole without `[]` (`attributes.custom`), the settings of each client under `clients[]`.
 */
export function coveringKeys(root: Section<any, any>, holds: (entry: CatalogueEntry) => boolean): string[] {
    const entries = entriesOf(root);
    const covering = (prefix: string): string[] => {
        const under = entries.filter((entry) => prefix === "" || entry.key === prefix || entry.key.startsWith(`${prefix}.`));
        if (prefix !== "" && under.every(holds)) {
            return [prefix.replace(/\[\]$/, "")];
        }
        const children = [...new Set(under.map((entry) => {
            const rest = prefix === "" ? entry.key : entry.key.slice(prefix.length + 1);
            const child = rest.split(".")[0];
            return prefix === "" ? child : `${prefix}.${child}`;
        }))];
        return children.filter((child) => under.some((entry) => holds(entry) && (entry.key === child || entry.key.startsWith(`${child}.`))))
            .flatMap((child) => under.some((entry) => entry.key === child) ? [child] : covering(child));
    };
    return covering("");
}
