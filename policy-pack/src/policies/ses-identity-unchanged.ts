import { POLICY_NAMES } from "../catalogue";
import { identityChanges } from "../fixed-settings/compare";
import { EMAIL_IDENTITY_TYPE } from "../fixed-settings/from-props";
import { readKnown } from "../fixed-settings/unknown";
import { deployedResourcePolicy } from "./common";

/**
 * A deployed SES identity keeps its address or domain: a change replaces it (see identityChanges), and until SES
 * has verified the new one a pool sending through SES has no verified identity (this project's program falls back
 * to Cognito's own sender, 50 emails a day). Advisory by default: a new sender is legitimate, if deliberate.
 */
export const sesIdentityUnchanged = deployedResourcePolicy(
    POLICY_NAMES.sesIdentityUnchanged,
    "A deployed SES identity keeps its address or domain: a change replaces it, and the new identity sends nothing until SES has verified it.",
    { [EMAIL_IDENTITY_TYPE]: (baseline) => baseline.emailIdentities },
    (deployed, args) => identityChanges(deployed.id, readKnown(() => args.props.emailIdentity as unknown)),
);
