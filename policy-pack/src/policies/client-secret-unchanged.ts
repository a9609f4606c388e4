import { POLICY_NAMES } from "../catalogue";
import { fixedInputPolicy } from "./common";

/** Each deployed client keeps generateSecret as its state holds it, and its pool: a change replaces the client and its id. */
export const clientSecretUnchanged = fixedInputPolicy(
    POLICY_NAMES.clientSecretUnchanged,
    "A deployed app client keeps whether it has a client secret (generateSecret) and its user pool: Cognito fixes both at creation, so a change replaces the client and its client id.",
);
