import { canonicalAttributeName, describe, isDefaultStandardAttribute } from "./normalize";
import { isStandardAttribute } from "./standard-attributes";
import {
    ALIAS_ATTRIBUTE_VALUES,
    ATTRIBUTE_DATA_TYPES,
    AttributeConstraints,
    Baseline,
    BaselineClient,
    BaselineEmailIdentity,
    BaselineUserPool,
    FixedAttribute,
    USERNAME_ATTRIBUTE_VALUES,
} from "./types";

/** A malformed baseline. `problems` lists each one, each naming its key (e.g. `baseline.userPools["urn…"].name`). */
export class BaselineError extends Error {
    constructor(readonly problems: string[]) {
        super(`malformed baseline:\n  - ${problems.join("\n  - ")}`);
        this.name = "BaselineError";
    }
}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

class Checker {
    readonly problems: string[] = [];

    fail(where: string, msg: string): void {
        this.problems.push(`${where}: ${msg}`);
    }

    object(v: unknown, where: string): Obj | undefined {
        if (!isObject(v)) {
            this.fail(where, `expected an object, got ${describe(v)}`);
            return undefined;
        }
        return v;
    }

    keys(o: Obj, where: string, required: string[], optional: string[] = []): void {
        for (const k of required) {
            if (!(k in o)) this.fail(`${where}.${k}`, "missing");
        }
        for (const k of Object.keys(o)) {
            if (!required.includes(k) && !optional.includes(k)) {
                this.fail(`${where}.${k}`, `unknown key (expected ${[...required, ...optional].join(", ")})`);
            }
        }
    }

    string(v: unknown, where: string, nonEmpty = true): string {
        if (typeof v !== "string" || (nonEmpty && v === "")) {
            if (v !== undefined) this.fail(where, `expected a${nonEmpty ? " non-empty" : ""} string, got ${describe(v)}`);
            return "";
        }
        return v;
    }

    boolean(v: unknown, where: string): boolean {
        if (typeof v !== "boolean") {
            if (v !== undefined) this.fail(where, `expected true or false, got ${describe(v)}`);
            return false;
        }
        return v;
    }

    oneOf<T extends string>(v: unknown, allowed: readonly T[], where: string): T {
        if (typeof v !== "string" || !allowed.includes(v as T)) {
            if (v !== undefined) this.fail(where, `expected one of ${allowed.map(a => JSON.stringify(a)).join(", ")}, got ${describe(v)}`);
            return allowed[0];
        }
        return v as T;
    }

    list(v: unknown, allowed: readonly string[], where: string): string[] {
        if (!Array.isArray(v)) {
            if (v !== undefined) this.fail(where, `expected a list, got ${describe(v)}`);
            return [];
        }
        const out = v.map((x, i) => this.oneOf(x, allowed, `${where}[${i}]`));
        return [...new Set(out)].sort();
    }

    urnKey(k: string, where: string): void {
        if (!k.startsWith("urn:pulumi:")) {
            this.fail(`${where}[${JSON.stringify(k)}]`, "key is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)");
        }
    }
}

function parseConstraints(c: Checker, v: unknown, where: string): AttributeConstraints {
    const o = c.object(v, where);
    const out: AttributeConstraints = {};
    if (!o) return out;
    const allowed = ["minLength", "maxLength", "minValue", "maxValue"] as const;
    c.keys(o, where, [], [...allowed]);
    for (const k of allowed) {
        const x = o[k];
        if (x === undefined) continue;
        if (typeof x !== "number" || !Number.isFinite(x)) {
            c.fail(`${where}.${k}`, `expected a number, got ${describe(x)}`);
            continue;
        }
        out[k] = x;
    }
    return out;
}

function parseAttribute(c: Checker, v: unknown, where: string): FixedAttribute | undefined {
    const o = c.object(v, where);
    if (!o) return undefined;
    c.keys(o, where, ["name", "dataType", "required", "mutable", "developerOnly", "constraints"]);
    const name = c.string(o.name, `${where}.name`);
    if (name && !name.startsWith("custom:") && !isStandardAttribute(name)) {
        c.fail(`${where}.name`, `"${name}" is neither a standard attribute nor "custom:<name>" (did you mean "${canonicalAttributeName(name)}"?)`);
    }
    if (name.startsWith("custom:") && (name.length <= 7 || name.length > 27)) {
        c.fail(`${where}.name`, "a custom attribute name has 1 to 20 characters after \"custom:\"");
    }
    return {
        name,
        dataType: c.oneOf(o.dataType, ATTRIBUTE_DATA_TYPES, `${where}.dataType`),
        required: c.boolean(o.required, `${where}.required`),
        mutable: c.boolean(o.mutable, `${where}.mutable`),
        developerOnly: c.boolean(o.developerOnly, `${where}.developerOnly`),
        constraints: o.constraints === undefined ? {} : parseConstraints(c, o.constraints, `${where}.constraints`),
    };
}

