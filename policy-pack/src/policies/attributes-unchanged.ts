import { POLICY_NAMES } from "../catalogue";
import { fixedInputPolicy } from "./common";

/** Every deployed schema element stays as it is; new optional custom attributes are allowed (the table's `schemas` row). */
export const attributesUnchanged = fixedInputPolicy(
    POLICY_NAMES.attributesUnchanged,
    "A deployed user pool keeps every schema attribute as it is (data type, required, mutable, developer-only, constraints) and gains no required one: Cognito can only add optional custom attributes (50 at most).",
);
