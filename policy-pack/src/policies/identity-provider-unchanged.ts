import { POLICY_NAMES } from "../catalogue";
import { fixedInputPolicy } from "./common";

/** A deployed identity provider keeps its name, type and pool (rows of the table): each change replaces it. */
export const identityProviderUnchanged = fixedInputPolicy(
    POLICY_NAMES.identityProviderUnchanged,
    "A deployed identity provider keeps its name, type and user pool: the provider replaces it for any of these changes (ForceNew), and its federated users cannot sign in meanwhile, or get new profiles under a new name. Its details, attribute mapping and identifiers change in place.",
);
