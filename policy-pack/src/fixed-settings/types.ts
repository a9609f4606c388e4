/**
 * The settings Cognito fixes when a user pool or app client is created, in one normalised shape whatever
 * they were read from (resource props, a `pulumi stack export`, or the AWS DescribeUserPool API), and the
 * baseline that records what a stack has deployed. Each shape below is the one definition of its JSON: the
 * types are inferred from it, parseBaseline checks against it, and the policies declare its JSON schema.
 */
import { Infer, shapes as s } from "./shape";

export const ATTRIBUTE_DATA_TYPES = ["String", "Number", "DateTime", "Boolean"] as const;
export type AttributeDataType = (typeof ATTRIBUTE_DATA_TYPES)[number];

/** Values Cognito accepts in `UsernameAttributes` (sign in with these instead of a user name). */
export const USERNAME_ATTRIBUTE_VALUES = ["email", "phone_number"] as const;
/** Values Cognito accepts in `AliasAttributes` (sign in with these as well as the user name). */
export const ALIAS_ATTRIBUTE_VALUES = ["email", "phone_number", "preferred_username"] as const;

const CONSTRAINTS_SHAPE = s.object(
    {},
    { minLength: s.number(), maxLength: s.number(), minValue: s.number(), maxValue: s.number() },
    "Limits as numbers: minLength/maxLength for String, minValue/maxValue for Number; a key is absent when no limit is set.",
);

const ATTRIBUTE_SHAPE = s.object({
    name: s.string("A standard attribute name (`email`) or `custom:<name>`."),
    dataType: s.enumOf(ATTRIBUTE_DATA_TYPES),
    required: s.boolean(),
    mutable: s.boolean(),
    developerOnly: s.boolean(),
    constraints: CONSTRAINTS_SHAPE,
});

const DEPLOYED_SHAPE = {
    id: s.string("The resource's physical id: a pool id (`eu-west-1_AbCdEf123`), a client id, an SES identity."),
    region: s.string("The AWS region the resource lives in: changing it replaces the resource."),
};

const USER_POOL_SHAPE = s.object({
    ...DEPLOYED_SHAPE,
    name: s.string(),
    usernameAttributes: s.list(s.enumOf(USERNAME_ATTRIBUTE_VALUES), "Sorted; [] when none."),
    aliasAttributes: s.list(s.enumOf(ALIAS_ATTRIBUTE_VALUES), "Sorted; [] when none."),
    attributes: s.list(ATTRIBUTE_SHAPE, "Sorted by name: every custom attribute, and each standard one that differs from Cognito's default for it."),
}, {
    caseSensitive: s.boolean(
        "UsernameConfiguration.CaseSensitive. Absent: the pool has no UsernameConfiguration (Cognito treats its user names " +
        "as case-sensitive), and adding one replaces the pool.",
    ),
});

const CLIENT_SHAPE = s.object({
    ...DEPLOYED_SHAPE,
    name: s.text(),
    userPool: s.string("URN of the pool the client belongs to (a key of userPools)."),
    generateSecret: s.boolean(),
});

const EMAIL_IDENTITY_SHAPE = s.object({ ...DEPLOYED_SHAPE });

/** The baseline's shape: what the fixed-settings policies receive in their config as `baseline`. */
export const BASELINE_SHAPE = s.object(
    {
        source: s.enumOf(["pulumi-state", "aws"] as const),
        stack: s.string(),
        capturedAt: s.string("ISO 8601 time the baseline was captured."),
        userPools: s.byUrn(USER_POOL_SHAPE),
        clients: s.byUrn(CLIENT_SHAPE),
        emailIdentities: s.byUrn(EMAIL_IDENTITY_SHAPE, "SES identities (aws:sesv2/emailIdentity:EmailIdentity); `id` is the identity."),
    },
    {},
    "What the stack has deployed (written by `npm run baseline`). Absent: first deployment, nothing to compare.",
);

export type AttributeConstraints = Infer<typeof CONSTRAINTS_SHAPE>;
/** One schema attribute. `name` is canonical: a standard name (`email`) or `custom:<name>`. */
export type FixedAttribute = Infer<typeof ATTRIBUTE_SHAPE>;
/** What every deployed resource in a baseline records besides its settings. */
export type DeployedResource = Infer<typeof EMAIL_IDENTITY_SHAPE>;
export type BaselineEmailIdentity = DeployedResource;
/** A deployed pool in a baseline (keyed by its URN). */
export type BaselineUserPool = Infer<typeof USER_POOL_SHAPE>;
/** A deployed client in a baseline (keyed by its URN). */
export type BaselineClient = Infer<typeof CLIENT_SHAPE>;
/** A pool's fixed settings, from whatever source. */
export type PoolFixedSettings = Omit<BaselineUserPool, keyof DeployedResource>;
/** A client's fixed settings. */
export type ClientFixedSettings = Pick<BaselineClient, "name" | "generateSecret">;
/** What a stack has deployed, as the fixed-settings policies receive it in their config. */
export type Baseline = Infer<typeof BASELINE_SHAPE>;
/** Where a baseline was read from. */
export type BaselineSource = Baseline["source"];
