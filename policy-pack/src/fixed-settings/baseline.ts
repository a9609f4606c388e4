import { problemsOf } from "./schema";
import { BASELINE_SHAPE, Baseline, BaselineUserPool } from "./types";

/** A malformed baseline. `problems` lists each one, each naming its key (e.g. `baseline.userPools["urn…"].name`). */
export class BaselineError extends Error {
    constructor(readonly problems: string[]) {
        super(`malformed baseline:\n  - ${problems.join("\n  - ")}`);
        this.name = "BaselineError";
    }
}

type Loose = Record<string, any>;

function isObject(v: unknown): v is Loose {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

function entriesOf(v: unknown): [string, Loose][] {
    return isObject(v) ? Object.entries(v).filter((entry): entry is [string, Loose] => isObject(entry[1])) : [];
}

function poolProblems(pool: Loose, at: string): string[] {
    const problems: string[] = [];
    if (Array.isArray(pool.usernameAttributes) && pool.usernameAttributes.length > 0 && Array.isArray(pool.aliasAttributes) && pool.aliasAttributes.length > 0) {
        problems.push(`${at}: usernameAttributes and aliasAttributes cannot both be set (Cognito refuses it)`);
    }
    const seen = new Set<string>();
    (Array.isArray(pool.attributes) ? pool.attributes : []).forEach((attribute: unknown, i: number) => {
        const name = isObject(attribute) ? attribute.name : undefined;
        if (typeof name !== "string" || name === "") return;
        if (seen.has(name)) problems.push(`${at}.attributes[${i}].name: "${name}" appears twice`);
        seen.add(name);
    });
    return problems;
}

/**
 * The rules that relate several fields: a pool does not set both sign-in lists nor name an attribute twice, a
 * client's pool is in the baseline. Kept beside zod, not as its refinements: zod refines only a value whose shape
 * passed, and these must be reported with the shape's problems, all at once, so they read the value defensively.
 */
function crossFieldProblems(value: Loose, where: string): string[] {
    const problems: string[] = [];
    for (const [urn, pool] of entriesOf(value.userPools)) {
        problems.push(...poolProblems(pool, `${where}.userPools[${JSON.stringify(urn)}]`));
    }
    const poolUrns = new Set(isObject(value.userPools) ? Object.keys(value.userPools) : []);
    const clientUrns = new Set(isObject(value.clients) ? Object.keys(value.clients) : []);
    for (const [urn, branding] of entriesOf(value.brandings)) {
        if (typeof branding.client === "string" && branding.client !== "" && !clientUrns.has(branding.client)) {
            problems.push(`${where}.brandings[${JSON.stringify(urn)}].client: "${branding.client}" is not a key of clients`);
        }
    }
    for (const kind of ["clients", "groups", "resourceServers", "domains", "brandings", "identityProviders"] as const) {
        for (const [urn, member] of entriesOf(value[kind])) {
            if (typeof member.userPool === "string" && member.userPool !== "" && !poolUrns.has(member.userPool)) {
                problems.push(`${where}.${kind}[${JSON.stringify(urn)}].userPool: "${member.userPool}" is not a key of userPools`);
            }
        }
    }
    return problems;
}

function sortedSet<T extends string>(values: T[]): T[] {
    return [...new Set(values)].sort();
}

/**
 * A pool as the policies compare it: lists sorted without duplicates, schema elements sorted by name. Standard
 * attributes at Cognito's default are kept: the provider's state keeps those the program declared.
 */
function normalisedPool(pool: BaselineUserPool): BaselineUserPool {
    return {
        ...pool,
        usernameAttributes: sortedSet(pool.usernameAttributes),
        aliasAttributes: sortedSet(pool.aliasAttributes),
        attributes: [...pool.attributes].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)),
    };
}

/**
 * Validates a baseline (the JSON the baseline command writes) against BASELINE_SHAPE and the rules beside it,
 * and returns it normalised (lists sorted). Every problem is
 * reported at once, each naming its key.
 * @param where the name of the value in messages, e.g. `config["cognito-sign-in-options-unchanged"].baseline`.
 */
export function parseBaseline(value: unknown, where = "baseline"): Baseline {
    const problems = [...problemsOf(BASELINE_SHAPE, value, where), ...(isObject(value) ? crossFieldProblems(value, where) : [])];
    if (problems.length > 0) {
        throw new BaselineError(problems);
    }
    const baseline = value as Baseline;
    return {
        ...baseline,
        userPools: Object.fromEntries(Object.entries(baseline.userPools).map(([urn, pool]) => [urn, normalisedPool(pool)])),
        groups: baseline.groups ?? {},
        resourceServers: baseline.resourceServers ?? {},
        domains: baseline.domains ?? {},
        brandings: baseline.brandings ?? {},
        identityProviders: baseline.identityProviders ?? {},
    };
}
