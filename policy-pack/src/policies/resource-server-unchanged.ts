import { POLICY_NAMES } from "../catalogue";
import { fixedInputPolicy } from "./common";

/** A deployed resource server keeps its identifier and pool (rows of the table): either change replaces it. */
export const resourceServerUnchanged = fixedInputPolicy(
    POLICY_NAMES.resourceServerUnchanged,
    "A deployed resource server keeps its identifier and user pool: the provider replaces it for either change (ForceNew), and every `<identifier>/<scope>` clients and APIs use goes with it.",
);
