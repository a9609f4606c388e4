import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";

/*
 * The function's one Cognito client and its time budget. Cognito waits 5 seconds for a trigger; if it gets no
 * answer it retries, and after three attempts the user's request fails ("Things to know about Lambda triggers",
 * cognito-user-pools-working-with-lambda-triggers.html). So every call gets the time left of a budget below
 * that, and each attempt short connection and request timeouts, with one retry. @smithy/node-http-handler
 * (4.14, setRequestTimeout) only logs a warning when `requestTimeout` passes unless `throwOnRequestTimeout` is
 * set; set, the attempt fails with a TimeoutError, which the SDK's standard retry strategy retries as transient.
 */

/** The time one invocation may spend calling Cognito, in milliseconds. */
export const budgetMs = 4000;

export const cognito = new CognitoIdentityProviderClient({
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 500, requestTimeout: 1500, throwOnRequestTimeout: true },
});

/** The SDK's per-call options that abort the call at the deadline (a Date.now() value). */
export function timeLeft(deadline: number) {
    return { abortSignal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) as never };
}
