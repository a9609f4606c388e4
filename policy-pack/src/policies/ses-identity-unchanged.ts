import type { ResourceValidationPolicy } from "@pulumi/policy";
import { POLICY_NAMES } from "../catalogue";
import { EMAIL_IDENTITY_TYPE } from "../fixed-settings/from-props";
import { isUnknown, readKnown } from "../fixed-settings/unknown";
import { fixedSettingMessage } from "../messages";
import { baselineFor, deployedAs, label, policyHeader } from "./common";

/**
 * A deployed SES identity keeps its address or domain. terraform-provider-aws marks `email_identity` ForceNew
 * (internal/service/sesv2/email_identity.go), so a change creates a new identity, which SES must verify anew,
 * and deletes the deployed one: until then a pool sending through SES has no verified identity (this project's
 * program falls back to Cognito's own sender, limited to 50 emails a day). Advisory by default: a new sender
 * is a legitimate change, but it should be a deliberate one.
 */
export const sesIdentityUnchanged: ResourceValidationPolicy = {
    ...policyHeader(
        POLICY_NAMES.sesIdentityUnchanged,
        "A deployed SES identity keeps its address or domain: a change replaces it, and the new identity sends nothing until SES has verified it.",
    ),
    validateResource: (args, report) => {
        if (args.type !== EMAIL_IDENTITY_TYPE) return;
        const baseline = baselineFor(args, POLICY_NAMES.sesIdentityUnchanged, args.urn);
        if (!baseline) return;
        const deployed = deployedAs(baseline.emailIdentities, args.urn, args.opts?.aliases);
        const identity = readKnown(() => args.props.emailIdentity as unknown);
        if (deployed === undefined || isUnknown(identity) || identity === deployed.id) return;
        report(fixedSettingMessage(label(args), {
            group: "sender",
            setting: "emailIdentity",
            deployed: deployed.id,
            proposed: identity,
            reason: "the provider would create a new SES identity (email_identity is ForceNew) and delete the deployed one; " +
                "the new one sends nothing until SES has verified it, so a pool that sends through SES loses its verified sender meanwhile",
        }));
    },
};
