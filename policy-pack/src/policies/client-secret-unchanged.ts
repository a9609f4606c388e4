import { POLICY_NAMES } from "../catalogue";
import { clientChanges } from "../fixed-settings/compare";
import { clientSettingsFromProps } from "../fixed-settings/from-props";
import { USER_POOL_CLIENT_TYPE, deployedResourcePolicy } from "./common";

/** Each deployed client keeps generateSecret (and its pool): changing either replaces the client and its id. */
export const clientSecretUnchanged = deployedResourcePolicy(
    POLICY_NAMES.clientSecretUnchanged,
    "A deployed app client keeps whether it has a client secret (generateSecret) and its user pool: Cognito fixes both at creation, so a change replaces the client and its client id.",
    { [USER_POOL_CLIENT_TYPE]: (baseline) => baseline.clients },
    (deployed, args, baseline) => clientChanges(deployed, clientSettingsFromProps(args.props), baseline.userPools[deployed.userPool]?.id),
);
