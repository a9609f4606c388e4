import { POLICY_NAMES } from "../catalogue";
import { fixedInputPolicy } from "./common";

/**
 * A deployed SES identity keeps its address or domain: a change replaces it, and until SES has verified the new
 * one a pool sending through SES has no verified identity (this project's program falls back to Cognito's own
 * sender, 50 emails a day). Advisory by default: a new sender is legitimate, if deliberate.
 */
export const sesIdentityUnchanged = fixedInputPolicy(
    POLICY_NAMES.sesIdentityUnchanged,
    "A deployed SES identity keeps its address or domain: a change replaces it, and the new identity sends nothing until SES has verified it.",
);
