import {
    CognitoIdentityProviderClient, GetCSVHeaderCommand, paginateListGroups, paginateListUsers, UserType,
} from "@aws-sdk/client-cognito-identity-provider";
import { legacySubClaim, migratedAttributes } from "../lambda/migration-settings";
import { explainAwsError } from "./errors";

/** The two pools of a migration, as the stack exports them (`migration.from` / `migration.to`). */
export interface MigrationPools {
    readonly phase: string;
    readonly fromPoolId: string;
    readonly toPoolId: string;
}

/** How far a migration has come: users in each pool, and the current pool's users not yet in the new one. */
export interface MigrationStatus {
    readonly currentPoolUsers: number;
    /** Users of the current pool signed in through an identity provider: they never migrate. */
    readonly federatedUsers: number;
    readonly newPoolUsers: number;
    /** New-pool users that came from the current pool (they carry custom:legacy_sub). */
    readonly migratedUsers: number;
    /** The current pool's users without a counterpart in the new pool (by sub and custom:legacy_sub). */
    readonly remaining: readonly UserType[];
    /**
     * Groups of the current pool the new pool lacks: a migrated user's memberships move only into groups of the
     * same name that exist in the new pool (lambda/group-memberships.ts).
     */
    readonly missingGroups: readonly string[];
}

/** Every item of every page of a pool's listing; an AWS error explained with the action and the pool. */
async function readAll<Page, Item>(pages: AsyncIterable<Page>, items: (page: Page) => Item[] | undefined,
    action: string, poolId: string, region: string): Promise<Item[]> {
    const all: Item[] = [];
    try {
        for await (const page of pages) {
            all.push(...items(page) ?? []);
        }
    } catch (error) {
        throw explainAwsError(error, { action, target: `user pool ${poolId}`, region });
    }
    return all;
}

const listAllUsers = (cognito: CognitoIdentityProviderClient, poolId: string, region: string) =>
    readAll(paginateListUsers({ client: cognito }, { UserPoolId: poolId }), (page) => page.Users, "ListUsers", poolId, region);

const listGroupNames = async (cognito: CognitoIdentityProviderClient, poolId: string, region: string) =>
    (await readAll(paginateListGroups({ client: cognito }, { UserPoolId: poolId }), (page) => page.Groups, "ListGroups", poolId, region))
        .map((group) => group.GroupName!);

const attributeOf = (user: UserType, name: string) => user.Attributes?.find((attribute) => attribute.Name === name)?.Value;

/** Reads both pools' users and groups (ListUsers, ListGroups, paged) and matches the users by the old sub. */
export async function readMigrationStatus(cognito: CognitoIdentityProviderClient, pools: MigrationPools, region: string): Promise<MigrationStatus> {
    const [current, next, currentGroups, nextGroups] = await Promise.all([
        listAllUsers(cognito, pools.fromPoolId, region),
        listAllUsers(cognito, pools.toPoolId, region),
        listGroupNames(cognito, pools.fromPoolId, region),
        listGroupNames(cognito, pools.toPoolId, region),
    ]);
    const migratedSubs = new Set(next.map((user) => attributeOf(user, legacySubClaim)));
    const local = current.filter((user) => user.UserStatus !== "EXTERNAL_PROVIDER");
    return {
        currentPoolUsers: current.length,
        federatedUsers: current.length - local.length,
        newPoolUsers: next.length,
        migratedUsers: next.filter((user) => attributeOf(user, legacySubClaim) !== undefined).length,
        remaining: local.filter((user) => !migratedSubs.has(attributeOf(user, "sub") ?? "")),
        missingGroups: currentGroups.filter((group) => !nextGroups.includes(group)),
    };
}

/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string): string {
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The users as the CSV a Cognito user import job takes: the new pool's header (GetCSVHeader), each user's
 * attributes mapped as the trigger maps them, `cognito:username` the old user name (or, for a pool that signs
 * in with email or phone only, that attribute), MFA off (TOTP secrets do not move).
 */
export async function importCsv(cognito: CognitoIdentityProviderClient, toPoolId: string, users: readonly UserType[], region: string,
    usernameAttribute: string | undefined): Promise<string> {
    let header: string[];
    try {
        header = (await cognito.send(new GetCSVHeaderCommand({ UserPoolId: toPoolId }))).CSVHeader ?? [];
    } catch (error) {
        throw explainAwsError(error, { action: "GetCSVHeader", target: `user pool ${toPoolId}`, region });
    }
    const customAttributes = header.filter((column) => column.startsWith("custom:"));
    const rows = users.map((user) => {
        const attributes: Record<string, string> = {
            ...migratedAttributes(user.Attributes ?? [], customAttributes),
            "cognito:mfa_enabled": "false",
        };
        attributes["cognito:username"] = (usernameAttribute && attributes[usernameAttribute]) || user.Username!;
        return header.map((column) => csvField(attributes[column] ?? "")).join(",");
    });
    return [header.join(","), ...rows].join("\n") + "\n";
}
