import { POLICY_NAMES } from "../catalogue";
import { isUnknown, readKnown } from "../fixed-settings/unknown";
import { unreadableMessage } from "../own-baseline";
import { baselineFor, deployedAs, label, reportAbout, resourcePolicy, USER_POOL_TYPE } from "./common";

/**
 * Threat protection (userPoolAddOns AUDIT or ENFORCED) needs the Plus tier: UserPoolAddOnsType, "your user pool must
 * be on the Plus tier" (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolAddOnsType.html);
 * otherwise UpdateUserPool fails with FeatureUnavailableInTierException (terraform-provider-aws PR #40734). A Lite
 * pool that ran it before feature plans keeps it (aws-cdk #36023, PR #36027): passed when the baseline records this pool
 * deployed on LITE with threat protection on.
 */
export const threatProtectionTier = resourcePolicy(
    POLICY_NAMES.threatProtectionTier,
    USER_POOL_TYPE,
    "A user pool with threat protection (userPoolAddOns AUDIT or ENFORCED) is on the Plus tier, unless it is a Lite pool that already ran threat protection (AWS keeps it for such pools): Cognito refuses the update otherwise.",
    async (args, report) => {
        const mode = readKnown(() => args.props.userPoolAddOns?.advancedSecurityMode as unknown);
        const tier = readKnown(() => args.props.userPoolTier as unknown);
        if (isUnknown(mode) || isUnknown(tier) || mode === undefined || mode === null || mode === "OFF" || tier === "PLUS") return;
        const found = await baselineFor(args, POLICY_NAMES.threatProtectionTier, args.urn);
        if ("unreadable" in found) {
            report(unreadableMessage(label(args), found.unreadable));
            return;
        }
        const deployed = found.baseline && deployedAs(found.baseline.userPools, args.urn, args.opts?.aliases);
        const effectiveTier = tier ?? deployed?.tier;
        const grandfathered = effectiveTier === "LITE" && deployed?.tier === "LITE" && (deployed.threatProtection ?? "OFF") !== "OFF";
        if (grandfathered) return;
        reportAbout(report, args.type, ["userPoolTier", "userPoolAddOns.advancedSecurityMode"],
            `${label(args)}: threat protection (userPoolAddOns.advancedSecurityMode ${JSON.stringify(mode)}) needs the Plus tier, and userPoolTier is ` +
                `${effectiveTier === undefined ? "absent (AWS's default, ESSENTIALS, for a new pool)" : JSON.stringify(effectiveTier)}.\n` +
                "  why: Cognito refuses threat protection below Plus (FeatureUnavailableInTierException), except on a Lite pool that already ran it, " +
                `${deployed === undefined ? "and no deployed pool is recorded for this resource" : `which the baseline does not show for this pool (deployed: tier ${deployed.tier ?? "not recorded"}, threat protection ${deployed.threatProtection ?? "OFF"})`}.\n` +
                "  instead: set cognito-user-pool:tier to plus, or cognito-user-pool:threatProtection.mode to off.\n" +
                "  input: `userPoolAddOns.advancedSecurityMode`",
        );
    },
);
