import type { z } from "zod";
import type { ClientSettings } from "./catalogue/app-client";
import { validateSettings } from "./schema";
import { userPoolKeys } from "./catalogue/user-pool";
import { logTierMessage, noLogSourcesMessage } from "./catalogue/log-delivery";
import { threatTierMessage } from "./catalogue/threat-protection";
import { classicDomainMessage } from "./rules/managed-login";
import { missingDomainMessage } from "./rules/oauth-domain";
import { isMigrating, legacySubAttribute, successorResourceKeys, successorMergedKeys, SuccessorSettings } from "./catalogue/successor";

type Issue = z.core.$ZodIssue;
type RawMap = Record<string, unknown>;

const isMap = (value: unknown): value is RawMap => value !== null && typeof value === "object" && !Array.isArray(value);

/** The declaration of custom:legacy_sub: a string set once, by the migration. */
const legacySubDeclaration = { name: legacySubAttribute, type: "string", mutable: false };

/** What resolving `successor` gave: its settings, or the problems (as zod issues, keyed under `successor`). */
export type SuccessorResolution =
    | { readonly settings: SuccessorSettings; readonly issues: readonly [] }
    | { readonly settings?: undefined; readonly issues: readonly Issue[] };

/**
 * Resolves `successor` against the stack's raw settings: the new pool is the current pool's raw settings with
 * the successor's changes, validated by the same schema as the current pool, so every rule applies to it too.
 * Problems are keyed under `successor`; a problem of an inherited value that the current pool already has
 * (`alreadyReported`) is not repeated.
 */
export function resolveSuccessor(raw: RawMap, currentPoolName: string | undefined, alreadyReported: readonly Issue[]): SuccessorResolution {
    const successor = raw.successor;
    if (!isMap(successor) || typeof successor.name !== "string") {
        return { issues: [] }; // the shape is the stack schema's to report
    }
    const inherited = (key: string): unknown => successorMergedKeys.includes(key as never) && isMap(raw[key]) && isMap(successor[key])
        ? { ...raw[key], ...successor[key] }
        : successor[key] ?? raw[key];
    const attributes = inherited("attributes");
    const custom = isMap(attributes) ? attributes.custom ?? [] : [];
    const declaredAt = Array.isArray(custom) ? custom.findIndex((attribute) => isMap(attribute) && attribute.name === legacySubAttribute) : -1;
    const userPool = inherited("userPool");
    const candidate = {
        ...Object.fromEntries(poolKeys.map((key) => [key, inherited(key)])),
        userPool: isMap(userPool) || userPool === undefined ? { ...userPool, name: successor.name } : userPool,
        attributes: isMap(attributes) || attributes === undefined
            ? { ...attributes, custom: Array.isArray(custom) && declaredAt < 0 ? [...custom, legacySubDeclaration] : custom }
            : attributes,
        ...Object.fromEntries(successorResourceKeys.map((key) => [key, key === "logs" && isNoLogs(successor.logs) ? undefined : successor[key] ?? raw[key]])),
        // Always the current pool's: the same provider apps at Google, Apple, … serve both pools (each pool its own redirect URL).
        identityProviders: raw.identityProviders,
        domain: successor.domain,
    };
    const result = validateSettings(candidate);
    const reported = new Set(alreadyReported.map((issue) => issue.path.join(".")));
    const issues = [
        ...nameIssues(successor),
        ...(declaredAt < 0 ? [] : [issueAt(
            [...(isMap(successor.attributes) && successor.attributes.custom !== undefined ? ["successor", "attributes"] : ["attributes"]), "custom", declaredAt, "name"],
            legacySubAttribute,
            `the successor declares custom:${legacySubAttribute} itself (a migrated user's sub in the current pool): use another name`)]),
        ...(result.error?.issues ?? [])
            .filter((issue) => isChanged(issue.path, successor) || !reported.has(issue.path.join(".")) || missingDomainOf(issue) !== undefined ||
                classicDomainOf(issue) !== undefined)
            .map((issue) => tierOfSuccessor({ ...issue, path: successorPath(issue.path), ...domainKeyOfSuccessor(issue), ...noLogSourcesOfSuccessor(issue) },
                successor)),
    ];
    if (successor.name === currentPoolName) {
        issues.push(issueAt(["successor", "name"], successor.name, `expected a name other than the current pool's (${currentPoolName})`));
    }
    if (result.success) {
        issues.push(...legacySubWriters(result.data.clients, successor), ...userMigrationWhileMigrating(result.data.triggers, successor),
            ...liteThreatProtection(result.data, successor));
    }
    if (issues.length > 0 || !result.success) {
        return { issues };
    }
    const { protect: _protect, import: _import, successor: _successor, clients, groups, resourceServers, identityProviders, domain, logs, ...pool } = result.data;
    return {
        settings: {
            phase: successorPhaseOf(successor),
            userPool: { ...pool, userPool: { ...pool.userPool, name: successor.name } },
            clients, groups, resourceServers, identityProviders,
            ...(domain === undefined ? {} : { domain }),
            ...(logs === undefined ? {} : { logs }),
        },
        issues: [],
    };
}

