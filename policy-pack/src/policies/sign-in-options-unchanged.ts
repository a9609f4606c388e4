import type { ResourceValidationPolicy } from "@pulumi/policy";
import { POLICY_NAMES } from "../catalogue";
import { policyHeader } from "./common";
import { validatePoolGroup } from "./fixed-pool-settings";

/** usernameAttributes, aliasAttributes and username case sensitivity stay as deployed. */
export const signInOptionsUnchanged: ResourceValidationPolicy = {
    ...policyHeader(
        POLICY_NAMES.signInOptionsUnchanged,
        "A deployed user pool keeps its sign-in options (usernameAttributes, aliasAttributes, usernameConfiguration.caseSensitive): Cognito fixes them at creation, so a change replaces the pool and loses every user.",
    ),
    validateResource: validatePoolGroup(POLICY_NAMES.signInOptionsUnchanged, "sign-in"),
};
