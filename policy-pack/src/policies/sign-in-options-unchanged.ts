import { POLICY_NAMES } from "../catalogue";
import { fixedInputPolicy } from "./common";

/** usernameAttributes, aliasAttributes and username case sensitivity stay as deployed (rows of the table). */
export const signInOptionsUnchanged = fixedInputPolicy(
    POLICY_NAMES.signInOptionsUnchanged,
    "A deployed user pool keeps its sign-in options (usernameAttributes, aliasAttributes, usernameConfiguration): Cognito fixes them at creation, so a change replaces the pool and loses every user.",
);
