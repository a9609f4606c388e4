/**
 * The settings Cognito fixes when a user pool or app client is created, in one normalised shape whatever
 * they were read from (resource props, a `pulumi stack export`, or the AWS DescribeUserPool API).
 */

/** Where a baseline was read from. */
export type BaselineSource = "pulumi-state" | "aws";

export const ATTRIBUTE_DATA_TYPES = ["String", "Number", "DateTime", "Boolean"] as const;
export type AttributeDataType = (typeof ATTRIBUTE_DATA_TYPES)[number];

/** Values Cognito accepts in `UsernameAttributes` (sign in with these instead of a user name). */
export const USERNAME_ATTRIBUTE_VALUES = ["email", "phone_number"] as const;
/** Values Cognito accepts in `AliasAttributes` (sign in with these as well as the user name). */
export const ALIAS_ATTRIBUTE_VALUES = ["email", "phone_number", "preferred_username"] as const;

/**
 * Constraints of an attribute, as numbers. String attributes use minLength/maxLength, Number attributes
 * minValue/maxValue; a key is absent when no limit is set.
 */
export interface AttributeConstraints {
    minLength?: number;
    maxLength?: number;
    minValue?: number;
    maxValue?: number;
}

/** One schema attribute. `name` is canonical: a standard name (`email`) or `custom:<name>`. */
export interface FixedAttribute {
    name: string;
    dataType: AttributeDataType;
    required: boolean;
    mutable: boolean;
    developerOnly: boolean;
    constraints: AttributeConstraints;
}

/**
 * A pool's fixed settings. Arrays are sorted and free of duplicates; `attributes` holds every custom
 * attribute and only those standard attributes that differ from Cognito's default for them, sorted by name.
 */
export interface PoolFixedSettings {
    name: string;
    usernameAttributes: string[];
    aliasAttributes: string[];
    /** Absent in the source means true: Cognito's API default for a pool created without UsernameConfiguration. */
    caseSensitive: boolean;
    attributes: FixedAttribute[];
}

/** A client's fixed settings. */
export interface ClientFixedSettings {
    name: string;
    generateSecret: boolean;
}

/** What every deployed resource in a baseline records besides its settings. */
export interface DeployedResource {
    /** The resource's physical id: a pool id (`eu-west-1_AbCdEf123`), a client id, an SES identity. */
    id: string;
    /** The AWS region the resource lives in: changing it replaces the resource. */
    region: string;
}

/** A deployed pool in a baseline (keyed by its URN). */
export interface BaselineUserPool extends PoolFixedSettings, DeployedResource {}

/** A deployed client in a baseline (keyed by its URN). */
export interface BaselineClient extends ClientFixedSettings, DeployedResource {
    /** URN of the pool the client belongs to (a key of `Baseline.userPools`). */
    userPool: string;
}

/** A deployed SES identity (aws:sesv2/emailIdentity:EmailIdentity) in a baseline, keyed by its URN; `id` is the identity. */
export type BaselineEmailIdentity = DeployedResource;

/** What a stack has deployed, as the fixed-settings policies receive it in their config. */
export interface Baseline {
    source: BaselineSource;
    stack: string;
    /** ISO 8601 time the baseline was captured. */
    capturedAt: string;
    userPools: Record<string, BaselineUserPool>;
    clients: Record<string, BaselineClient>;
    emailIdentities: Record<string, BaselineEmailIdentity>;
}
