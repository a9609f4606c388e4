import type { ResourceValidationArgs, ReportViolation } from "@pulumi/policy";
import { PolicyName } from "../catalogue";
import { FixedSettingGroup, poolChanges } from "../fixed-settings/compare";
import { poolSettingsFromProps } from "../fixed-settings/from-props";
import { fixedSettingMessage } from "../messages";
import { USER_POOL_TYPE, baselineFor, deployedAs, label } from "./common";

/**
 * The check shared by the pool's fixed-settings policies: compare a UserPool's props with the deployed pool
 * of the same URN (or an alias) and report the changes of one group. A pool not in the baseline is new: it passes.
 */
export function validatePoolGroup(policy: PolicyName, group: FixedSettingGroup) {
    return (args: ResourceValidationArgs, report: ReportViolation): void => {
        if (args.type !== USER_POOL_TYPE) return;
        const baseline = baselineFor(args, policy, args.urn);
        if (!baseline) return;
        const deployed = deployedAs(baseline.userPools, args.urn, args.opts?.aliases);
        if (!deployed) return;
        const changes = poolChanges(deployed, poolSettingsFromProps(args.props)).filter(c => c.group === group);
        for (const c of changes) {
            report(fixedSettingMessage(label(args), c));
        }
    };
}
