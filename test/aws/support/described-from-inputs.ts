import type {
    AssetCategoryType, AssetExtensionType, ColorSchemeModeType, DomainDescriptionType, EventSourceName, GroupType, IdentityProviderType,
    LogDeliveryConfigurationType, LogLevel, ManagedLoginBrandingType, ResourceServerType, RiskConfigurationType, UserPoolClientType,
} from "@aws-sdk/client-cognito-identity-provider";
import type {
    IdentityProviderArgs, LogDeliveryConfigurationArgs, ManagedLoginBrandingArgs, ResourceServerArgs, UserGroupArgs, UserPoolArgs, UserPoolClientArgs,
    UserPoolDomainArgs,
} from "@pulumi/aws/cognito";
import * as pulumi from "@pulumi/pulumi";
import type { DescribedPool } from "../../../config";
import { ApiNames, apiShaped, setAt } from "../../../sandbox/api-shape";
import { clientApiNames } from "../../../sandbox/provider-requests";

/*
 * What the AWS API describes for a pool, client, group or resource server the provider created from given inputs:
 * each input under the API's name for it, as terraform-provider-aws sends it (internal/service/cognitoidp/
 * user_pool.go, user_pool_client.go, user_group.go and resource_server.go, the expand functions behind
 * CreateUserPool, SetUserPoolMfaConfig, CreateUserPoolClient, CreateGroup and CreateResourceServer), keys in the
 * API's PascalCase. A model independent of the catalogue's Describe paths,
 * so that a round trip through it checks them.
 */

/** Inputs the API names otherwise than by PascalCasing their path. */
const poolNames: Readonly<Record<string, string>> = {
    passwordPolicy: "Policies.PasswordPolicy",
    signInPolicy: "Policies.SignInPolicy",
    schemas: "SchemaAttributes",
    tags: "UserPoolTags",
    // GetUserPoolMfaConfig reports the second factors.
    softwareTokenMfaConfiguration: "MfaConfig.SoftwareTokenMfaConfiguration",
    emailMfaConfiguration: "MfaConfig.EmailMfaConfiguration",
    webAuthnConfiguration: "MfaConfig.WebAuthnConfiguration",
    "emailConfiguration.fromEmailAddress": "EmailConfiguration.From",
    "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates": "UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate",
    "lambdaConfig.kmsKeyId": "LambdaConfig.KMSKeyID",
    "lambdaConfig.customSmsSender.lambdaArn": "LambdaConfig.CustomSMSSender.LambdaArn",
    "lambdaConfig.customSmsSender.lambdaVersion": "LambdaConfig.CustomSMSSender.LambdaVersion",
};

/** Provider inputs the program made from settings, checked to hold plain values only (no Output, no Promise), as typed once resolved. */
export function plain<T>(inputs: T): pulumi.Unwrap<T> {
    const check = (value: unknown, path: string): void => {
        if (pulumi.Output.isInstance(value) || value instanceof Promise) {
            throw new Error(`${path}: not a plain value`);
        }
        if (value !== null && typeof value === "object") {
            Object.entries(value).forEach(([key, inner]) => check(inner, `${path}.${key}`));
        }
    };
    check(inputs, "inputs");
    return inputs as pulumi.Unwrap<T>;
}

/** Maps whose keys are the user's, not the API's. */
const userKeyed = new Set(["tags"]);

function described(inputs: object, names: ApiNames): Record<string, any> {
    return apiShaped({ ...inputs }, names, userKeyed);
}

/** DescribeUserPool's UserPool with GetUserPoolMfaConfig's output under `MfaConfig`. */
export function describedPool(id: string, inputs: pulumi.Unwrap<UserPoolArgs>): DescribedPool {
    const pool = described(inputs, poolNames);
    // SMS settings serve verification and MFA alike: with MFA on, the provider sends them as the SMS factor too.
    if (pool.MfaConfiguration !== "OFF" && pool.SmsConfiguration !== undefined) {
        setAt(pool, "MfaConfig.SmsMfaConfiguration.SmsConfiguration", pool.SmsConfiguration);
    }
    // DescribeUserPool repeats the pre token trigger's ARN in the legacy PreTokenGeneration (API_PreTokenGenerationVersionConfigType:
    // "This parameter and the PreTokenGeneration property of LambdaConfig have the same value").
    if (pool.LambdaConfig?.PreTokenGenerationConfig !== undefined) {
        pool.LambdaConfig.PreTokenGeneration = pool.LambdaConfig.PreTokenGenerationConfig.LambdaArn;
    }
    return { Id: id, ...pool, MfaConfig: { MfaConfiguration: pool.MfaConfiguration, ...pool.MfaConfig } };
}

