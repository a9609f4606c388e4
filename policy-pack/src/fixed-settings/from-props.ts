import {
    FixedSettingsReadError,
    RawAttribute,
    describe,
    finishAttributes,
    normalizeAttribute,
    normalizeBoolean,
    normalizeNameList,
    requireBoolean,
} from "./normalize";
import { ClientFixedSettings, FixedAttribute, PoolFixedSettings } from "./types";
import { MaybeUnknown, isUnknown, readKnown } from "./unknown";

/** Pulumi resource types this module reads. */
export const USER_POOL_TYPE = "aws:cognito/userPool:UserPool";
export const USER_POOL_CLIENT_TYPE = "aws:cognito/userPoolClient:UserPoolClient";
export const EMAIL_IDENTITY_TYPE = "aws:sesv2/emailIdentity:EmailIdentity";

type Props = Record<string, any>;

/**
 * A pool's fixed settings as a policy sees them in resource inputs: each one may be UNKNOWN during preview.
 * `name` is undefined when the program leaves it to Pulumi's auto-naming (which keeps a deployed name).
 */
export interface PoolSettingsFromProps {
    name: MaybeUnknown<string | undefined>;
    usernameAttributes: MaybeUnknown<string[]>;
    aliasAttributes: MaybeUnknown<string[]>;
    /** Undefined when the pool has no `usernameConfiguration` block. */
    caseSensitive: MaybeUnknown<boolean | undefined>;
    attributes: MaybeUnknown<FixedAttribute[]>;
}

/** A client's fixed settings as a policy sees them; `userPoolId` is the pool's physical id. */
export interface ClientSettingsFromProps {
    name: MaybeUnknown<string | undefined>;
    generateSecret: MaybeUnknown<boolean>;
    userPoolId: MaybeUnknown<string | undefined>;
}

function optionalString(v: unknown, where: string): string | undefined {
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "string") throw new FixedSettingsReadError(`${where}: expected a string, got ${describe(v)}`);
    return v;
}

/** Attributes from the provider's `schemas` input (names without `custom:`, constraints as strings). */
export function attributesFromSchemas(schemas: unknown, where = "schemas"): FixedAttribute[] {
    if (schemas === undefined || schemas === null) {
        return [];
    }
    if (!Array.isArray(schemas)) {
        throw new FixedSettingsReadError(`${where}: expected a list, got ${describe(schemas)}`);
    }
    const list = schemas.map((s: Props, i: number) => {
        const at = `${where}[${i}]`;
        if (s === null || typeof s !== "object") {
            throw new FixedSettingsReadError(`${at}: expected an object, got ${describe(s)}`);
        }
        const sc: Props = s.stringAttributeConstraints ?? {};
        const nc: Props = s.numberAttributeConstraints ?? {};
        const raw: RawAttribute = {
            name: s.name,
            dataType: s.attributeDataType,
            required: s.required,
            mutable: s.mutable,
            developerOnly: s.developerOnlyAttribute,
            minLength: sc.minLength,
            maxLength: sc.maxLength,
            minValue: nc.minValue,
            maxValue: nc.maxValue,
        };
        return normalizeAttribute(raw, at);
    });
    return finishAttributes(list, where);
}

/**
 * Reads a UserPool's fixed settings from its inputs (policy `args.props`, or state `inputs`/`outputs`).
 * An absent `usernameConfiguration` stays absent (caseSensitive undefined): the provider sends none then, and
 * replaces the pool when the block is added later (policy-pack/README.md, "Values the program leaves out").
 */
export function poolSettingsFromProps(props: Props): PoolSettingsFromProps {
    return {
        name: readKnown(() => optionalString(props.name, "name")),
        usernameAttributes: readKnown(() => normalizeNameList(props.usernameAttributes, "usernameAttributes")),
        aliasAttributes: readKnown(() => normalizeNameList(props.aliasAttributes, "aliasAttributes")),
        caseSensitive: readKnown(() => {
            const uc = props.usernameConfiguration;
            return uc === undefined || uc === null ? undefined : requireBoolean(uc.caseSensitive, "usernameConfiguration.caseSensitive");
        }),
        attributes: readKnown(() => attributesFromSchemas(props.schemas)),
    };
}

/** Reads a UserPoolClient's fixed settings from its inputs. Absent `generateSecret` is false (no secret). */
export function clientSettingsFromProps(props: Props): ClientSettingsFromProps {
    return {
        name: readKnown(() => optionalString(props.name, "name")),
        generateSecret: readKnown(() => normalizeBoolean(props.generateSecret, false, "generateSecret")),
        userPoolId: readKnown(() => optionalString(props.userPoolId, "userPoolId")),
    };
}

function unknownFields(read: object): string[] {
    return Object.entries(read)
        .filter(([, v]) => isUnknown(v))
        .map(([k]) => k);
}

/** The same settings with every value known, or an error naming the unknown ones. */
export function requireKnownPool(read: PoolSettingsFromProps, where: string): PoolFixedSettings {
    const unknown = unknownFields(read);
    if (unknown.length > 0) {
        throw new FixedSettingsReadError(`${where}: ${unknown.join(", ")} not known`);
    }
    if (read.name === undefined) {
        throw new FixedSettingsReadError(`${where}.name: the pool has no name`);
    }
    const { caseSensitive, ...settings } = read as PoolFixedSettings;
    // Absent, not undefined: a baseline from state then equals one from DescribeUserPool.
    return caseSensitive === undefined ? settings : { ...settings, caseSensitive };
}

export function requireKnownClient(read: ClientSettingsFromProps, where: string): ClientFixedSettings & { userPoolId?: string } {
    const unknown = unknownFields(read);
    if (unknown.length > 0) {
        throw new FixedSettingsReadError(`${where}: ${unknown.join(", ")} not known`);
    }
    return {
        name: (read.name as string | undefined) ?? "",
        generateSecret: read.generateSecret as boolean,
        userPoolId: read.userPoolId as string | undefined,
    };
}
