/*
 * The new pool's user-migration Lambda trigger, and the entry point of the function for every trigger it serves.
 * Cognito invokes UserMigration for a user the new pool does not have, when the user signs in with a password
 * (UserMigration_Authentication) or asks for a password reset (UserMigration_ForgotPassword), and creates the
 * user from the answer: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
 * The password reaches the trigger only with USER_PASSWORD_AUTH or ADMIN_USER_PASSWORD_AUTH: SRP never sends it
 * ("activate the USER_PASSWORD_AUTH or ADMIN_USER_PASSWORD_AUTH flow ... An SRP obscures your user's password
 * from your Lambda function", cognito-user-pools-import-using-lambda.html).
 * A new-pool identity is bound to exactly one old user, who proved it (lambda/old-users.ts): the password, and
 * no second factor the old pool would have asked for; docs/threat-model.md has the attacks this refuses.
 * It runs on the Lambda Node.js runtime with that runtime's AWS SDK v3; nothing else is packaged with it.
 */
import { AdminInitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { invokeChained } from "./chained-triggers";
import { budgetMs, cognito, timeLeft } from "./cognito-calls";
import { copyGroupMemberships, PostAuthenticationEvent } from "./group-memberships";
import { logLine, masked } from "./masked";
import { chainedFunction, ChainedTrigger, MigrationSettings, migratedAttributes, migrationSettingsFrom } from "./migration-settings";
import { isVerified, OldUser, oldUserFor, oldUserNamed, Refusal } from "./old-users";
import { guardSignUp, PreSignUpEvent } from "./sign-up-guard";

/** The event of a UserMigration trigger, the fields this function reads and writes. */
export interface UserMigrationEvent {
    readonly triggerSource: "UserMigration_Authentication" | "UserMigration_ForgotPassword";
    readonly userName: string;
    readonly request: { readonly password?: string };
    response: {
        userAttributes?: Record<string, string>;
        finalUserStatus?: "CONFIRMED" | "RESET_REQUIRED";
        messageAction?: "SUPPRESS";
    };
}

/** What the client sees for an unknown user, a wrong password and every other refusal alike, so that none reveals another. */
const signInRefused = "Incorrect username or password.";

/**
 * The function's entry point for the new pool's triggers: UserMigration moves a user over, PreSignUp keeps
 * sign-up off the old users' identities (lambda/sign-up-guard.ts), and PostAuthentication copies a migrated
 * user's group memberships (lambda/group-memberships.ts); then the user's own function for PreSignUp or
 * PostAuthentication, when the stack's `triggers` name one, answers the event.
 */
export async function handler<Event extends UserMigrationEvent | PreSignUpEvent | PostAuthenticationEvent>(event: Event): Promise<Event> {
    const deadline = Date.now() + budgetMs;
    switch (event.triggerSource) {
        case "PostAuthentication_Authentication":
            await copyGroupMemberships(event as PostAuthenticationEvent);
            return await thenChained("PostAuthentication", event, deadline);
        case "PreSignUp_SignUp":
        case "PreSignUp_AdminCreateUser":
        case "PreSignUp_ExternalProvider":
            // The guard first: the user's function sees only sign-ups that take no old user's identity.
            await guardSignUp(event as PreSignUpEvent);
            return await thenChained("PreSignUp", event, deadline);
        case "UserMigration_Authentication":
        case "UserMigration_ForgotPassword":
            return await migrateUser(event as UserMigrationEvent) as Event;
        default:
            throw new Error(`not a trigger this function serves: ${(event as { triggerSource: string }).triggerSource}`);
    }
}

/** The event answered by the user's own function for the trigger, when the stack chains one (lambda/chained-triggers.ts). */
async function thenChained<Event extends { response: object }>(trigger: ChainedTrigger, event: Event, deadline: number): Promise<Event> {
    const functionArn = chainedFunction(trigger, process.env);
    return functionArn === undefined ? event : await invokeChained(functionArn, event, deadline);
}

async function migrateUser(event: UserMigrationEvent): Promise<UserMigrationEvent> {
    const deadline = Date.now() + budgetMs;
    const settings = migrationSettingsFrom(process.env);
    try {
        const user = await oldUserFor(event.userName, settings, deadline);
        const finalUserStatus = event.triggerSource === "UserMigration_Authentication"
            ? await checkPassword(user, event.request.password ?? "", settings, deadline)
            : await checkResettable(user, settings, deadline);
        event.response.userAttributes = migratedAttributes(user.attributes, settings.customAttributes, settings);
        // Never forceAliasCreation: an address another new-pool user holds as an alias stays theirs (AliasExistsException).
        event.response.messageAction = "SUPPRESS";
        if (finalUserStatus !== undefined) {
            event.response.finalUserStatus = finalUserStatus;
        }
        logLine({ migrated: masked(event.userName), trigger: event.triggerSource, finalUserStatus });
        return event;
    } catch (error) {
        if (error instanceof Refusal) {
            logLine({ migrationRefused: masked(event.userName), trigger: event.triggerSource, reason: error.reason });
            throw new Error(signInRefused);
        }
        throw error;
    }
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
 * Challenges after a right password that ask for no second factor the user has: a temporary password to replace
 * (NEW_PASSWORD_REQUIRED), MFA the pool requires and the user has not set up (MFA_SETUP). Every other challenge
 * (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP, SELECT_MFA_TYPE, CUSTOM_CHALLENGE, any added later: API_AdminInitiateAuth,
 * ChallengeName) asks for a factor the password is not, so the password alone does not migrate the user.
 */
const challengesWithoutSecondFactor = ["NEW_PASSWORD_REQUIRED", "MFA_SETUP"];

/**
 * Signs the user in on the old pool through the migration client (the tokens are thrown away). A plain
 * success migrates the user CONFIRMED. A challenge without a second factor migrates it RESET_REQUIRED: the user
 * must then reset the password with a code sent to its verified contact before signing in, which proves more
 * than the old pool asked. A challenge for a second factor refuses the user: migrating it CONFIRMED would let the
 * password alone in, and RESET_REQUIRED would let the contact's owner in without the factor (enrolment does not
 * move); such users move by an operator's import, or after removing MFA in the old pool.
 */
async function checkPassword(user: OldUser, password: string, settings: MigrationSettings, deadline: number) {
    let answer;
    try {
        answer = await cognito.send(new AdminInitiateAuthCommand({
            UserPoolId: settings.oldUserPoolId,
            ClientId: settings.migrationClientId,
            AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: user.username, PASSWORD: password },
        }), timeLeft(deadline));
    } catch (error) {
        if (passwordRefusals.includes((error as Error).name)) {
            throw new Refusal(`password refused (${(error as Error).name})`);
        }
        throw error;
    }
    if (answer.ChallengeName === undefined) {
        if (answer.AuthenticationResult === undefined) {
            throw new Refusal("neither tokens nor a challenge");
        }
        return "CONFIRMED" as const;
    }
    if (!challengesWithoutSecondFactor.includes(answer.ChallengeName)) {
        throw new Refusal(`challenge ${answer.ChallengeName}`);
    }
    if (!hasVerifiedContact(user)) {
        throw new Refusal(`challenge ${answer.ChallengeName} and no verified contact for the reset code`);
    }
    return "RESET_REQUIRED" as const;
}

/**
 * A password reset migrates a user whom the reset code proves: enabled, confirmed, with a verified contact for
 * the code (Cognito sends it to no other: API_ForgotPassword), and no MFA enrolled (the code would stand in for
 * both factors). Cognito then sends the code.
 */
async function checkResettable(user: OldUser, settings: MigrationSettings, deadline: number): Promise<undefined> {
    const current = await oldUserNamed(user.username, settings, deadline);
    if (current === undefined || current.username !== user.username || !current.enabled || current.status !== "CONFIRMED") {
        throw new Refusal("not an enabled, confirmed user");
    }
    if (current.mfa.length > 0) {
        throw new Refusal(`MFA enrolled (${current.mfa.join(", ")})`);
    }
    if (!hasVerifiedContact(current)) {
        throw new Refusal("no verified contact for the reset code");
    }
    return undefined;
}

const hasVerifiedContact = (user: OldUser) => isVerified(user, "email") || isVerified(user, "phone_number");
