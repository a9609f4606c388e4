import { POLICY_NAMES } from "../catalogue";
import { fixedInputPolicy } from "./common";

/** A deployed group keeps its name and pool (rows of the table): either change replaces it, empty. */
export const groupUnchanged = fixedInputPolicy(
    POLICY_NAMES.groupUnchanged,
    "A deployed group keeps its name and user pool: the provider replaces a group for either change (ForceNew), and the new group has no members.",
);
