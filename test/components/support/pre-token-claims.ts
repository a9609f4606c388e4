import type { LocalFunction, TriggerEvent } from "../../../sandbox/lambda-endpoint";

/*
 * Pre token generation triggers that add a `tenant` claim, the domain of the user's email, one per event
 * version, answering as the developer guide's user-pool-lambda-pre-token-generation page shows: version 1
 * (V1_0) with `claimsOverrideDetails`, applied to the ID token only; version 2 (V2_0) with
 * `claimsAndScopeOverrideDetails`, whose `accessTokenGeneration` customises the access token too.
 */

interface PreTokenEvent extends TriggerEvent {
    readonly request: { readonly userAttributes: Readonly<Record<string, string>> };
}

const tenantOf = (event: PreTokenEvent) => ({ tenant: event.request.userAttributes.email.split("@")[1] });

export const preTokenV1: LocalFunction = {
    name: "pre-token-v1",
    environment: {},
    handler: async (event: PreTokenEvent) => ({
        ...event,
        response: { claimsOverrideDetails: { claimsToAddOrOverride: tenantOf(event) } },
    }),
};

export const preTokenV2: LocalFunction = {
    name: "pre-token-v2",
    environment: {},
    handler: async (event: PreTokenEvent) => ({
        ...event,
        response: {
            claimsAndScopeOverrideDetails: {
                idTokenGeneration: { claimsToAddOrOverride: tenantOf(event) },
                accessTokenGeneration: { claimsToAddOrOverride: tenantOf(event) },
            },
        },
    }),
};
