import type {
    CreateGroupRequest, CreateUserPoolClientRequest, CreateUserPoolRequest, SetUserPoolMfaConfigRequest,
} from "@aws-sdk/client-cognito-identity-provider";
import { ApiNames, apiShaped } from "./api-shape";

/*
 * The requests terraform-provider-aws sends to create what the program registers, from the registered inputs
 * (@pulumi/aws 7.48.0 bridges it): internal/service/cognitoidp/user_pool.go resourceUserPoolCreate (CreateUserPool,
 * then SetUserPoolMfaConfig with the MFA settings, which CreateUserPool does not take), user_pool_client.go Create
 * (CreateUserPoolClient), user_group.go (CreateGroup). Field names: the API reference of each action
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html, ...).
 */

/** Pool inputs the API names otherwise than by PascalCasing their path (API_CreateUserPool.html request syntax). */
const poolNames: ApiNames = {
    name: "PoolName",
    passwordPolicy: "Policies.PasswordPolicy",
    signInPolicy: "Policies.SignInPolicy",
    schemas: "Schema",
    tags: "UserPoolTags",
    "emailConfiguration.fromEmailAddress": "EmailConfiguration.From",
    "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates": "UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate",
    "adminCreateUserConfig.inviteMessageTemplate.smsMessage": "AdminCreateUserConfig.InviteMessageTemplate.SMSMessage",
    "lambdaConfig.kmsKeyId": "LambdaConfig.KMSKeyID",
};

/** Client inputs the API names otherwise (API_CreateUserPoolClient.html; DescribeUserPoolClient reports the same names). */
export const clientApiNames: ApiNames = {
    name: "ClientName",
    allowedOauthFlows: "AllowedOAuthFlows",
    allowedOauthFlowsUserPoolClient: "AllowedOAuthFlowsUserPoolClient",
    allowedOauthScopes: "AllowedOAuthScopes",
    callbackUrls: "CallbackURLs",
    logoutUrls: "LogoutURLs",
    defaultRedirectUri: "DefaultRedirectURI",
};

const groupNames: ApiNames = { name: "GroupName" };

/** Pool inputs sent with SetUserPoolMfaConfig, not CreateUserPool (passkeys' WebAuthnConfiguration too). */
const mfaInputs = ["mfaConfiguration", "softwareTokenMfaConfiguration", "emailMfaConfiguration", "webAuthnConfiguration"] as const;
/** Inputs of @pulumi/aws 7 that are no API field: the region the provider calls. */
const providerOnlyInputs = ["region"];

type Inputs = Record<string, any>;

function without(inputs: Inputs, keys: readonly string[]): Inputs {
    return Object.fromEntries(Object.entries(inputs).filter(([key]) => !keys.includes(key)));
}

export function createUserPoolRequest(inputs: Inputs): CreateUserPoolRequest {
    return apiShaped(without(inputs, [...mfaInputs, ...providerOnlyInputs]), poolNames, new Set(["tags"])) as CreateUserPoolRequest;
}

/**
 * SetUserPoolMfaConfig after the pool exists, as the provider sends it when MFA is not off or passkeys are set
 * (user_pool.go resourceUserPoolCreate: `mfaConfig != Off || len(web_authn_configuration) > 0`); with SMS settings the
 * SMS factor is sent too (SmsMfaConfiguration whenever sms_configuration is set). Undefined: MFA off, no passkeys.
 */
export function mfaConfigRequest(userPoolId: string, inputs: Inputs): SetUserPoolMfaConfigRequest | undefined {
    if ((inputs.mfaConfiguration ?? "OFF") === "OFF" && inputs.webAuthnConfiguration === undefined) {
        return undefined;
    }
    const shaped = apiShaped({ ...Object.fromEntries(mfaInputs.map((key) => [key, inputs[key]])) }, {});
    const sms = inputs.smsConfiguration === undefined ? {}
        : { SmsMfaConfiguration: { SmsAuthenticationMessage: inputs.smsAuthenticationMessage, SmsConfiguration: apiShaped(inputs.smsConfiguration, {}) } };
    return { UserPoolId: userPoolId, ...shaped, ...sms } as SetUserPoolMfaConfigRequest;
}

export function createUserPoolClientRequest(inputs: Inputs): CreateUserPoolClientRequest {
    return apiShaped(without(inputs, providerOnlyInputs), clientApiNames) as CreateUserPoolClientRequest;
}

export function createGroupRequest(inputs: Inputs): CreateGroupRequest {
    return apiShaped(without(inputs, providerOnlyInputs), groupNames) as CreateGroupRequest;
}
