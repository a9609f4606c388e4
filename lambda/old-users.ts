/*
 * Finding the old pool's user a new-pool identity belongs to. The rules, and why:
 * - AdminGetUser takes a user name, "but it can be any of their alias attributes", or the user's `sub`
 *   (API_AdminGetUser, Username): a hit is somebody's, not necessarily by that name. A user name matches only
 *   when the returned Username equals what was typed, under the new pool's case rule.
 * - A pool that signs in with email or phone (UsernameAttributes) is looked up by that attribute only (ListUsers
 *   Filter, API_ListUsers), and only among old users for whom it is verified: a user-name pool lets anyone hold
 *   anyone's address unverified, and even a user name shaped like an address. Exactly one verified holder, or none.
 * - A case-insensitive new pool after a case-sensitive old one folds names that were distinct: every old user
 *   whose name folds to the typed one is found, and more than one is no match at all.
 */
import {
    AdminGetUserCommand, AdminGetUserCommandOutput, AttributeType, paginateListUsers, UserNotFoundException, UserType,
} from "@aws-sdk/client-cognito-identity-provider";
import { cognito, timeLeft } from "./cognito-calls";
import { MigrationSettings } from "./migration-settings";

export interface OldUser {
    readonly username: string;
    readonly attributes: readonly AttributeType[];
    readonly enabled: boolean;
    readonly status?: string;
}

/** Why an identity is not migrated (or not let sign up), for the log; the user sees one message for all. */
export class Refusal extends Error {
    constructor(readonly reason: string) {
        super(reason);
    }
}

/** Cognito's case folding of user names, as far as it can be told here: lower case. */
export const folded = (name: string) => name.toLowerCase();

const attributeValue = (user: { attributes: readonly AttributeType[] }, name: string) =>
    user.attributes.find((attribute) => attribute.Name === name)?.Value;

/** Whether the old pool has verified this contact attribute (email, phone_number) of the user. */
export const isVerified = (user: OldUser, attribute: string) => attributeValue(user, `${attribute}_verified`) === "true";

const fromListed = (user: UserType): OldUser =>
    ({ username: user.Username!, attributes: user.Attributes ?? [], enabled: user.Enabled ?? true, status: user.UserStatus });

/** The old user AdminGetUser finds for a name, with its MFA settings (it may be found by an alias or its sub: compare `username`). */
export async function oldUserNamed(username: string, settings: MigrationSettings, deadline: number): Promise<(OldUser & { readonly mfa: readonly string[] }) | undefined> {
    let found: AdminGetUserCommandOutput;
    try {
        found = await cognito.send(new AdminGetUserCommand({ UserPoolId: settings.oldUserPoolId, Username: username }), timeLeft(deadline));
    } catch (error) {
        if (error instanceof UserNotFoundException) {
            return undefined;
        }
        throw error;
    }
    return {
        username: found.Username!, attributes: found.UserAttributes ?? [], enabled: found.Enabled ?? true, status: found.UserStatus,
        // MFAOptions: the legacy SMS MFA setting (API_AdminGetUser).
        mfa: [...found.UserMFASettingList ?? [], ...(found.MFAOptions ?? []).map(() => "SMS_MFA")],
    };
}

/** ListUsers with one filter, every page (API_ListUsers: `attribute = "value"` or `^=` for a prefix). */
async function listUsers(settings: MigrationSettings, attribute: string, operator: "=" | "^=", value: string, deadline: number): Promise<OldUser[]> {
    const users: OldUser[] = [];
    const filter = `${attribute} ${operator} "${value.replace(/["\\]/g, "\\$&")}"`;
    for await (const page of paginateListUsers({ client: cognito }, { UserPoolId: settings.oldUserPoolId, Filter: filter }, timeLeft(deadline))) {
        users.push(...(page.Users ?? []).map(fromListed));
    }
    return users;
}

/**
 * The old users whose Username is the typed name under the new pool's case rule. A case-insensitive new pool
 * after a case-sensitive old one gets every old user whose name folds to it: ListUsers by each case variant of
 * the name's first two characters as a prefix (the filter is case sensitive), kept when the whole name folds alike.
 */
export async function oldUsersNamed(typed: string, settings: MigrationSettings, deadline: number): Promise<OldUser[]> {
    const { oldPool, newPool } = settings;
    if (!newPool.caseSensitive && oldPool.caseSensitive) {
        const found = await Promise.all(caseVariants(typed.slice(0, 2)).map((prefix) => listUsers(settings, "username", "^=", prefix, deadline)));
        return found.flat().filter((user) => folded(user.username) === folded(typed));
    }
    const user = await oldUserNamed(typed, settings, deadline);
    const sameName = user !== undefined && (newPool.caseSensitive ? user.username === typed : folded(user.username) === folded(typed));
    return sameName ? [user] : [];
}

/** Every spelling of a short text in upper and lower case. */
function caseVariants(text: string): string[] {
    return [...text].reduce<string[]>((variants, character) =>
        variants.flatMap((variant) => [...new Set([character.toLowerCase(), character.toUpperCase()])].map((spelling) => variant + spelling)), [""]);
}

/** The old users holding this value of an attribute, verified or not. */
export function oldUsersHolding(attribute: string, value: string, settings: MigrationSettings, deadline: number): Promise<OldUser[]> {
    return listUsers(settings, attribute, "=", value, deadline);
}

/**
 * The one old user a new-pool identity belongs to: by what the new pool signs in with (its username attributes,
 * verified; else the user name). Refused when there is none, or more than one.
 */
export async function oldUserFor(typed: string, settings: MigrationSettings, deadline: number): Promise<OldUser> {
    const { usernameAttributes } = settings.newPool;
    if (usernameAttributes.length === 0) {
        const named = await oldUsersNamed(typed, settings, deadline);
        if (named.length !== 1) {
            throw new Refusal(named.length === 0 ? "no old user by that name" : "several old users' names fold to it");
        }
        return named[0];
    }
    const holders = (await Promise.all(usernameAttributes.map(async (attribute) =>
        (await oldUsersHolding(attribute, typed, settings, deadline))
            .filter((user) => attributeValue(user, attribute) === typed && isVerified(user, attribute))))).flat();
    if (holders.length !== 1) {
        throw new Refusal(holders.length === 0 ? `no old user with it verified (${usernameAttributes.join(", ")})` : "several old users with it verified");
    }
    return holders[0];
}
