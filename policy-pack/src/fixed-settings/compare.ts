import { ClientSettingsFromProps, PoolSettingsFromProps } from "./from-props";
import { defaultAttribute, isCustomAttributeName } from "./normalize";
import { MAX_CUSTOM_ATTRIBUTES } from "./standard-attributes";
import { ClientFixedSettings, FixedAttribute, PoolFixedSettings } from "./types";
import { MaybeUnknown, isUnknown } from "./unknown";

/** Which group of fixed settings a change belongs to (one policy each). */
export type FixedSettingGroup = "sign-in" | "attributes" | "client" | "region" | "sender";

/** A difference between what is deployed and what the program now asks for, that Cognito cannot apply. */
export interface FixedSettingChange {
    group: FixedSettingGroup;
    /**
     * The provider input path of the setting (README "Provider input paths"): `usernameConfiguration.caseSensitive`,
     * `schemas[name=tenant_id].mutable`, `generateSecret`, `region`.
     */
    setting: string;
    /** Deployed value; undefined when the item did not exist. */
    deployed: unknown;
    /** New value; undefined when the item is gone. */
    proposed: unknown;
    /** Why Cognito cannot apply it, and what the provider would do instead. */
    reason: string;
}

const REPLACES_POOL = "the provider would replace the pool: a new, empty pool (every user and password lost) with a new id";
const FAILS_HALF_WAY = 'the update would fail half-way with "cannot modify or remove schema items"';
const SCHEMA_FAILS = `Cognito cannot modify or remove an existing schema attribute: ${FAILS_HALF_WAY}`;

