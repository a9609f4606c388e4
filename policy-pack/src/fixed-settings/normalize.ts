import { STANDARD_ATTRIBUTE_DEFAULTS, isStandardAttribute } from "./standard-attributes";
import type { FixedAttribute } from "./table";
import { ATTRIBUTE_DATA_TYPES, AttributeDataType } from "./values";
import { describe } from "./schema";

type AttributeConstraints = FixedAttribute["constraints"];

export { describe };

/** A constraints block as a source holds it: its two limits, whatever the source's spelling. */
export interface RawConstraints {
    min: unknown;
    max: unknown;
}

/** The same raw attribute, whatever the source's spelling. A constraints block is undefined when the source has none. */
export interface RawAttribute {
    name: unknown;
    dataType: unknown;
    required: unknown;
    mutable: unknown;
    developerOnly: unknown;
    stringConstraints: RawConstraints | undefined;
    numberConstraints: RawConstraints | undefined;
}

/** A source's constraints block (`{minLength, maxLength}`, `{MinValue, MaxValue}`, ...): undefined when absent or null. */
export function constraintsBlock(raw: unknown, minKey: string, maxKey: string, where: string): RawConstraints | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== "object" || Array.isArray(raw)) {
        throw new FixedSettingsReadError(`${where}: expected an object, got ${describe(raw)}`);
    }
    const block = raw as Record<string, unknown>;
    return { min: block[minKey], max: block[maxKey] };
}

/** Raised when a source holds a value that cannot be read as a fixed setting. Names where it is. */
export class FixedSettingsReadError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "FixedSettingsReadError";
    }
}

/**
 * Canonical attribute name: standard names as they are, custom ones as `custom:<name>`. Accepts the provider's
 * spelling (no prefix), the API's (`custom:x`) and the API's developer-only spelling (`dev:custom:x`).
 */
export function canonicalAttributeName(raw: string): string {
    const name = raw.startsWith("dev:") ? raw.slice(4) : raw;
    if (name.startsWith("custom:") || isStandardAttribute(name)) {
        return name;
    }
    return `custom:${name}`;
}

/**
 * A schema element's name as the provider takes it (its element names carry no `custom:`), in canonical form:
 * `tenant_id` is `custom:tenant_id`, and `custom:tenant_id` written in the program is `custom:custom:tenant_id`,
 * the attribute Cognito would create for it.
 */
export function providerElementName(written: string): string {
    return isStandardAttribute(written) ? written : `custom:${written}`;
}

export function isCustomAttributeName(name: string): boolean {
    return name.startsWith("custom:");
}

const CAMEL_TO_SNAKE: Record<string, string> = {
    phoneNumber: "phone_number",
    preferredUsername: "preferred_username",
};

/** Sign-in attribute lists: snake_case values, sorted, no duplicates; absent is []. */
export function normalizeNameList(raw: unknown, where: string): string[];
/** The same, each value one of `allowed` (a value the API returns must be one Cognito accepts). */
export function normalizeNameList<T extends string>(raw: unknown, where: string, allowed: readonly T[]): T[];
export function normalizeNameList(raw: unknown, where: string, allowed?: readonly string[]): string[] {
    if (raw === undefined || raw === null) {
        return [];
    }
    if (!Array.isArray(raw)) {
        throw new FixedSettingsReadError(`${where}: expected a list of strings, got ${describe(raw)}`);
    }
    const out = new Set<string>();
    raw.forEach((v: unknown, i: number) => {
        if (typeof v !== "string") {
            throw new FixedSettingsReadError(`${where}[${i}]: expected a string, got ${describe(v)}`);
        }
        const name = CAMEL_TO_SNAKE[v] ?? v;
        if (allowed !== undefined && !allowed.includes(name)) {
            throw new FixedSettingsReadError(`${where}[${i}]: expected one of ${allowed.join(", ")}, got ${describe(v)}`);
        }
        out.add(name);
    });
    return [...out].sort();
}

export function normalizeBoolean(raw: unknown, dflt: boolean, where: string): boolean {
    if (raw === undefined || raw === null) {
        return dflt;
    }
    if (typeof raw === "boolean") {
        return raw;
    }
    if (raw === "true" || raw === "false") {
        return raw === "true";
    }
    throw new FixedSettingsReadError(`${where}: expected true or false, got ${describe(raw)}`);
}

/** A boolean the source must hold (the provider's `Required`), as normalizeBoolean reads it. */
export function requireBoolean(raw: unknown, where: string): boolean {
    if (raw === undefined || raw === null) {
        throw new FixedSettingsReadError(`${where}: expected true or false, got ${describe(raw)}`);
    }
    return normalizeBoolean(raw, false, where);
}

