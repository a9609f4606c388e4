import {
    ENFORCEMENT_LEVELS,
    EnforcementLevel,
    POLICY_CATALOGUE,
    POLICY_NAMES,
    PolicyConfigKey,
    PolicyName,
} from "./catalogue";
import { BaselineError, parseBaseline } from "./fixed-settings/baseline";
import { describe } from "./fixed-settings/normalize";
import { JsonSchema, jsonSchemaOf } from "./fixed-settings/schema";
import { BASELINE_SHAPE, Baseline } from "./fixed-settings/types";

/** Stacks treated as protected environments when the config names none. */
export const DEFAULT_PROTECTED_STACKS: readonly string[] = ["staging", "prod"];

/** A malformed policy config; the message names the policy and the key. */
export class PolicyConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyConfigError";
    }
}

// ---- JSON schemas (PolicyConfigJSONSchema shape; the CLI validates the config file with them) ----

/** JSON schema of the baseline (README "Baseline format"), from the baseline's one definition. */
export const BASELINE_JSON_SCHEMA: JsonSchema = jsonSchemaOf(BASELINE_SHAPE);

export const PROTECTED_STACKS_JSON_SCHEMA: JsonSchema = {
    type: "array",
    items: { type: "string", minLength: 1 },
    default: [...DEFAULT_PROTECTED_STACKS],
    description: "Stacks that are protected environments.",
};

export const PUBLIC_CLIENTS_JSON_SCHEMA: JsonSchema = {
    type: "array",
    items: { type: "string", minLength: 1 },
    default: [],
    description: "Names of app clients meant for browsers or devices (public clients), besides every client without a secret.",
};

export const RETIRED_CLIENTS_JSON_SCHEMA: JsonSchema = {
    type: "array",
    items: { type: "string", pattern: "^urn:pulumi:" },
    default: [],
    description: "URNs of deployed app clients removed from the program on purpose: Pulumi deletes them, and apps using their client ids stop signing in.",
};

const SCHEMA_BY_KEY: Record<PolicyConfigKey, JsonSchema> = {
    baseline: BASELINE_JSON_SCHEMA,
    protectedStacks: PROTECTED_STACKS_JSON_SCHEMA,
    publicClients: PUBLIC_CLIENTS_JSON_SCHEMA,
    retiredClients: RETIRED_CLIENTS_JSON_SCHEMA,
};

/** The `configSchema` of a policy that reads the given keys. */
export function configSchemaFor(keys: PolicyConfigKey[]): { properties: Record<string, any> } {
    return { properties: Object.fromEntries(keys.map(k => [k, SCHEMA_BY_KEY[k]])) };
}

// ---- Reading a policy's config (what args.getConfig() returns) ----

const baselineCache = new WeakMap<object, Baseline>();

/**
 * The baseline in a policy's config, validated (cached per config object), or undefined when there is none
 * (first deployment). A malformed one throws a PolicyConfigError naming the policy and the key.
 */
export function readBaselineConfig(config: Record<string, unknown>, policy: string): Baseline | undefined {
    const raw = config.baseline;
    if (raw === undefined || raw === null) {
        return undefined;
    }
    if (typeof raw === "object") {
        const cached = baselineCache.get(raw);
        if (cached) return cached;
    }
    try {
        const parsed = parseBaseline(raw, `policy config "${policy}".baseline`);
        if (typeof raw === "object") baselineCache.set(raw, parsed);
        return parsed;
    } catch (e) {
        if (e instanceof BaselineError) {
            throw new PolicyConfigError(`${e.message}\nRegenerate it with \`npm run baseline -- --stack <stack>\`.`);
        }
        throw e;
    }
}

function readStringList(config: Record<string, unknown>, key: string, where: string, dflt: readonly string[]): string[] {
    const v = config[key];
    if (v === undefined || v === null) {
        return [...dflt];
    }
    if (!Array.isArray(v) || v.some(x => typeof x !== "string" || x === "")) {
        throw new PolicyConfigError(`${where}.${key}: expected a list of non-empty strings, got ${describe(v)}`);
    }
    return v as string[];
}

export function readProtectedStacks(config: Record<string, unknown>, policy: string): string[] {
    return readStringList(config, "protectedStacks", `policy config "${policy}"`, DEFAULT_PROTECTED_STACKS);
}

