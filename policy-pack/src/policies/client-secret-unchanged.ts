import type { ResourceValidationPolicy } from "@pulumi/policy";
import { POLICY_NAMES } from "../catalogue";
import { clientChanges } from "../fixed-settings/compare";
import { clientSettingsFromProps } from "../fixed-settings/from-props";
import { fixedSettingMessage } from "../messages";
import { USER_POOL_CLIENT_TYPE, baselineFor, deployedAs, label, policyHeader } from "./common";

/** Each deployed client keeps generateSecret (and its pool): changing either replaces the client and its id. */
export const clientSecretUnchanged: ResourceValidationPolicy = {
    ...policyHeader(
        POLICY_NAMES.clientSecretUnchanged,
        "A deployed app client keeps whether it has a client secret (generateSecret) and its user pool: Cognito fixes both at creation, so a change replaces the client and its client id.",
    ),
    validateResource: (args, report) => {
        if (args.type !== USER_POOL_CLIENT_TYPE) return;
        const baseline = baselineFor(args, POLICY_NAMES.clientSecretUnchanged, args.urn);
        if (!baseline) return;
        const deployed = deployedAs(baseline.clients, args.urn, args.opts?.aliases);
        if (deployed === undefined) return; // a new client: allowed
        const poolId = baseline.userPools[deployed.userPool]?.id;
        for (const c of clientChanges(deployed, clientSettingsFromProps(args.props), poolId)) {
            report(fixedSettingMessage(label(args), c));
        }
    },
};
