import { POLICY_NAMES } from "../catalogue";
import { poolGroupPolicy } from "./fixed-pool-settings";

/**
 * Every deployed attribute stays with the same data type, required, mutable, developer-only and constraints;
 * none becomes required; new optional custom attributes are allowed, up to 50.
 */
export const attributesUnchanged = poolGroupPolicy(
    POLICY_NAMES.attributesUnchanged,
    "A deployed user pool keeps every schema attribute as it is (data type, required, mutable, developer-only, constraints) and gains no required one: Cognito can only add optional custom attributes (50 at most).",
    "attributes",
);
