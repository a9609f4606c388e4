/*
 * The new pool's post-authentication trigger: it copies a migrated user's group memberships from the old pool.
 * The UserMigration trigger cannot, since the user does not exist in the new pool until it has answered.
 * Cognito invokes this one after every successful sign-in, "after authentication is complete, before a user
 * has received tokens", and expects no response; changes to the user are "reflected on the next sign-in", and a
 * function that fails or does not answer "can still cause authentication to fail to complete"
 * (user-pool-lambda-post-authentication.html). So a copy that fails is logged and the sign-in goes on: a user
 * is never locked out for a group.
 *
 * Only groups that exist in the new pool receive members. Groups are not part of the stack, and creating them
 * here would need iam:PassRole for each group's IAM role (CreateGroup's RoleArn); `npm run migration` lists the
 * old pool's groups the new pool lacks.
 */
import {
    AdminAddUserToGroupCommand, ListUsersCommand, paginateAdminListGroupsForUser,
    ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { budgetMs, cognito, timeLeft } from "./cognito-calls";
import { logLine, masked } from "./masked";
import { legacySubClaim, migrationSettingsFrom } from "./migration-settings";

/** The event of a PostAuthentication trigger, the fields this function reads (it answers the event unchanged). */
export interface PostAuthenticationEvent {
    readonly triggerSource: "PostAuthentication_Authentication";
    /** The new pool. */
    readonly userPoolId: string;
    /** The user's name in the new pool. */
    readonly userName: string;
    readonly request: { readonly userAttributes: Readonly<Record<string, string>> };
    readonly response: Record<string, never>;
}

/** What one copy did, as logged. */
export interface GroupCopy {
    readonly added: string[];
    /** Groups of the old pool the new pool does not have: their memberships do not move. */
    readonly missing: string[];
}

/**
 * For a user that came from the old pool (it carries custom:legacy_sub), adds it to each group of the new pool
 * named as one of its groups in the old pool. Adding a member twice changes nothing, so every sign-in until the
 * finish phase brings memberships granted in the old pool since. Never throws.
 */
export async function copyGroupMemberships(event: PostAuthenticationEvent): Promise<GroupCopy | undefined> {
    const legacySub = event.request.userAttributes[legacySubClaim];
    if (legacySub === undefined) {
        return undefined; // signed up in the new pool: nothing to copy
    }
    const deadline = Date.now() + budgetMs;
    try {
        const { oldUserPoolId } = migrationSettingsFrom(process.env);
        const { Users: [oldUser] = [] } = await cognito.send(new ListUsersCommand({
            UserPoolId: oldUserPoolId, Filter: `sub = "${legacySub.replace(/["\\]/g, "\\$&")}"`, Limit: 1,
        }), timeLeft(deadline));
        if (oldUser?.Username === undefined) {
            return { added: [], missing: [] }; // deleted from the old pool since it migrated
        }
        const groups: string[] = [];
        for await (const page of paginateAdminListGroupsForUser({ client: cognito }, { UserPoolId: oldUserPoolId, Username: oldUser.Username }, timeLeft(deadline))) {
            groups.push(...(page.Groups ?? []).map((group) => group.GroupName!));
        }
        const copy: GroupCopy = { added: [], missing: [] };
        await Promise.all(groups.map(async (group) => {
            try {
                await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: event.userPoolId, Username: event.userName, GroupName: group }), timeLeft(deadline));
                copy.added.push(group);
            } catch (error) {
                if (!(error instanceof ResourceNotFoundException)) {
                    throw error;
                }
                copy.missing.push(group);
            }
        }));
        logLine({ groupMembershipsCopied: masked(event.userName), ...copy });
        return copy;
    } catch (error) {
        logLine({ groupMembershipsNotCopied: masked(event.userName), error: (error as Error).name, message: (error as Error).message });
        return undefined;
    }
}
