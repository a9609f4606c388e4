import type { Described, Entry, ReadContext, Section, Setting } from "./define";

/*
 * The reverse of the provider mapping (./derive.ts providerArgs): settings read back from a live resource as the
 * AWS API describes it, each by the `read` fact beside its `describe` path, for `npm run adopt`.
 */

/** The value at a Describe path (`Policies.PasswordPolicy.MinimumLength`); undefined where a part is absent. */
export function describedAt(resource: Described, path: string): unknown {
    return path.split(".").reduce<any>((inner, part) => inner?.[part], resource);
}

/** The Describe paths a setting names. */
export const describePaths = (setting: Setting): readonly string[] => [setting.describe ?? []].flat();

function readSetting(name: string, setting: Setting, resource: Described, context: ReadContext): unknown {
    const live = typeof setting.describe === "string"
        ? describedAt(resource, setting.describe)
        : describePaths(setting).map((path) => describedAt(resource, path));
    if (setting.read) {
        return setting.read(live, context, resource);
    }
    if (setting.describe === undefined) {
        return undefined;
    }
    if (typeof setting.describe !== "string" || setting.map) {
        throw new Error(`${name}: a setting with several Describe paths or a map is read back by its own read or its section's`);
    }
    // The API reports an unset text as absent or empty.
    return live === "" || live === null ? undefined : live;
}

/**
 * A section's settings read back from one live resource, as a stack file writes them (a list section: one of
 * its items): a section with `read` reads its whole value; a setting with `read` gets the value(s) at its
 * Describe path(s); any other setting with one Describe path is copied back. A setting or section without a
 * Describe path is not read back; keys read as undefined are left out, and so is a section with none read.
 */
export function readSettings(section: Section<any, any>, resource: Described, context: ReadContext): Record<string, unknown> | undefined {
    if (section.read) {
        return section.read(resource, context);
    }
    if (section.describe !== undefined && describedAt(resource, section.describe) === undefined) {
        if (section.schema.safeParse(undefined).data !== undefined) {
            context.note(section.describe, "not reported: assumed the defaults");
        }
        return undefined;
    }
    const value: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(section.entries as Record<string, Entry>)) {
        const read = entry.kind === "section"
            ? (entry.list && !entry.read ? undefined : readSettings(entry, resource, context))
            : readSetting(name, entry, resource, context);
        if (read !== undefined) {
            value[name] = read;
        }
    }
    return Object.keys(value).length > 0 ? value : undefined;
}

/** False for what the API reports for an unset field: nothing, false, 0, "", or lists and objects of those. */
export function holdsValue(value: unknown): boolean {
    if (Array.isArray(value)) {
        return value.some(holdsValue);
    }
    if (value !== null && typeof value === "object") {
        return Object.values(value).some(holdsValue);
    }
    return value !== undefined && value !== null && value !== false && value !== 0 && value !== "";
}

/** The live value, or the API's default with a note when the server did not report it (a local server may not). */
export function reportedOr<T>(live: T | undefined, apiDefault: T, setting: string, context: ReadContext): T {
    if (live === undefined || live === null) {
        context.note(setting, `not reported by the server: assumed ${apiDefault} (the API's default)`);
        return apiDefault;
    }
    return live;
}

/**
 * A boolean setting the API writes as one of two words (`ACTIVE` / `INACTIVE`): its mapping and its read-back, the
 * off word when the server reports nothing (the API's default for each such setting here).
 */
export function writtenAs(on: string, off: string, describe: string) {
    return {
        describe,
        map: (value: boolean) => value ? on : off,
        read: (live: string | undefined, context: ReadContext) => reportedOr(live, off, describe, context) === on,
    };
}

/** The config value of each API value of a mapping (`{ email: "verified_email" }` → `{ verified_email: "email" }`). */
export function inverseOf<K extends string>(mapping: Readonly<Record<K, string>>): Readonly<Record<string, K | undefined>> {
    return Object.fromEntries(Object.entries(mapping).map(([value, api]) => [api, value])) as Record<string, K>;
}