function sameList(a: string[], b: string[]): boolean {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The changes to a pool's fixed settings that Cognito cannot apply. A usernameConfiguration block that appears
 * or vanishes counts: `case_sensitive` is ForceNew in terraform-provider-aws user_pool.go, and terraform-plugin-sdk
 * v2 `finalizeDiff` sets RequiresNew when Old != New, "" (no block) included. Settings unknown during preview are
 * skipped (they are judged again on update, when known). The name is not among them: UpdateUserPool takes
 * PoolName, and terraform-provider-aws updates `name` in place since 6.6.0 (CHANGELOG, PR #42639).
 */
export function poolChanges(deployed: PoolFixedSettings, next: PoolSettingsFromProps | PoolFixedSettings): FixedSettingChange[] {
    const changes: FixedSettingChange[] = [];
    for (const key of ["usernameAttributes", "aliasAttributes"] as const) {
        const v = next[key];
        if (!isUnknown(v) && !sameList(v, deployed[key])) {
            changes.push({
                group: "sign-in",
                setting: key,
                deployed: deployed[key],
                proposed: v,
                reason: `Cognito fixes a pool's sign-in options at creation: ${REPLACES_POOL}`,
            });
        }
    }
    if (!isUnknown(next.caseSensitive) && next.caseSensitive !== deployed.caseSensitive) {
        changes.push({
            group: "sign-in",
            setting: "usernameConfiguration.caseSensitive",
            deployed: deployed.caseSensitive,
            proposed: next.caseSensitive,
            reason: deployed.caseSensitive === undefined || next.caseSensitive === undefined
                ? `adding usernameConfiguration to a pool created without it, or removing it, changes case_sensitive, which ` +
                  `the provider cannot update: ${REPLACES_POOL}`
                : `Cognito fixes username case sensitivity at creation: ${REPLACES_POOL}`,
        });
    }
    if (!isUnknown(next.attributes)) {
        changes.push(...attributeChanges(deployed.attributes, next.attributes));
    }
    return changes;
}

/** The input path of a schema element, by the name the provider takes (`tenant_id` for `custom:tenant_id`). */
export function schemaElementPath(name: string): string {
    return `schemas[name=${isCustomAttributeName(name) ? name.slice("custom:".length) : name}]`;
}

/** The attribute changes Cognito cannot apply: anything but adding optional custom attributes (50 at most). */
export function attributeChanges(deployed: FixedAttribute[], next: FixedAttribute[]): FixedSettingChange[] {
    const changes: FixedSettingChange[] = [];
    const before = new Map(deployed.map(a => [a.name, a]));
    const after = new Map(next.map(a => [a.name, a]));
    const names = [...new Set([...before.keys(), ...after.keys()])].sort();
    for (const name of names) {
        const d = before.get(name) ?? defaultAttribute(name);
        const n = after.get(name) ?? defaultAttribute(name);
        const label = schemaElementPath(name);
        if (!d && n) {
            // A new custom attribute: allowed (AddCustomAttributes), unless it is required.
            if (n.required) {
                changes.push({
                    group: "attributes",
                    setting: `${label}.required`,
                    deployed: undefined,
                    proposed: true,
                    reason: "a custom attribute can never be required: Cognito only fixes required attributes at creation, and only standard ones",
                });
            }
            continue;
        }
        if (d && !n) {
            changes.push({
                group: "attributes",
                setting: label,
                deployed: d,
                proposed: undefined,
                reason: `Cognito cannot delete a custom attribute: ${FAILS_HALF_WAY}`,
            });
            continue;
        }
        if (!d || !n) continue;
        const fields: [string, unknown, unknown][] = [
            ["attributeDataType", d.dataType, n.dataType],
            ["required", d.required, n.required],
            ["mutable", d.mutable, n.mutable],
            ["developerOnlyAttribute", d.developerOnly, n.developerOnly],
            ["stringAttributeConstraints.minLength", d.constraints.minLength, n.constraints.minLength],
            ["stringAttributeConstraints.maxLength", d.constraints.maxLength, n.constraints.maxLength],
            ["numberAttributeConstraints.minValue", d.constraints.minValue, n.constraints.minValue],
            ["numberAttributeConstraints.maxValue", d.constraints.maxValue, n.constraints.maxValue],
        ];
        for (const [field, dv, nv] of fields) {
            if (dv === nv) continue;
            const reason =
                field === "required" && nv === true
                    ? `Cognito fixes required attributes at creation, none can become required later: ${FAILS_HALF_WAY}`
                    : SCHEMA_FAILS;
            changes.push({ group: "attributes", setting: `${label}.${field}`, deployed: dv, proposed: nv, reason });
        }
    }
    const customCount = next.filter(a => isCustomAttributeName(a.name)).length;
    if (customCount > MAX_CUSTOM_ATTRIBUTES) {
        changes.push({
            group: "attributes",
            setting: "schemas",
            deployed: deployed.filter(a => isCustomAttributeName(a.name)).length,
            proposed: customCount,
            reason: `Cognito allows at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes per pool, and none can be deleted`,
        });
    }
    return changes;
}

/**
 * The changes to a client's fixed settings: its secret (generateSecret), and the pool it belongs to when both
 * the new userPoolId and the deployed pool's id are known.
 */
export function clientChanges(
    deployed: ClientFixedSettings,
    next: ClientSettingsFromProps,
    deployedPoolId?: string,
): FixedSettingChange[] {
    const changes: FixedSettingChange[] = [];
    if (!isUnknown(next.generateSecret) && next.generateSecret !== deployed.generateSecret) {
        changes.push({
            group: "client",
            setting: "generateSecret",
            deployed: deployed.generateSecret,
            proposed: next.generateSecret,
            reason:
                "Cognito fixes whether an app client has a secret at creation: the provider would replace the client, so its client id changes and every app configured with it stops signing in",
        });
    }
    const poolId = next.userPoolId;
    if (!isUnknown(poolId) && poolId !== undefined && deployedPoolId !== undefined && poolId !== deployedPoolId) {
        changes.push({
            group: "client",
            setting: "userPoolId",
            deployed: deployedPoolId,
            proposed: poolId,
            reason: "an app client cannot move to another pool: the provider would replace the client with a new client id",
        });
    }
    return changes;
}

/**
 * A deployed SES identity given another address or domain: `email_identity` is ForceNew in terraform-provider-aws
 * (internal/service/sesv2/email_identity.go), and the new identity sends nothing until SES has verified it.
 */
export function identityChanges(deployedIdentity: string, next: MaybeUnknown<unknown>): FixedSettingChange[] {
    if (isUnknown(next) || next === deployedIdentity) return [];
    return [{
        group: "sender",
        setting: "emailIdentity",
        deployed: deployedIdentity,
        proposed: next,
        reason: "the provider would create a new SES identity (email_identity is ForceNew) and delete the deployed one; " +
            "the new one sends nothing until SES has verified it, so a pool that sends through SES loses its verified sender meanwhile",
    }];
}
