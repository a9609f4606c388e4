import { POLICY_NAMES } from "../catalogue";
import { EMAIL_IDENTITY_TYPE } from "../fixed-settings/from-props";
import { regionChange, regionFromInputs } from "../fixed-settings/region";
import { DeployedResource } from "../fixed-settings/types";
import { RecordedIn, USER_POOL_CLIENT_TYPE, USER_POOL_TYPE, deployedResourcePolicy } from "./common";

/** What each type this policy guards is called in messages, and where a baseline records the deployed ones. */
const REGIONAL: Record<string, { what: string; recorded: RecordedIn<DeployedResource> }> = {
    [USER_POOL_TYPE]: { what: "user pool", recorded: b => b.userPools },
    [USER_POOL_CLIENT_TYPE]: { what: "app client", recorded: b => b.clients },
    [EMAIL_IDENTITY_TYPE]: { what: "SES identity", recorded: b => b.emailIdentities },
};

/**
 * A deployed pool, client or SES identity stays in its region. The new region is the resource's own `region`
 * input, else its provider's (args.provider: the engine sends the provider resource with its inputs; the
 * default provider's carry the stack's `aws:region`).
 */
export const regionUnchanged = deployedResourcePolicy(
    POLICY_NAMES.regionUnchanged,
    "A deployed user pool, app client or SES identity stays in the region it was created in (the resource's region input, else its provider's, e.g. the stack's aws:region): a change replaces it, and a new pool is empty.",
    Object.fromEntries(Object.entries(REGIONAL).map(([type, { recorded }]) => [type, recorded])),
    (deployed, args) => {
        const change = regionChange(REGIONAL[args.type].what, deployed.region, regionFromInputs(args.props, args.provider));
        return change ? [change] : [];
    },
);
