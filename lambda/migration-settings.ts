import { standardAttributes } from "../config/rules/limits";

/*
 * What the user-migration function knows of the two pools, handed over in its environment, and how a user's
 * attributes in the old pool become attributes in the new one. Shared by the function (packaged with it), the
 * program that sets its environment, and `npm run migration` (the import CSV).
 */

/**
 * What users sign in with on a pool, as its sign-in inputs say (CreateUserPool: UsernameAttributes,
 * AliasAttributes, UsernameConfiguration.CaseSensitive).
 */
export interface PoolSignIn {
    /** Attributes users sign in with instead of a user name (email, phone_number); empty: the user name. */
    readonly usernameAttributes: readonly string[];
    /** Attributes users may sign in with besides the user name (email, phone_number, preferred_username). */
    readonly aliasAttributes: readonly string[];
    /** Whether user names are case sensitive (a pool without UsernameConfiguration is). */
    readonly caseSensitive: boolean;
}

export interface MigrationSettings {
    /** The pool users come from. */
    readonly oldUserPoolId: string;
    /** The old pool's app client that allows ADMIN_USER_PASSWORD_AUTH, for checking a password. */
    readonly migrationClientId: string;
    readonly oldPool: PoolSignIn;
    /** The pool the function is the trigger of. */
    readonly newPool: PoolSignIn;
    /** The custom attributes of the new pool, `custom:` prefixed; the old pool's others are dropped. */
    readonly customAttributes: readonly string[];
}

const variables = {
    oldUserPoolId: "OLD_USER_POOL_ID",
    migrationClientId: "MIGRATION_CLIENT_ID",
    oldPool: "OLD_POOL_SIGN_IN",
    newPool: "NEW_POOL_SIGN_IN",
    customAttributes: "NEW_POOL_CUSTOM_ATTRIBUTES",
} as const;

/** The function's environment variables for these settings (sign-in as JSON, lists comma separated); ids may be Pulumi inputs. */
export function migrationEnvironment<Id>(settings: Omit<MigrationSettings, "oldUserPoolId" | "migrationClientId"> & {
    readonly oldUserPoolId: Id;
    readonly migrationClientId: Id;
}): Record<string, Id | string> {
    return {
        [variables.oldUserPoolId]: settings.oldUserPoolId,
        [variables.migrationClientId]: settings.migrationClientId,
        [variables.oldPool]: JSON.stringify(settings.oldPool),
        [variables.newPool]: JSON.stringify(settings.newPool),
        [variables.customAttributes]: settings.customAttributes.join(","),
    };
}

/** The settings from the function's environment; anything missing or malformed is a deployment bug. */
export function migrationSettingsFrom(environment: NodeJS.ProcessEnv): MigrationSettings {
    const required = (name: string) => {
        const value = environment[name];
        if (!value) {
            throw new Error(`the user-migration function has no ${name} in its environment`);
        }
        return value;
    };
    const signIn = (name: string): PoolSignIn => {
        const value = required(name);
        let parsed: Partial<PoolSignIn> | undefined;
        try {
            parsed = JSON.parse(value);
        } catch {
            parsed = undefined;
        }
        const isList = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === "string");
        if (!parsed || !isList(parsed.usernameAttributes) || !isList(parsed.aliasAttributes) || typeof parsed.caseSensitive !== "boolean") {
            throw new Error(`the user-migration function's ${name} is not {"usernameAttributes": [...], "aliasAttributes": [...], "caseSensitive": true|false}: ${value}`);
        }
        return parsed as PoolSignIn;
    };
    return {
        oldUserPoolId: required(variables.oldUserPoolId),
        migrationClientId: required(variables.migrationClientId),
        oldPool: signIn(variables.oldPool),
        newPool: signIn(variables.newPool),
        customAttributes: (environment[variables.customAttributes] ?? "").split(",").filter((item) => item !== ""),
    };
}

/** The trigger sources whose user function runs after the migration function's own work, by environment variable. */
export const chainedTriggerVariables = {
    PreSignUp: "CHAINED_PRE_SIGN_UP",
    PostAuthentication: "CHAINED_POST_AUTHENTICATION",
} as const;
export type ChainedTrigger = keyof typeof chainedTriggerVariables;

/** The user's function chained to this trigger, from the function's environment; none when the user has none. */
export function chainedFunction(trigger: ChainedTrigger, environment: NodeJS.ProcessEnv): string | undefined {
    const arn = environment[chainedTriggerVariables[trigger]];
    return arn === undefined || arn === "" ? undefined : arn;
}

/** The custom attribute that keeps a user's `sub` of the old pool (config/successor.ts declares it). */
export const legacySubClaim = "custom:legacy_sub";

/** Standard attributes Cognito keeps besides the OpenID ones, which a migration carries over. */
const verificationAttributes = ["email_verified", "phone_number_verified"];
const carriedStandardAttributes = new Set<string>([...standardAttributes, ...verificationAttributes]);
/** The contact attributes Cognito verifies (a code sent to them), each with its flag. */
const contactAttributes = ["email", "phone_number"] as const;

/**
 * A user's attributes for the new pool: standard attributes as they were (every pool has every standard
 * attribute), custom attributes the new pool declares, and `sub` as custom:legacy_sub (the new pool gives the
 * user a new sub). Dropped: `identities` (federated links do not move) and custom attributes the new pool lacks.
 *
 * A contact the old pool has not verified stays unverified, said explicitly (`email_verified: "false"`), so that
 * nothing downstream mistakes an address the user typed for one the user proved: Cognito sends a reset code
 * only to a verified contact (API_ForgotPassword: "If neither a verified phone number nor a verified email
 * exists", InvalidParameterException), and an old user-name pool lets anyone type anyone's address unverified.
 * Given the pools' sign-in (`signIn`, the trigger does), what the new pool signs in with must be proved: an
 * unverified email or phone number the new pool signs in with is dropped (it would make that address the user's
 * identity there), and so is a preferred_username the new pool takes as an alias where the old pool did not
 * (nothing kept it unique there).
 */
export function migratedAttributes(attributes: readonly { Name?: string; Value?: string }[], customAttributes: readonly string[],
    signIn?: { readonly oldPool: PoolSignIn; readonly newPool: PoolSignIn }): Record<string, string> {
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
    const signsInWith = (pool: PoolSignIn, attribute: string) =>
        pool.usernameAttributes.includes(attribute) || pool.aliasAttributes.includes(attribute);
    for (const contact of contactAttributes) {
        const flag = `${contact}_verified`;
        if (migrated[contact] === undefined) {
            delete migrated[flag];
        } else if (migrated[flag] !== "true") {
            migrated[flag] = "false";
            if (signIn && signsInWith(signIn.newPool, contact)) {
                delete migrated[contact];
                delete migrated[flag];
            }
        }
    }
    if (signIn && signsInWith(signIn.newPool, "preferred_username") && !signsInWith(signIn.oldPool, "preferred_username")) {
        delete migrated.preferred_username;
    }
    return migrated;
}