function successorPhaseOf(successor: RawMap): SuccessorSettings["phase"] {
    return (successor.phase ?? "side-by-side") as SuccessorSettings["phase"];
}

/** The client a missing-domain problem is about (config/rules/oauth-domain.ts). */
const missingDomainOf = (issue: Issue): string | undefined =>
    issue.code === "custom" ? (issue.params as { missingDomainOf?: string } | undefined)?.missingDomainOf : undefined;

/** The managed login version of the domain a branding problem is about (config/rules/managed-login.ts): null for none. */
const classicDomainOf = (issue: Issue): number | null | undefined =>
    issue.code === "custom" ? (issue.params as { classicDomain?: number | null } | undefined)?.classicDomain : undefined;

/** A missing-domain or classic-domain problem of the new pool names the successor's own key: its domain is never inherited. */
function domainKeyOfSuccessor(issue: Issue): { message?: string } {
    const client = missingDomainOf(issue);
    const version = classicDomainOf(issue);
    return client !== undefined ? { message: missingDomainMessage(client, "successor.domain") }
        : version !== undefined ? { message: classicDomainMessage("successor.domain", version === null ? undefined : { managedLoginVersion: version }) }
        : {};
}

/**
 * `successor.logs: {}`: the new pool delivers no logs. The stack says so by leaving `logs` out, which for a successor
 * means the current pool's logs, so only here does an empty map mean none (config/catalogue/log-delivery.ts refuses it).
 */
const isNoLogs = (logs: unknown): boolean => isMap(logs) && Object.keys(logs).length === 0;

/** Logs without an event source (the logs section's check), given by the successor: `{}` is its way to deliver none. */
function noLogSourcesOfSuccessor(issue: Issue): { message?: string } {
    const noSources = issue.code === "custom" && (issue.params as { noLogSources?: boolean } | undefined)?.noLogSources === true;
    return noSources ? { message: noLogSourcesMessage("give successor.logs: {}") } : {};
}

/**
 * The settings whose problems checkLogTier and checkThreatProtection mark with the tier they need more than (params):
 * the key the new pool inherits them under, and how the successor does without them, given its own or inherited.
 */
const tierProblems = {
    logTier: {
        key: "logs", message: logTierMessage,
        own: "remove successor.logs.userAuthEvents",
        inherited: "give successor.logs without userAuthEvents (the new pool inherits logs)",
    },
    threatTier: {
        key: "threatProtection", message: threatTierMessage,
        own: "successor.threatProtection.mode: off",
        inherited: "give successor.threatProtection with mode: off (the new pool inherits threatProtection)",
    },
} as const;
type TierProblem = keyof typeof tierProblems;

/**
 * A tier problem of the new pool names the successor's keys. An inherited setting reaches it only when the successor
 * has a tier of its own (else the current pool has the same problem, reported once) or is a new Lite pool
 * (liteThreatProtection): reported at successor.tier.
 */
function tierOfSuccessor(issue: Issue, successor: RawMap): Issue {
    const params = issue.code === "custom" ? issue.params as Partial<Record<TierProblem, string>> | undefined : undefined;
    const kind = (Object.keys(tierProblems) as TierProblem[]).find((name) => params?.[name] !== undefined);
    if (kind === undefined) {
        return issue;
    }
    const tier = params![kind]!;
    const { key, message, own, inherited } = tierProblems[kind];
    return successor[key] !== undefined
        ? { ...issue, message: message(tier, "successor.tier", own) }
        : issueAt(["successor", "tier"], tier, message(tier, "successor.tier", inherited));
}

