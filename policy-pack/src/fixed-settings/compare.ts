import type { ClientSettingsFromProps, PoolSettingsFromProps } from "./from-props";
import { CompareContext, FixedSettingChange, USER_POOL_CLIENT_TYPE, USER_POOL_TYPE, fixedInputChanges, guardingPolicies } from "./table";
import { ClientFixedSettings, PoolFixedSettings } from "./types";
import { isUnknown } from "./unknown";

export type { FixedSettingChange, FixedSettingGroup } from "./table";

/**
 * The changes the table finds between a deployed record and new settings of one type, over every policy's rows
 * (a policy asks only for its own, see ../policies/common.ts). A value unknown during preview is skipped: it is
 * judged again on update, when known.
 */
export function changesOf(type: string, deployed: object, next: object, context: CompareContext): FixedSettingChange[] {
    const values = next as Record<string, unknown>;
    return guardingPolicies().flatMap(policy => fixedInputChanges(type, policy, deployed as Record<string, unknown>,
        row => ({ known: !isUnknown(values[row.key]), value: values[row.key] }), context));
}

const noPools: CompareContext = { poolId: () => undefined, clientId: () => undefined };

/** The changes to a pool's fixed settings that the provider cannot apply (the name is not fixed: it updates in place). */
export function poolChanges(deployed: PoolFixedSettings, next: PoolSettingsFromProps | PoolFixedSettings): FixedSettingChange[] {
    return changesOf(USER_POOL_TYPE, deployed, next, noPools);
}

/** The changes to a client's fixed settings: its secret, and its pool when both ids are known. */
export function clientChanges(deployed: ClientFixedSettings, next: ClientSettingsFromProps, deployedPoolId?: string): FixedSettingChange[] {
    const context: CompareContext = { poolId: () => deployedPoolId, clientId: () => undefined };
    return changesOf(USER_POOL_CLIENT_TYPE, { ...deployed, userPool: "deployed" }, { ...next, userPool: next.userPoolId }, context);
}
