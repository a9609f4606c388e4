import { PolicyName } from "../catalogue";
import { FixedSettingGroup, poolChanges } from "../fixed-settings/compare";
import { poolSettingsFromProps } from "../fixed-settings/from-props";
import { USER_POOL_TYPE, validateDeployed } from "./common";

/** The check shared by the pool's fixed-settings policies: the changes of one group to a deployed UserPool. */
export function validatePoolGroup(policy: PolicyName, group: FixedSettingGroup) {
    return validateDeployed(policy, { [USER_POOL_TYPE]: (baseline) => baseline.userPools },
        (deployed, args) => poolChanges(deployed, poolSettingsFromProps(args.props)).filter((change) => change.group === group));
}
