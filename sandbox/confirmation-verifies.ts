import { AdminUpdateUserAttributesCommand, CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { FunctionRoute, LocalFunction, TriggerEvent } from "./lambda-endpoint";

/** cognito-local's trigger name for what runs after a confirmation (lib/services/triggers/postConfirmation.js). */
export const postConfirmation = "PostConfirmation";

/**
 * A gap of cognito-local 5.3.0 bridged: ConfirmSignUp confirms the user but leaves the contact the code went to
 * unverified (targets/confirmSignUp.js), where Cognito marks it verified: "when the user confirms ... Amazon Cognito
 * ... verifies the email address or phone number" (developer guide, signing-up-users-in-your-app.html; the code goes
 * by SMS when both are auto-verified). The user-migration trigger finds a user by a verified email only, so an
 * unverified one could not migrate. Bridged through cognito-local's own PostConfirmation call: the route sends
 * PostConfirmation_ConfirmSignUp here first, then to the pool's own trigger if it has one (else the event back).
 *
 * @param autoVerified each pool's auto-verified attributes, by local pool id
 */
export function verifyingConfirmations(route: FunctionRoute, cognito: CognitoIdentityProviderClient,
    autoVerified: ReadonlyMap<string, readonly string[]>): FunctionRoute {
    return (functionName, event) => {
        const wired = route(functionName, event);
        if (functionName !== postConfirmation || event.triggerSource !== "PostConfirmation_ConfirmSignUp") {
            return wired;
        }
        const verify = async (confirmed: TriggerEvent) => {
            const attributes = (confirmed.request as { userAttributes?: Record<string, string> } | undefined)?.userAttributes ?? {};
            const sentTo = ["phone_number", "email"].find((name) =>
                autoVerified.get(confirmed.userPoolId)?.includes(name) && attributes[name] !== undefined);
            if (sentTo !== undefined) {
                await cognito.send(new AdminUpdateUserAttributesCommand({
                    UserPoolId: confirmed.userPoolId, Username: confirmed.userName,
                    // cognito-local takes a verified flag only beside its attribute (services/userPoolService.js).
                    UserAttributes: [{ Name: sentTo, Value: attributes[sentTo] }, { Name: `${sentTo}_verified`, Value: "true" }],
                }));
            }
        };
        const bridged: LocalFunction = {
            name: wired?.name ?? "sandbox: contact verified at confirmation",
            environment: wired?.environment ?? {},
            handler: async (confirmed: TriggerEvent) => {
                await verify(confirmed);
                return wired ? wired.handler(confirmed) : confirmed;
            },
        };
        return bridged;
    };
}
