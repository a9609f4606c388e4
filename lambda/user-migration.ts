/*
 * The new pool's user-migration Lambda trigger. Cognito invokes it for a user the new pool does not have, when
 * the user signs in with a password (UserMigration_Authentication) or asks for a password reset
 * (UserMigration_ForgotPassword), and creates the user from the answer:
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
 * The password reaches the trigger only with USER_PASSWORD_AUTH or ADMIN_USER_PASSWORD_AUTH: SRP never sends it
 * ("activate the USER_PASSWORD_AUTH or ADMIN_USER_PASSWORD_AUTH flow ... An SRP obscures your user's password
 * from your Lambda function", cognito-user-pools-import-using-lambda.html).
 * It runs on the Lambda Node.js runtime with that runtime's AWS SDK v3; nothing else is packaged with it.
 */
import {
    AdminGetUserCommand, AdminInitiateAuthCommand, AttributeType, ListUsersCommand, UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { budgetMs, cognito, timeLeft } from "./cognito-calls";
import { copyGroupMemberships, PostAuthenticationEvent } from "./group-memberships";
import { MigrationSettings, migratedAttributes, migrationSettingsFrom } from "./migration-settings";

/** The event of a UserMigration trigger, the fields this function reads and writes. */
export interface UserMigrationEvent {
    readonly triggerSource: string;
    readonly userName: string;
    readonly request: { readonly password?: string };
    response: {
        userAttributes?: Record<string, string>;
        finalUserStatus?: "CONFIRMED" | "RESET_REQUIRED";
        messageAction?: "SUPPRESS";
    };
}

/** What the client sees for an unknown user and a wrong password alike, so that neither reveals the other. */
const signInRefused = "Incorrect username or password.";

interface OldUser {
    readonly username: string;
    readonly attributes: AttributeType[];
    readonly enabled: boolean;
    readonly status?: string;
}

/**
 * The function's entry point for both triggers of the new pool: UserMigration moves a user over, and
 * PostAuthentication copies a migrated user's group memberships (lambda/group-memberships.ts).
 */
export async function handler<Event extends UserMigrationEvent | PostAuthenticationEvent>(event: Event): Promise<Event> {
    if (event.triggerSource === "PostAuthentication_Authentication") {
        await copyGroupMemberships(event as PostAuthenticationEvent);
        return event;
    }
    return await migrateUser(event as UserMigrationEvent) as Event;
}

async function migrateUser(event: UserMigrationEvent): Promise<UserMigrationEvent> {
    const deadline = Date.now() + budgetMs;
    const settings = migrationSettingsFrom(process.env);
    const user = await findUser(event.userName, settings, deadline);
    let finalUserStatus: UserMigrationEvent["response"]["finalUserStatus"];
    switch (event.triggerSource) {
        case "UserMigration_Authentication":
            finalUserStatus = await checkPassword(user, event.request.password ?? "", settings, deadline);
            break;
        case "UserMigration_ForgotPassword":
            // Cognito sends the reset code to the verified email or phone kept below.
            if (!user.enabled || user.status !== "CONFIRMED") {
                throw new Error(signInRefused);
            }
            break;
        default:
            throw new Error(`not a user-migration trigger: ${event.triggerSource}`);
    }
    event.response.userAttributes = migratedAttributes(user.attributes, settings.customAttributes);
    event.response.messageAction = "SUPPRESS";
    if (finalUserStatus !== undefined) {
        event.response.finalUserStatus = finalUserStatus;
    }
    return event;
}

/** By user name (or an alias of the old pool), else by an attribute the new pool signs in with: verified and unique. */
async function findUser(userName: string, settings: MigrationSettings, deadline: number): Promise<OldUser> {
    try {
        const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: settings.oldUserPoolId, Username: userName }), timeLeft(deadline));
        return { username: user.Username!, attributes: user.UserAttributes ?? [], enabled: user.Enabled ?? true, status: user.UserStatus };
    } catch (error) {
        if (!(error instanceof UserNotFoundException)) {
            throw error;
        }
    }
    for (const attribute of settings.lookupAttributes) {
        const { Users: users = [] } = await cognito.send(new ListUsersCommand({
            UserPoolId: settings.oldUserPoolId,
            Filter: `${attribute} = "${userName.replace(/["\\]/g, "\\$&")}"`,
        }), timeLeft(deadline));
        const verified = users.filter((user) =>
            user.Attributes?.some(({ Name, Value }) => Name === `${attribute}_verified` && Value === "true"));
        if (verified.length === 1) {
            const [user] = verified;
            return { username: user.Username!, attributes: user.Attributes ?? [], enabled: user.Enabled ?? true, status: user.UserStatus };
        }
    }
    throw new Error(signInRefused);
}

/**
 * What AdminInitiateAuth answers for a password that does not sign the user in. AWS says NotAuthorized for a
 * wrong one; cognito-local 5.3.0 says InvalidPassword (targets/adminInitiateAuth.js).
 */
const passwordRefusals = [
    "NotAuthorizedException", "InvalidPasswordException", "UserNotFoundException", "UserNotConfirmedException",
    "PasswordResetRequiredException",
];

/**
 * Signs the user in on the old pool through the migration client. A challenge means the password was right
 * (Cognito asks for MFA or a new password only after checking it); a temporary password must be reset.
 */
async function checkPassword(user: OldUser, password: string, settings: MigrationSettings, deadline: number) {
    try {
        const answer = await cognito.send(new AdminInitiateAuthCommand({
            UserPoolId: settings.oldUserPoolId,
            ClientId: settings.migrationClientId,
            AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: user.username, PASSWORD: password },
        }), timeLeft(deadline));
        return answer.ChallengeName === "NEW_PASSWORD_REQUIRED" ? "RESET_REQUIRED" : "CONFIRMED";
    } catch (error) {
        if (passwordRefusals.includes((error as Error).name)) {
            throw new Error(signInRefused);
        }
        throw error;
    }
}
