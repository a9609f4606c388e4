/**
 * The one module that knows which provider inputs are fixed at creation (the table), and how to read them from
 * resource props (as policies see them), from a `pulumi stack export`, and from the AWS DescribeUserPool /
 * DescribeUserPoolClient API. No dependency on @pulumi/* or the AWS SDK.
 */
export * from "./types";
export type { Unknown, MaybeUnknown } from "./unknown";
export { UNKNOWN, isKnown, isUnknown, readKnown, isUnknownValueError } from "./unknown";
export {
    STANDARD_ATTRIBUTE_DEFAULTS,
    STANDARD_ATTRIBUTE_NAMES,
    MAX_CUSTOM_ATTRIBUTES,
    isStandardAttribute,
} from "./standard-attributes";
export {
    FixedSettingsReadError,
    canonicalAttributeName,
    isCustomAttributeName,
    isDefaultStandardAttribute,
    attributesEqual,
} from "./normalize";
export type { FixedInputRow, ProviderSource, Effect, CompareContext } from "./table";
export {
    fixedInputsOf, isFixedInput, allFixedInputs, IDENTITY_PROVIDER_TYPE, RESOURCE_SERVER_TYPE, USER_GROUP_TYPE, USER_POOL_DOMAIN_TYPE, MANAGED_LOGIN_BRANDING_TYPE,
} from "./table";
export type { FixedAttribute } from "./table";
export type { PoolSettingsFromProps, ClientSettingsFromProps } from "./from-props";
export {
    USER_POOL_TYPE,
    USER_POOL_CLIENT_TYPE,
    EMAIL_IDENTITY_TYPE,
    poolSettingsFromProps,
    clientSettingsFromProps,
    requireKnownPool,
} from "./from-props";
export type { StateExport, StateResource, BaselineFromStateOptions } from "./from-state";
export { baselineFromStateExport, projectFromUrn, stackFromUrn } from "./from-state";
export { baselineMismatch } from "./baseline-scope";
export type { ProviderOfResource } from "./region";
export { regionFromInputs, regionChange, regionOfArn, regionOfPoolId } from "./region";
export type { AwsPoolDescription } from "./from-aws";
export {
    poolFromDescribeUserPool, clientFromDescribeUserPoolClient, brandingFromDescribeByClient, identityProviderFromDescribeIdentityProvider, baselineFromAws,
} from "./from-aws";
export { BaselineError, parseBaseline } from "./baseline";
export { schemaAt } from "./schema";
export type { FixedSettingChange, FixedSettingGroup } from "./compare";
export { poolChanges, clientChanges, changesOf } from "./compare";