/** Constraints arrive as strings from the provider and the API; "" and absent mean "no limit". */
export function normalizeNumber(raw: unknown, where: string): number | undefined {
    if (raw === undefined || raw === null || raw === "") {
        return undefined;
    }
    const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw.trim()) : NaN;
    if (!Number.isFinite(n)) {
        throw new FixedSettingsReadError(`${where}: expected a number, got ${describe(raw)}`);
    }
    return n;
}

function normalizeDataType(raw: unknown, where: string): AttributeDataType {
    if (raw === undefined || raw === null) {
        return "String";
    }
    const hit = ATTRIBUTE_DATA_TYPES.find(t => typeof raw === "string" && t.toLowerCase() === raw.toLowerCase());
    if (!hit) {
        throw new FixedSettingsReadError(`${where}: expected one of ${ATTRIBUTE_DATA_TYPES.join(", ")}, got ${describe(raw)}`);
    }
    return hit;
}

/**
 * One attribute in canonical form, reading what a source leaves out as what the provider sends for it
 * (terraform-provider-aws 6.x, internal/service/cognitoidp/user_pool.go, expandSchemaAttributeTypes; the
 * element of a terraform-plugin-sdk v2 set hands every omitted boolean to it as false): required, mutable and
 * developer-only false. Each constraints block is kept as the source has it, whatever the data type, and an empty
 * block stays a block: resourceUserPoolSchemaHash writes a block's marker when the block is present (empty or
 * not), then each limit that is set, for the string and the number block alike. So a String attribute's omitted
 * limits differ from a deployed 0..2048, a Number attribute's string limits are part of its identity, and an
 * empty block differs from none.
 */
export function normalizeAttribute(raw: RawAttribute, where: string): FixedAttribute {
    if (typeof raw.name !== "string" || raw.name === "") {
        throw new FixedSettingsReadError(`${where}.name: expected a non-empty string, got ${describe(raw.name)}`);
    }
    const constraints: AttributeConstraints = {};
    if (raw.stringConstraints !== undefined) {
        constraints.string = limits(raw.stringConstraints, "minLength", "maxLength", where);
    }
    if (raw.numberConstraints !== undefined) {
        constraints.number = limits(raw.numberConstraints, "minValue", "maxValue", where);
    }
    return {
        name: canonicalAttributeName(raw.name),
        dataType: normalizeDataType(raw.dataType, `${where}.dataType`),
        required: normalizeBoolean(raw.required, false, `${where}.required`),
        mutable: normalizeBoolean(raw.mutable, false, `${where}.mutable`),
        developerOnly: normalizeBoolean(raw.developerOnly, false, `${where}.developerOnly`),
        constraints,
    };
}

function limits<Min extends string, Max extends string>(
    block: RawConstraints, minKey: Min, maxKey: Max, where: string,
): { [K in Min | Max]?: number } {
    const out: { [K in Min | Max]?: number } = {};
    const min = normalizeNumber(block.min, `${where}.${minKey}`);
    const max = normalizeNumber(block.max, `${where}.${maxKey}`);
    if (min !== undefined) out[minKey] = min;
    if (max !== undefined) out[maxKey] = max;
    return out;
}

export function attributesEqual(a: FixedAttribute, b: FixedAttribute): boolean {
    return (
        a.name === b.name &&
        a.dataType === b.dataType &&
        a.required === b.required &&
        a.mutable === b.mutable &&
        a.developerOnly === b.developerOnly &&
        constraintsEqual(a.constraints, b.constraints)
    );
}

export function constraintsEqual(a: AttributeConstraints, b: AttributeConstraints): boolean {
    const same = <T extends object>(x: T | undefined, y: T | undefined) =>
        x === undefined || y === undefined ? x === y : JSON.stringify(sortedEntries(x)) === JSON.stringify(sortedEntries(y));
    return same(a.string, b.string) && same(a.number, b.number);
}

function sortedEntries(o: object): [string, unknown][] {
    return Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1));
}

/** True for a standard attribute identical to Cognito's default for it (left out of a normalised pool). */
export function isDefaultStandardAttribute(a: FixedAttribute): boolean {
    const dflt = STANDARD_ATTRIBUTE_DEFAULTS[a.name];
    return dflt !== undefined && attributesEqual(a, dflt);
}

/** Schema elements sorted by name; a name given twice is an error (Cognito rejects it too). */
export function sortedAttributes(list: FixedAttribute[], where: string): FixedAttribute[] {
    const seen = new Set<string>();
    for (const a of list) {
        if (seen.has(a.name)) {
            throw new FixedSettingsReadError(`${where}: attribute "${a.name}" appears twice`);
        }
        seen.add(a.name);
    }
    return [...list].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}