/** DescribeUserPoolClient's UserPoolClient; a generated secret is reported, never what it is. */
export function describedClient(id: string, inputs: pulumi.Unwrap<UserPoolClientArgs>): UserPoolClientType {
    const { generateSecret, userPoolId: _pool, ...rest } = inputs;
    return { ClientId: id, ...described(rest, clientApiNames), ...(generateSecret ? { ClientSecret: "[secret]" } : {}) };
}

/** A ListGroups item (resourceUserGroupCreate: GroupName and UserPoolId, Description, Precedence and RoleArn when `d.GetOk`, so not 0 or ""). */
export function describedGroup(inputs: pulumi.Unwrap<UserGroupArgs>): GroupType {
    return {
        GroupName: inputs.name, UserPoolId: inputs.userPoolId,
        ...(inputs.description ? { Description: inputs.description } : {}),
        ...(inputs.precedence ? { Precedence: inputs.precedence } : {}),
        ...(inputs.roleArn ? { RoleArn: inputs.roleArn } : {}),
        CreationDate: new Date(0), LastModifiedDate: new Date(0),
    };
}

/**
 * DescribeUserPoolDomain's DomainDescription of a domain the provider created from these inputs
 * (user_pool_domain.go: Domain, UserPoolId, CustomDomainConfig.CertificateArn; ManagedLoginVersion).
 */
export function describedDomain(inputs: pulumi.Unwrap<UserPoolDomainArgs>): DomainDescriptionType {
    const { domain, certificateArn, managedLoginVersion, userPoolId } = inputs;
    return {
        UserPoolId: userPoolId, AWSAccountId: "123456789012", Domain: domain, S3Bucket: "aws-cognito-prod-iad-assets",
        CloudFrontDistribution: certificateArn === undefined ? "" : "d111111abcdef8.cloudfront.net",
        Version: "20261206000000", Status: "ACTIVE",
        ...(certificateArn === undefined ? {} : { CustomDomainConfig: { CertificateArn: certificateArn } }),
        ManagedLoginVersion: managedLoginVersion,
    };
}

/**
 * DescribeManagedLoginBrandingByClient's ManagedLoginBranding (ReturnMergedResources false) of a style the provider
 * created from these inputs (managed_login_branding.go Create: UseCognitoProvidedValues, Settings as a document,
 * Assets): Settings only when sent, Assets always (floci-io/floci PR #2869, observed against the live API).
 */
export function describedBranding(inputs: Omit<pulumi.Unwrap<ManagedLoginBrandingArgs>, "clientId">): ManagedLoginBrandingType {
    const { settings, useCognitoProvidedValues, assets, userPoolId } = inputs;
    return {
        ManagedLoginBrandingId: "06c6ae7b-1e66-46d2-87a9-1203ea3307bd", UserPoolId: userPoolId, UseCognitoProvidedValues: useCognitoProvidedValues ?? false,
        ...(settings === undefined ? {} : { Settings: JSON.parse(settings) }),
        Assets: (assets ?? []).map((asset) => ({ Category: asset.category as AssetCategoryType, ColorMode: asset.colorMode as ColorSchemeModeType,
            Extension: asset.extension as AssetExtensionType, Bytes: new Uint8Array(Buffer.from(asset.bytes ?? "", "base64")) })),
        CreationDate: new Date(0), LastModifiedDate: new Date(0),
    };
}

/** A ListResourceServers item (resource_server.go: Identifier, Name, Scopes and UserPoolId, as CreateResourceServer takes them). */
export function describedResourceServer(inputs: pulumi.Unwrap<ResourceServerArgs>): ResourceServerType {
    return {
        UserPoolId: inputs.userPoolId, Identifier: inputs.identifier, Name: inputs.name,
        Scopes: (inputs.scopes ?? []).map((scope) => ({ ScopeName: scope.scopeName, ScopeDescription: scope.scopeDescription })),
    };
}

/**
 * GetLogDeliveryConfiguration's LogDeliveryConfiguration after the provider's SetLogDeliveryConfiguration with these
 * inputs (log_delivery_configuration.go expands the plan field by field: event source, level, each destination's ARN).
 */
