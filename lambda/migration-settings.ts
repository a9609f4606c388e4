import { standardAttributes } from "../config/limits";

/*
 * What the user-migration function knows of the two pools, handed over in its environment, and how a user's
 * attributes in the old pool become attributes in the new one. Shared by the function (packaged with it), the
 * program that sets its environment, and `npm run migration` (the import CSV).
 */

export interface MigrationSettings {
    /** The pool users come from. */
    readonly oldUserPoolId: string;
    /** The old pool's app client that allows ADMIN_USER_PASSWORD_AUTH, for checking a password. */
    readonly migrationClientId: string;
    /**
     * Attributes a user may sign in with on the new pool but not on the old one (email, phone_number): a user
     * the old pool does not know by that name is looked up by them.
     */
    readonly lookupAttributes: readonly string[];
    /** The custom attributes of the new pool, `custom:` prefixed; the old pool's others are dropped. */
    readonly customAttributes: readonly string[];
}

const variables = {
    oldUserPoolId: "OLD_USER_POOL_ID",
    migrationClientId: "MIGRATION_CLIENT_ID",
    lookupAttributes: "LOOKUP_ATTRIBUTES",
    customAttributes: "NEW_POOL_CUSTOM_ATTRIBUTES",
} as const;

/** The function's environment variables for these settings (lists comma separated); ids may be Pulumi inputs. */
export function migrationEnvironment<Id>(settings: {
    readonly oldUserPoolId: Id;
    readonly migrationClientId: Id;
    readonly lookupAttributes: readonly string[];
    readonly customAttributes: readonly string[];
}): Record<string, Id | string> {
    return {
        [variables.oldUserPoolId]: settings.oldUserPoolId,
        [variables.migrationClientId]: settings.migrationClientId,
        [variables.lookupAttributes]: settings.lookupAttributes.join(","),
        [variables.customAttributes]: settings.customAttributes.join(","),
    };
}

/** The settings from the function's environment; a missing pool or client id is a deployment bug. */
export function migrationSettingsFrom(environment: NodeJS.ProcessEnv): MigrationSettings {
    const required = (name: string) => {
        const value = environment[name];
        if (!value) {
            throw new Error(`the user-migration function has no ${name} in its environment`);
        }
        return value;
    };
    const list = (name: string) => (environment[name] ?? "").split(",").filter((item) => item !== "");
    return {
        oldUserPoolId: required(variables.oldUserPoolId),
        migrationClientId: required(variables.migrationClientId),
        lookupAttributes: list(variables.lookupAttributes),
        customAttributes: list(variables.customAttributes),
    };
}

/** The custom attribute that keeps a user's `sub` of the old pool (config/successor.ts declares it). */
export const legacySubClaim = "custom:legacy_sub";

/** Standard attributes Cognito keeps besides the OpenID ones, which a migration carries over. */
const verificationAttributes = ["email_verified", "phone_number_verified"];
const carriedStandardAttributes = new Set<string>([...standardAttributes, ...verificationAttributes]);

/**
 * A user's attributes for the new pool: standard attributes and verification flags as they were (every pool
 * has every standard attribute), custom attributes the new pool declares, and `sub` as custom:legacy_sub (the
 * new pool gives the user a new sub). Dropped: `identities` (federated links do not move) and custom
 * attributes the new pool lacks.
 */
export function migratedAttributes(attributes: readonly { Name?: string; Value?: string }[], customAttributes: readonly string[]): Record<string, string> {
    const migrated: Record<string, string> = {};
    for (const { Name: name, Value: value } of attributes) {
        if (name === undefined || value === undefined) {
            continue;
        }
        if (name === "sub") {
            migrated[legacySubClaim] = value;
        } else if (carriedStandardAttributes.has(name) || (customAttributes.includes(name) && name !== legacySubClaim)) {
            migrated[name] = value;
        }
    }
    return migrated;
}
