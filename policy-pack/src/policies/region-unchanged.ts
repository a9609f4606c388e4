import { POLICY_NAMES } from "../catalogue";
import { fixedInputPolicy } from "./common";

/**
 * A deployed pool, client, SES identity, group, resource server, domain or identity provider stays in its region. The
 * new region is the resource's own `region` input, else its provider's (args.provider: the engine sends the provider
 * resource with its inputs; the default provider's carry the stack's `aws:region`).
 */
export const regionUnchanged = fixedInputPolicy(
    POLICY_NAMES.regionUnchanged,
    "A deployed user pool, app client, SES identity, group, resource server, domain or identity provider stays in the region it was created in (the resource's region input, else its provider's, e.g. the stack's aws:region): a change replaces it, and a new pool is empty.",
);