export function describedLogDelivery(inputs: pulumi.Unwrap<LogDeliveryConfigurationArgs>): LogDeliveryConfigurationType {
    return {
        UserPoolId: inputs.userPoolId,
        LogConfigurations: (inputs.logConfigurations ?? []).map((configuration) => ({
            EventSource: configuration.eventSource as EventSourceName,
            LogLevel: configuration.logLevel as LogLevel,
            ...(configuration.cloudWatchLogsConfiguration ? { CloudWatchLogsConfiguration: { LogGroupArn: configuration.cloudWatchLogsConfiguration.logGroupArn } } : {}),
            ...(configuration.s3Configuration ? { S3Configuration: { BucketArn: configuration.s3Configuration.bucketArn } } : {}),
            ...(configuration.firehoseConfiguration ? { FirehoseConfiguration: { StreamArn: configuration.firehoseConfiguration.streamArn } } : {}),
        })),
    };
}

/** RiskConfigurationType inputs the API names otherwise than by PascalCasing their path (risk_configuration.go's expanders). */
const riskNames: Readonly<Record<string, string>> = {
    "compromisedCredentialsRiskConfiguration.eventFilters": "CompromisedCredentialsRiskConfiguration.EventFilter",
    "riskExceptionConfiguration.skippedIpRangeLists": "RiskExceptionConfiguration.SkippedIPRangeList",
    "riskExceptionConfiguration.blockedIpRangeLists": "RiskExceptionConfiguration.BlockedIPRangeList",
};

/** DescribeRiskConfiguration's pool-wide RiskConfiguration set from these inputs (SetRiskConfiguration). */
export function describedRiskConfiguration(poolId: string, inputs: Record<string, unknown>): RiskConfigurationType {
    return { UserPoolId: poolId, ...described(inputs, riskNames), LastModifiedDate: new Date(0) } as RiskConfigurationType;
}

/**
 * The ProviderDetails keys Cognito adds to those it was sent, per ProviderType: the "Describe response" examples of
 * CreateIdentityProvider's ProviderDetails (API reference; @aws-sdk/client-cognito-identity-provider models_0.d.ts).
 * An OIDC provider's describe example repeats the endpoints of its request and adds attributes_url_add_attributes.
 */
export const addedByCognito: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    Google: { attributes_url: "https://people.googleapis.com/v1/people/me?personFields=", attributes_url_add_attributes: "true",
        authorize_url: "https://accounts.google.com/o/oauth2/v2/auth", oidc_issuer: "https://accounts.google.com", token_request_method: "POST",
        token_url: "https://www.googleapis.com/oauth2/v4/token" },
    Facebook: { attributes_url: "https://graph.facebook.com/v17.0/me?fields=", attributes_url_add_attributes: "true",
        authorize_url: "https://www.facebook.com/v17.0/dialog/oauth", token_request_method: "GET", token_url: "https://graph.facebook.com/v17.0/oauth/access_token" },
    LoginWithAmazon: { attributes_url: "https://api.amazon.com/user/profile", attributes_url_add_attributes: "false", authorize_url: "https://www.amazon.com/ap/oa",
        token_request_method: "POST", token_url: "https://api.amazon.com/auth/o2/token" },
    SignInWithApple: { attributes_url_add_attributes: "false", authorize_url: "https://appleid.apple.com/auth/authorize", oidc_issuer: "https://appleid.apple.com",
        token_request_method: "POST", token_url: "https://appleid.apple.com/auth/token" },
    OIDC: { attributes_url_add_attributes: "false" },
    SAML: { ActiveEncryptionCertificate: "MIICertificate", SLORedirectBindingURI: "https://idp.example.com/slo/saml", SSORedirectBindingURI: "https://idp.example.com/sso/saml" },
};

/**
 * DescribeIdentityProvider's IdentityProvider for a provider created from these inputs (identity_provider.go
 * resourceIdentityProviderCreate: ProviderName, ProviderType and UserPoolId; ProviderDetails, AttributeMapping and
 * IdpIdentifiers when not empty), with the keys Cognito adds; an Apple private_key is never returned ("Describe
 * operations don't return the private key", API reference, IdentityProviderType). The client_secret is returned.
 */
export function describedIdentityProvider(inputs: pulumi.Unwrap<IdentityProviderArgs>): IdentityProviderType {
    const { providerName, providerType, providerDetails, attributeMapping, idpIdentifiers, userPoolId } = inputs;
    const { private_key: _never, ...returned } = { ...providerDetails, ...addedByCognito[providerType] };
    return {
        UserPoolId: userPoolId, ProviderName: providerName, ProviderType: providerType as IdentityProviderType["ProviderType"],
        ProviderDetails: returned,
        ...(attributeMapping && Object.keys(attributeMapping).length > 0 ? { AttributeMapping: attributeMapping } : {}),
        ...(idpIdentifiers?.length ? { IdpIdentifiers: idpIdentifiers } : {}),
        CreationDate: new Date(0), LastModifiedDate: new Date(0),
    };
}