/**
 * Threat protection on a Lite pool: the stack leaves the current pool's to the pack, since a Lite pool created before
 * feature plans keeps it (checkThreatProtection; aws-cdk #36023). The new pool is created now, so it cannot be such a
 * pool: UserPoolAddOnsType, "your user pool must be on the Plus tier"
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolAddOnsType.html).
 */
function liteThreatProtection(pool: { tier: string; threatProtection?: { mode: string } }, successor: RawMap): Issue[] {
    const mode = pool.threatProtection?.mode ?? "off";
    return pool.tier === "lite" && mode !== "off"
        ? [tierOfSuccessor({ code: "custom", path: ["successor", "threatProtection", "mode"], input: mode, message: "", params: { threatTier: pool.tier } }, successor)]
        : [];
}

function issueAt(path: PropertyKey[], input: unknown, message: string): Issue {
    return { code: "custom", path, input, message };
}

/** The pool's keys, which a successor may give where the new pool differs. */
const poolKeys = Object.keys(userPoolKeys);

function nameIssues(successor: RawMap): Issue[] {
    return isMap(successor.userPool) && "name" in successor.userPool
        ? [issueAt(["successor", "userPool", "name"], successor.userPool.name, "set successor.name instead")]
        : [];
}

/** A key the successor sets itself, rather than inherits from the current pool; the new pool's name is its own. */
function isChanged(path: readonly PropertyKey[], successor: RawMap): boolean {
    const [top, key] = path;
    if (top === "userPool" && key === "name") {
        return true;
    }
    if (successorMergedKeys.includes(top as never)) {
        return isMap(successor[top as string]) && String(key) in (successor[top as string] as RawMap);
    }
    return successor[String(top)] !== undefined;
}

/** signIn.with → successor.signIn.with, userPool.name → successor.name, clients → successor.clients (groups, resourceServers alike). */
function successorPath(path: readonly PropertyKey[]): PropertyKey[] {
    const [top, key] = path;
    if (top === "userPool" && key === "name") {
        return ["successor", "name"];
    }
    return ["successor", ...path];
}

/** Where the schema of a key under successor is: successor.signIn → signIn, successor.clients → clients (groups, resourceServers, domain alike). */
export function schemaPathOf(path: readonly PropertyKey[]): PropertyKey[] {
    const [top, key, ...rest] = path;
    return top === "successor" && (poolKeys.includes(String(key)) || successorResourceKeys.includes(key as never) || key === "domain") ? [key, ...rest] : [...path];
}

/** custom:legacy_sub is set by the migration only: no app client of the new pool may write it. */
function legacySubWriters(clients: readonly ClientSettings[], successor: RawMap): Issue[] {
    return clients.flatMap((client, index) => {
        if (!Array.isArray(client.writeAttributes) || !client.writeAttributes.includes(`custom:${legacySubAttribute}`)) {
            return [];
        }
        const path = successor.clients !== undefined ? ["successor", "clients", index, "writeAttributes"] : ["clients", index, "writeAttributes"];
        return [issueAt(path, client.writeAttributes,
            `only the migration sets custom:${legacySubAttribute}: remove it from writeAttributes`)];
    });
}

/**
 * The new pool's UserMigration trigger is the stack's migration function until the finish phase, and Cognito takes
 * one function per trigger (LambdaConfigType): a user's own would have to decide who an unknown user is beside the
 * old pool, which the migration's one-identity-one-old-user rule (lambda/old-users.ts) cannot vouch for. Refused.
 */
function userMigrationWhileMigrating(triggers: { userMigration?: string } | undefined, successor: RawMap): Issue[] {
    if (triggers?.userMigration === undefined || !isMigrating(successorPhaseOf(successor))) {
        return [];
    }
    const own = isMap(successor.triggers);
    return [issueAt([...(own ? ["successor"] : []), "triggers", "userMigration"], triggers.userMigration,
        `until successor.phase is finish the new pool's user migration trigger is the stack's migration function: ` +
        (own ? "remove userMigration from successor.triggers" : "the successor inherits triggers; give it successor.triggers without userMigration") +
        ` (the current pool keeps its own)`)];
}