function parsePool(c: Checker, v: unknown, where: string): BaselineUserPool | undefined {
    const o = c.object(v, where);
    if (!o) return undefined;
    c.keys(o, where, ["id", "region", "name", "usernameAttributes", "aliasAttributes", "caseSensitive", "attributes"]);
    const attributes: FixedAttribute[] = [];
    if (Array.isArray(o.attributes)) {
        const seen = new Set<string>();
        o.attributes.forEach((a, i) => {
            const at = `${where}.attributes[${i}]`;
            const parsed = parseAttribute(c, a, at);
            if (!parsed) return;
            if (seen.has(parsed.name)) c.fail(`${at}.name`, `"${parsed.name}" appears twice`);
            seen.add(parsed.name);
            if (!isDefaultStandardAttribute(parsed)) attributes.push(parsed);
        });
    } else if (o.attributes !== undefined) {
        c.fail(`${where}.attributes`, `expected a list, got ${describe(o.attributes)}`);
    }
    attributes.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    const pool: BaselineUserPool = {
        id: c.string(o.id, `${where}.id`),
        region: c.string(o.region, `${where}.region`),
        name: c.string(o.name, `${where}.name`),
        usernameAttributes: c.list(o.usernameAttributes, USERNAME_ATTRIBUTE_VALUES, `${where}.usernameAttributes`),
        aliasAttributes: c.list(o.aliasAttributes, ALIAS_ATTRIBUTE_VALUES, `${where}.aliasAttributes`),
        caseSensitive: c.boolean(o.caseSensitive, `${where}.caseSensitive`),
        attributes,
    };
    if (pool.usernameAttributes.length > 0 && pool.aliasAttributes.length > 0) {
        c.fail(where, "usernameAttributes and aliasAttributes cannot both be set (Cognito refuses it)");
    }
    return pool;
}

function parseClient(c: Checker, v: unknown, where: string, poolUrns: Set<string>): BaselineClient | undefined {
    const o = c.object(v, where);
    if (!o) return undefined;
    c.keys(o, where, ["id", "region", "name", "userPool", "generateSecret"]);
    const userPool = c.string(o.userPool, `${where}.userPool`);
    if (userPool && !poolUrns.has(userPool)) {
        c.fail(`${where}.userPool`, `"${userPool}" is not a key of userPools`);
    }
    return {
        id: c.string(o.id, `${where}.id`),
        region: c.string(o.region, `${where}.region`),
        name: c.string(o.name, `${where}.name`, false),
        userPool,
        generateSecret: c.boolean(o.generateSecret, `${where}.generateSecret`),
    };
}

function parseEmailIdentity(c: Checker, v: unknown, where: string): BaselineEmailIdentity | undefined {
    const o = c.object(v, where);
    if (!o) return undefined;
    c.keys(o, where, ["id", "region"]);
    return { id: c.string(o.id, `${where}.id`), region: c.string(o.region, `${where}.region`) };
}

/** A section keyed by URN (`userPools`, `clients`, `emailIdentities`), each entry parsed by `parse`. */
function parseByUrn<T>(c: Checker, v: unknown, where: string, parse: (c: Checker, v: unknown, where: string) => T | undefined): Record<string, T> {
    const out: Record<string, T> = {};
    const section = v === undefined ? undefined : c.object(v, where);
    for (const [urn, x] of Object.entries(section ?? {})) {
        c.urnKey(urn, where);
        const parsed = parse(c, x, `${where}[${JSON.stringify(urn)}]`);
        if (parsed) out[urn] = parsed;
    }
    return out;
}

/**
 * Validates a baseline (the JSON the baseline command writes) and returns it normalised (lists sorted, standard
 * attributes at their default dropped). Every problem is reported at once, each naming its key.
 * @param where the name of the value in messages, e.g. `config["cognito-sign-in-options-unchanged"].baseline`.
 */
export function parseBaseline(value: unknown, where = "baseline"): Baseline {
    const c = new Checker();
    const o = c.object(value, where);
    if (!o) throw new BaselineError(c.problems);
    c.keys(o, where, ["source", "stack", "capturedAt", "userPools", "clients", "emailIdentities"]);
    const source = c.oneOf(o.source, ["pulumi-state", "aws"] as const, `${where}.source`);
    const stack = c.string(o.stack, `${where}.stack`);
    const capturedAt = c.string(o.capturedAt, `${where}.capturedAt`);
    if (capturedAt && Number.isNaN(Date.parse(capturedAt))) {
        c.fail(`${where}.capturedAt`, `not an ISO 8601 time: ${JSON.stringify(capturedAt)}`);
    }
    const userPools = parseByUrn(c, o.userPools, `${where}.userPools`, parsePool);
    const poolUrns = new Set(Object.keys(isObject(o.userPools) ? o.userPools : {}));
    const clients = parseByUrn(c, o.clients, `${where}.clients`, (cc, x, at) => parseClient(cc, x, at, poolUrns));
    const emailIdentities = parseByUrn(c, o.emailIdentities, `${where}.emailIdentities`, parseEmailIdentity);
    if (c.problems.length > 0) {
        throw new BaselineError(c.problems);
    }
    return { source, stack, capturedAt, userPools, clients, emailIdentities };
}
