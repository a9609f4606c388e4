import { z } from "zod";
import {
    ENFORCEMENT_LEVELS,
    EnforcementLevel,
    POLICY_CATALOGUE,
    POLICY_NAMES,
    PolicyConfigKey,
    PolicyName,
} from "./catalogue";
import { BaselineError, parseBaseline } from "./fixed-settings/baseline";
import { describe, JsonSchema, jsonSchemaOf, parsedOrProblems, URN_FORM, URN_PATTERN } from "./fixed-settings/schema";
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

// ---- Each config key's zod schema: the pack parses a policy's config with it, and declares its JSON schema ----

const nameList = (described: string, dflt: readonly string[]) => z.array(z.string().min(1)).default([...dflt]).describe(described);

const CONFIG_SHAPES = {
    baseline: BASELINE_SHAPE,
    protectedStacks: nameList("Stacks that are protected environments.", DEFAULT_PROTECTED_STACKS),
    publicClients: nameList("Names of app clients meant for browsers or devices (public clients), besides every client without a secret.", []),
    retiredClients: z.array(
        z.string().regex(URN_PATTERN, { error: issue => `expected a client URN (${URN_FORM}), got ${describe(issue.input)}` }),
    ).default([]).describe(
        "URNs of deployed app clients removed from the program on purpose: Pulumi deletes them, and apps using their client ids stop signing in.",
    ),
} satisfies Record<PolicyConfigKey, z.ZodType>;

/**
 * The JSON schema of each key (PolicyConfigJSONSchema's properties): the engine fills in each `default` and
 * validates the config with them before the pack sees it (pulumi/pulumi pkg/resource/analyzer/config.go,
 * ReconcilePolicyPackConfig).
 */
const JSON_SCHEMA_BY_KEY = Object.fromEntries(
    Object.entries(CONFIG_SHAPES).map(([key, shape]) => [key, jsonSchemaOf(shape)]),
) as Record<PolicyConfigKey, JsonSchema>;

/** JSON schema of the baseline (README "Baseline format"), from the baseline's one definition. */
export const BASELINE_JSON_SCHEMA: JsonSchema = JSON_SCHEMA_BY_KEY.baseline;

/** The `configSchema` of a policy that reads the given keys. */
export function configSchemaFor(keys: PolicyConfigKey[]): { properties: Record<string, any> } {
    return { properties: Object.fromEntries(keys.map(k => [k, JSON_SCHEMA_BY_KEY[k]])) };
}

// ---- Reading a policy's config (what args.getConfig() returns) ----

const baselineCache = new WeakMap<object, Baseline>();

/**
 * The baseline in a policy's config, validated (cached per config object), or undefined when there is none
 * (first deployment). A malformed one, null included (the engine's JSON schema refuses it too), throws a
 * PolicyConfigError naming the policy and the key.
 */
export function readBaselineConfig(config: Record<string, unknown>, policy: string): Baseline | undefined {
    const raw = config.baseline;
    if (raw === undefined) {
        return undefined;
    }
    const cacheable = typeof raw === "object" && raw !== null;
    const cached = cacheable ? baselineCache.get(raw) : undefined;
    if (cached) return cached;
    try {
        const parsed = parseBaseline(raw, `policy config "${policy}".baseline`);
        if (cacheable) baselineCache.set(raw, parsed);
        return parsed;
    } catch (e) {
        if (e instanceof BaselineError) {
            throw new PolicyConfigError(`${e.message}\nRegenerate it with \`npm run baseline -- --stack <stack>\`.`);
        }
        throw e;
    }
}

type ListKey = Exclude<PolicyConfigKey, "baseline">;

/** A list the config holds under `key` (its default when absent); every problem with it at once, each naming its key. */
function readList(config: Record<string, unknown>, key: ListKey, where: string): string[] {
    const parsed = parsedOrProblems(CONFIG_SHAPES[key], config[key], `${where}.${key}`);
    if ("problems" in parsed) {
        throw new PolicyConfigError(parsed.problems.join("\n"));
    }
    return parsed.data;
}

export function readProtectedStacks(config: Record<string, unknown>, policy: string): string[] {
    return readList(config, "protectedStacks", `policy config "${policy}"`);
}

export function readPublicClients(config: Record<string, unknown>, policy: string): string[] {
    return readList(config, "publicClients", `policy config "${policy}"`);
}

export function readRetiredClients(config: Record<string, unknown>, policy: string): string[] {
    return readList(config, "retiredClients", `policy config "${policy}"`);
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
    const protectedStacks = readList(options as Record<string, unknown>, "protectedStacks", "options");
    const publicClients = readList(options as Record<string, unknown>, "publicClients", "options");
    const retiredClients = readList(options as Record<string, unknown>, "retiredClients", "options");
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
