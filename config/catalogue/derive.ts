import { isFixedInput } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import type { Entry, Scope, Section, Setting } from "./define";

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
}

function joinKey(prefix: string, name: string, entry: Entry): string {
    const key = prefix === "" ? name : `${prefix}.${name}`;
    return entry.kind === "section" && entry.list ? `${key}[]` : key;
}

/** The provider inputs a setting maps to or decides. */
export function inputsOf(setting: Setting): string[] {
    return [setting.input ?? [], setting.decides ?? []].flat();
}

/** Every setting under `root`, in catalogue order, keys relative to it. */
export function entriesOf(root: Section): CatalogueEntry[] {
    const walk = (section: Section, prefix: string, resourceType: string | undefined, scope: Scope): CatalogueEntry[] =>
        Object.entries(section.entries).flatMap(([name, entry]) => {
            const key = joinKey(prefix, name, entry);
            const entryScope = entry.scope ?? scope;
            if (entry.kind === "section") {
                return walk(entry, key, entry.resourceType ?? resourceType, entryScope);
            }
            const fixed = resourceType !== undefined && inputsOf(entry).some((input) => isFixedInput(resourceType, input));
            return [{ key, setting: entry, fixed, ...(resourceType === undefined ? {} : { resourceType }), scope: entryScope }];
        });
    return walk(root, "", root.resourceType, root.scope ?? "shared");
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
export function coveringKeys(root: Section, holds: (entry: CatalogueEntry) => boolean): string[] {
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
