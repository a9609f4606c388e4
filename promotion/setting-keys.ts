import { coveringKeys, stack } from "../config";

/*
 * Setting keys as promotion names them: dotted paths under the `cognito-user-pool:` namespace, a client by its
 * name in brackets (`clients[web].tokenValidity.refresh`), since clients are matched by name across stacks.
 * Which settings are per-environment and which are fixed at creation is the settings catalogue's to say.
 */

/** One step into the settings: a key, or the client of that name in `clients`. */
export type PathSegment = string | { readonly client: string };

export type SettingPath = readonly PathSegment[];

/** `userPool.mfa.mode`, `clients[web].type`. */
export function keyOf(path: SettingPath): string {
    return path.map((segment, index) =>
        typeof segment === "string" ? (index === 0 ? segment : `.${segment}`) : `[${segment.client}]`).join("");
}

/** The key with every client name left out (`clients[].type`), to match a rule that holds for any client. */
function ruleKeyOf(path: SettingPath): string {
    return keyOf(path.map((segment) => typeof segment === "string" ? segment : { client: "" }));
}

function covers(rule: string, key: string): boolean {
    return key === rule || key.startsWith(`${rule}.`) || key.startsWith(`${rule}[`);
}

/**
 * Keys that hold each environment's own value: never compared between stacks and never copied by a promotion.
 * A key covers everything under it.
 */
export const perEnvironmentKeys: readonly string[] = coveringKeys(stack, (entry) => entry.scope === "per-environment");

/**
 * Keys of the settings Cognito fixes at creation (the same settings the policy pack's fixed-settings module
 * reads from the pool and client): changing one on a deployed stack replaces the pool or the client, or fails.
 */
export const fixedAtCreationKeys: readonly string[] = coveringKeys(stack, (entry) => entry.fixed);

export function isPerEnvironment(path: SettingPath): boolean {
    const key = ruleKeyOf(path);
    return perEnvironmentKeys.some((rule) => covers(rule, key));
}

export function isFixedAtCreation(path: SettingPath): boolean {
    const key = ruleKeyOf(path);
    return fixedAtCreationKeys.some((rule) => covers(rule, key));
}
