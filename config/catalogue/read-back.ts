import type { Setting } from "./define";

/*
 * What the read-back functions of the resources (poolFromDescribed, clientFromDescribed, …) share: the context
 * they report to, and the API's ways of writing an unset value.
 */

/** What reading a live resource back into settings may use and report besides the described values. */
export interface ReadContext {
    /** The region the resource was read in. */
    readonly region: string;
    /** A live value the config model cannot express: the API's name for it (`AccountRecoverySetting`), the value, why. */
    gap(setting: string, live: unknown, why: string): void;
    /** A value assumed because the API did not report it, or something left as it is. */
    note(setting: string, note: string): void;
}

/** The Describe paths a setting names. */
export const describePaths = (setting: Setting): readonly string[] => [setting.describe ?? []].flat();

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

/** Whether the API reports any field of an object (a field it reports as null or "" is unset). */
export function reportsSome<T extends object>(value: T | undefined): value is T {
    return value !== undefined && Object.values(value).some((field) => field !== undefined && field !== null && field !== "");
}

/** The live value, or the API's default with a note when the server did not report it (a local server may not). */
export function reportedOr<T>(live: T | undefined, apiDefault: T, setting: string, context: ReadContext): T {
    if (live === undefined || live === null) {
        context.note(setting, `not reported by the server: assumed ${apiDefault} (the API's default)`);
        return apiDefault;
    }
    return live;
}

/** The config value of each API value of a mapping (`{ email: "verified_email" }` → `{ verified_email: "email" }`). */
export function inverseOf<K extends string>(mapping: Readonly<Record<K, string>>): Readonly<Record<string, K | undefined>> {
    return Object.fromEntries(Object.entries(mapping).map(([value, api]) => [api, value])) as Record<string, K>;
}
