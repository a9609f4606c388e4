/*
 * The new pool's pre sign-up trigger, until the finish phase: sign-up cannot take an identity an old user holds,
 * or its owner would find it taken when signing in (the new pool has the name, so the migration never runs).
 * Cognito invokes it on SignUp (PreSignUp_SignUp), AdminCreateUser (PreSignUp_AdminCreateUser) and a federated
 * user's first sign-in (PreSignUp_ExternalProvider); an error thrown denies the sign-up, and the app gets
 * UserLambdaValidationException with the message (user-pool-lambda-pre-sign-up.html).
 *
 * Refused: the user name of an old user (under the new pool's case rule), and an email, phone number or
 * preferred_username the new pool signs in with that any old user holds, verified or not. An unverified holder
 * is often the address's owner who never confirmed it; letting the first comer register the address would hand
 * it over before that is sorted out, so the owner of a refused address signs in with the old account (or an
 * operator resolves it). Federated users pass: their user names are the provider's (`Provider_id`), and their
 * attributes are not a sign-in identity of the pool.
 */
import { budgetMs } from "./cognito-calls";
import { logLine, masked } from "./masked";
import { migrationSettingsFrom } from "./migration-settings";
import { oldUsersHolding, oldUsersNamed } from "./old-users";

/** The event of a PreSignUp trigger, the fields this function reads (it answers the event unchanged). */
export interface PreSignUpEvent {
    readonly triggerSource: "PreSignUp_SignUp" | "PreSignUp_AdminCreateUser" | "PreSignUp_ExternalProvider";
    readonly userPoolId: string;
    /** The user name signed up with; a generated id where the pool signs in with email or phone. */
    readonly userName: string;
    readonly request: { readonly userAttributes: Readonly<Record<string, string>> };
    readonly response: Record<string, unknown>;
}

/** What the app shows a refused sign-up: the identity exists, and how its owner gets in. */
export const signUpRefused = "An account with this user name, email or phone number already exists: sign in with it, or reset its password.";

/** Refuses (throws) a sign-up that would take an old user's identity. */
export async function guardSignUp(event: PreSignUpEvent): Promise<void> {
    if (event.triggerSource === "PreSignUp_ExternalProvider") {
        return;
    }
    const deadline = Date.now() + budgetMs;
    const settings = migrationSettingsFrom(process.env);
    const { usernameAttributes, aliasAttributes } = settings.newPool;
    const checks = [
        ...(usernameAttributes.length === 0
            ? [{ identity: "user name", held: oldUsersNamed(event.userName, settings, deadline) }]
            : []),
        ...[...usernameAttributes, ...aliasAttributes]
            .filter((attribute) => event.request.userAttributes[attribute] !== undefined)
            .map((attribute) => ({ identity: attribute, held: oldUsersHolding(attribute, event.request.userAttributes[attribute], settings, deadline) })),
    ];
    const taken = (await Promise.all(checks.map(async ({ identity, held }) => (await held).length > 0 ? [identity] : []))).flat();
    if (taken.length > 0) {
        logLine({ signUpRefused: masked(event.userName), trigger: event.triggerSource, heldByAnOldUser: taken });
        throw new Error(signUpRefused);
    }
}
