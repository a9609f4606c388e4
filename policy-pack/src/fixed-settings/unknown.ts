/**
 * Values that are not known yet (preview). Inside a policy, `args.props` is wrapped by @pulumi/policy so that
 * reading an unknown value throws its UnknownValueError; outside the framework the engine's sentinel strings
 * may appear as-is. Both are turned into the UNKNOWN marker here, so that one unknown field never stops the
 * check of the fields that are known.
 */

/** Marks a setting whose value is not known during preview. */
export const UNKNOWN: unique symbol = Symbol("unknown during preview");
export type Unknown = typeof UNKNOWN;
export type MaybeUnknown<T> = T | Unknown;

// The engine's sentinels for unknown values (pulumi/sdk/go/common/resource/plugin/rpc.go).
const UNKNOWN_SENTINELS = new Set<string>([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // bool
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

export function isUnknown<T>(v: MaybeUnknown<T>): v is Unknown {
    return v === UNKNOWN;
}

export function isKnown<T>(v: MaybeUnknown<T>): v is T {
    return v !== UNKNOWN;
}

/** True for the error @pulumi/policy throws when a policy reads an unknown value (matched by shape, not import). */
export function isUnknownValueError(e: unknown): boolean {
    return (
        e instanceof Error &&
        (e.constructor?.name === "UnknownValueError" ||
            (Array.isArray((e as { props?: unknown }).props) && "unknownTypeSentinel" in e))
    );
}

/**
 * The paths (`usernameConfiguration`, `schemas[0].mutable`) at which a value holds one of the engine's
 * unknown-value sentinels, under `where`.
 */
export function sentinelPaths(v: unknown, where: string, depth = 0): string[] {
    if (typeof v === "string") {
        return UNKNOWN_SENTINELS.has(v) ? [where] : [];
    }
    if (depth > 20 || v === null || typeof v !== "object") {
        return [];
    }
    if (Array.isArray(v)) {
        return v.flatMap((x, i) => sentinelPaths(x, `${where}[${i}]`, depth + 1));
    }
    return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => sentinelPaths(x, where === "" ? k : `${where}.${k}`, depth + 1));
}

/**
 * Runs `read` and returns its result, or UNKNOWN when it touched a value unknown during preview.
 * Any other error propagates.
 */
export function readKnown<T>(read: () => T): MaybeUnknown<T> {
    try {
        const v = read();
        return sentinelPaths(v, "").length > 0 ? UNKNOWN : v;
    } catch (e) {
        if (isUnknownValueError(e)) {
            return UNKNOWN;
        }
        throw e;
    }
}
