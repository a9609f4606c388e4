import { POLICY_NAMES } from "../catalogue";
import { poolGroupPolicy } from "./fixed-pool-settings";

/** usernameAttributes, aliasAttributes and username case sensitivity stay as deployed. */
export const signInOptionsUnchanged = poolGroupPolicy(
    POLICY_NAMES.signInOptionsUnchanged,
    "A deployed user pool keeps its sign-in options (usernameAttributes, aliasAttributes, usernameConfiguration.caseSensitive): Cognito fixes them at creation, so a change replaces the pool and loses every user.",
    "sign-in",
);
