import { z } from "zod";
import type { ClientSettings } from "./app-client";
import type { DomainSettings } from "./domain";
import type { GroupSettings } from "./groups";
import type { IdentityProviderSettings } from "./identity-providers";
import type { LogSettings } from "./log-delivery";
import type { ResourceServerSettings } from "./resource-servers";
import { userPoolKeys, UserPoolSettings } from "./user-pool";

/*
 * `cognito-user-pool:successor`: a new pool that takes over from the current one, for a change of a setting
 * Cognito fixes at creation. The key holds only what differs, under the same keys as the stack's (`signIn`,
 * `attributes`, `mfa`, `userPool`, `clients`, `groups`, `resourceServers`, `logs`, `domain`); the rest of the new pool, its app
 * clients, groups, resource servers and log delivery are inherited (its domain never is) from
 * the current pool's settings and validated by the same schema (successor-settings.ts).
 */

/**
 * side-by-side: both pools, the current one primary; cutover: the new pool primary, the old one still answering
 * the migration trigger; finish: the trigger and the old pool's migration client removed, the old pool kept.
 */
export const successorPhases = ["side-by-side", "cutover", "finish"] as const;
export type SuccessorPhase = (typeof successorPhases)[number];

/**
 * The custom attribute (without its `custom:` prefix) that keeps a migrated user's `sub` from the current pool:
 * Cognito gives every user a new `sub` in the new pool. The successor declares it; it is immutable and no app
 * client may write it, so only the migration sets it.
 */
export const legacySubAttribute = "legacy_sub";

/** Keys whose keys a successor merges over the current pool's, rather than replacing the whole value. */
export const successorMergedKeys = ["userPool", "attributes"] as const;

const poolKeys = Object.fromEntries(Object.keys(userPoolKeys).map((key) => [key, z.unknown().optional()])) as
    Record<keyof typeof userPoolKeys, z.ZodOptional<z.ZodUnknown>>;

export const successorSchema = z.strictObject({
    /** The new pool's name, not the current pool's. Required. */
    name: z.string({ error: "expected the new pool's name" }),
    /** side-by-side | cutover | finish. Default: side-by-side. */
    phase: z.enum(successorPhases).default("side-by-side"),
    /**
     * The pool's keys where the new pool differs (`signIn`, `attributes`, `mfa`, …), each as the stack writes it:
     * a key given replaces the current pool's, except `userPool` and `attributes`, whose keys are merged over the
     * current pool's (a list given replaces its list); `custom:legacy_sub` is added. Default: the current pool's.
     */
    ...poolKeys,
    /** The new pool's app clients, replacing the list of the current pool's. Default: the current pool's clients. */
    clients: z.array(z.unknown(), { error: "expected a list of app clients" }).optional(),
    /** The new pool's groups, replacing the list of the current pool's. Default: the current pool's groups. */
    groups: z.array(z.unknown(), { error: "expected a list of groups" }).optional(),
    /** The new pool's resource servers, replacing the current pool's. Default: the current pool's resource servers. */
    resourceServers: z.array(z.unknown(), { error: "expected a list of resource servers" }).optional(),
    /**
     * The new pool's log delivery, as the stack's `logs` writes it, replacing the current pool's; `{}`: none. Default: the
     * current pool's, to the same destinations given; a source the stack makes a log group for gets one of the new pool's own.
     */
    logs: z.unknown().optional(),
    /**
     * The new pool's own domain, as the stack's `domain` writes it; never inherited: a prefix is unique in the
     * region and a custom domain serves one pool. Default: none.
     */
    domain: z.unknown().optional(),
});

/** The successor's keys for the pool's other resources, each replacing the current pool's whole. */
export const successorResourceKeys = ["clients", "groups", "resourceServers", "logs"] as const;

/** The successor with everything inherited resolved: settings of a whole pool and its clients. */
export interface SuccessorSettings {
    readonly phase: SuccessorPhase;
    /** The new pool: the current pool's settings with the successor's changes, legacy_sub declared. */
    readonly userPool: UserPoolSettings;
    readonly clients: readonly ClientSettings[];
    readonly groups: readonly GroupSettings[];
    readonly resourceServers: readonly ResourceServerSettings[];
    /** Always the current pool's identity providers. */
    readonly identityProviders: readonly IdentityProviderSettings[];
    readonly domain?: DomainSettings;
    /** The new pool's log delivery: the current pool's unless successor.logs gives its own. */
    readonly logs?: LogSettings;
}

/** Whether the migration trigger still runs: until the finish phase. */
export function isMigrating(phase: SuccessorPhase): boolean {
    return phase !== "finish";
}

/** What the migration trigger does not carry over to the new pool, said in the plan and the README. */
export const notMigrated = [
    "MFA enrolment (SMS, email, TOTP) and remembered devices: a user the current pool asks for a second factor is refused by the trigger rather than moved on the password alone; import such users (npm run migration) and have them enrol again",
    "sign-up of an identity a current user holds: until the finish phase the new pool refuses a user name, email or phone number any current user has (PreSignUp)",
    "federated users (signed in through an identity provider): the new pool has the same providers (identityProviders) and makes each user a new profile, with a new sub, at their first sign-in through it; register the new pool's redirect URL (and a SAML provider's audience) at each provider first",
    "memberships of groups the new pool lacks: at each sign-in until the finish phase a migrated user joins the new pool's groups named as its groups in the current pool; the new pool has the stack's groups (groups), so only a group made outside the stack must be created there first (npm run migration lists the missing ones)",
    "the user's sub: the new pool gives a new one; the old one is kept in custom:legacy_sub",
    "passwords of users who never sign in during the migration (import them with the CSV; they reset their password)",
] as const;