export function readPublicClients(config: Record<string, unknown>, policy: string): string[] {
    return readStringList(config, "publicClients", `policy config "${policy}"`, []);
}

function readClientUrns(config: Record<string, unknown>, where: string): string[] {
    const urns = readStringList(config, "retiredClients", where, []);
    const notUrns = urns.filter(u => !u.startsWith("urn:pulumi:"));
    if (notUrns.length > 0) {
        throw new PolicyConfigError(
            `${where}.retiredClients: expected client URNs (urn:pulumi:<stack>::<project>::<type>::<name>), got ${notUrns.map(u => JSON.stringify(u)).join(", ")}`,
        );
    }
    return urns;
}

export function readRetiredClients(config: Record<string, unknown>, policy: string): string[] {
    return readClientUrns(config, `policy config "${policy}"`);
}

// ---- Building the config file ----

/** One policy's entry in the file given to `--policy-pack-config`. */
export interface PolicyConfigEntry {
    enforcementLevel: EnforcementLevel;
    baseline?: Baseline;
    protectedStacks?: string[];
    publicClients?: string[];
    retiredClients?: string[];
}

export type PolicyPackConfigFile = Record<PolicyName, PolicyConfigEntry>;

export interface PolicyConfigOptions {
    /** Stacks that are protected environments. Default ["staging", "prod"]. */
    protectedStacks?: string[];
    /** Names of clients meant for browsers/devices (besides every client without a secret). Default []. */
    publicClients?: string[];
    /** URNs of deployed clients removed on purpose (cognito-client-not-removed lets them go). Default []. */
    retiredClients?: string[];
    /** Levels that differ from each policy's default, by policy name. */
    enforcementLevels?: Partial<Record<PolicyName, EnforcementLevel>>;
}

/**
 * The whole `--policy-pack-config` file: every policy with its level, the baseline under each policy that
 * compares against it (the CLI hands a policy only its own config), protectedStacks, publicClients and
 * retiredClients under the policies that read them. `baseline` null/undefined = first deployment
 * (fixed-settings policies pass). The baseline is validated first: a malformed one throws an error naming the key.
 * cognito-client-not-removed is mandatory for a baseline of a protected stack and advisory for any other stack,
 * unless enforcementLevels says otherwise.
 */
export function policyConfigFor(baseline: Baseline | null | undefined, options: PolicyConfigOptions = {}): PolicyPackConfigFile {
    const parsed = baseline === null || baseline === undefined ? undefined : parseBaseline(baseline, "baseline");
    const protectedStacks = readStringList(options as Record<string, unknown>, "protectedStacks", "options", DEFAULT_PROTECTED_STACKS);
    const publicClients = readStringList(options as Record<string, unknown>, "publicClients", "options", []);
    const retiredClients = readClientUrns(options as Record<string, unknown>, "options");
    const levels = options.enforcementLevels ?? {};
    for (const [name, level] of Object.entries(levels)) {
        if (!POLICY_CATALOGUE.some(p => p.name === name)) {
            throw new PolicyConfigError(
                `options.enforcementLevels["${name}"]: no such policy (policies: ${POLICY_CATALOGUE.map(p => p.name).join(", ")})`,
            );
        }
        if (!ENFORCEMENT_LEVELS.includes(level as EnforcementLevel)) {
            throw new PolicyConfigError(
                `options.enforcementLevels["${name}"]: expected one of ${ENFORCEMENT_LEVELS.join(", ")}, got ${describe(level)}`,
            );
        }
    }
    const clientRemovalLevel: EnforcementLevel =
        parsed === undefined || protectedStacks.includes(parsed.stack) ? "mandatory" : "advisory";
    const stackLevels: Partial<Record<PolicyName, EnforcementLevel>> = { [POLICY_NAMES.clientNotRemoved]: clientRemovalLevel };
    const file = {} as PolicyPackConfigFile;
    for (const p of POLICY_CATALOGUE) {
        const entry: PolicyConfigEntry = { enforcementLevel: levels[p.name] ?? stackLevels[p.name] ?? p.defaultLevel };
        if (p.config.includes("baseline") && parsed) entry.baseline = parsed;
        if (p.config.includes("protectedStacks")) entry.protectedStacks = [...protectedStacks];
        if (p.config.includes("publicClients")) entry.publicClients = [...publicClients];
        if (p.config.includes("retiredClients")) entry.retiredClients = [...retiredClients];
        file[p.name] = entry;
    }
    return file;
}
