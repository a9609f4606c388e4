import { PolicyName } from "../catalogue";
import { FixedSettingGroup, poolChanges } from "../fixed-settings/compare";
import { poolSettingsFromProps } from "../fixed-settings/from-props";
import { USER_POOL_TYPE, deployedResourcePolicy } from "./common";

/** A pool's fixed-settings policy: the changes of one group to a deployed UserPool. */
export function poolGroupPolicy(name: PolicyName, description: string, group: FixedSettingGroup) {
    return deployedResourcePolicy(name, description, { [USER_POOL_TYPE]: (baseline) => baseline.userPools },
        (deployed, args) => poolChanges(deployed, poolSettingsFromProps(args.props)).filter((change) => change.group === group));
}
