// One pool and its client as the program registers them for the seed's choices, and the same pool as a state
// export and as DescribeUserPool / DescribeUserPoolClient responses.
import { poolUrn, clientUrn, componentUrn, identityUrn, POOL_TYPE, CLIENT_TYPE, COMPONENT_TYPE, IDENTITY_TYPE } from "./args";

export const REGION = "eu-west-1";
export const POOL_ID = "eu-west-1_AbCdEf123";
/** How a state resource refers to the stack's default aws provider: `<provider URN>::<provider id>`. */
export const PROVIDER_REFERENCE = (stack = "dev") =>
    `urn:pulumi:${stack}::cognito-user-pool::pulumi:providers:aws::default_7_48_0::00000000-0000-0000-0000-000000000000`;
export const CLIENT_ID = "1example23456789abcdefghij";
export const SES_ARN = "arn:aws:ses:eu-west-1:123456789012:identity/no-reply@example.com";

type Props = Record<string, any>;

/** Every fixture is a fresh copy: tests may change what they get. */
function fresh<T>(v: T): T {
    return structuredClone(v);
}

const email = {
    name: "email",
    attributeDataType: "String",
    required: true,
    mutable: true,
    developerOnlyAttribute: false,
    stringAttributeConstraints: { minLength: "0", maxLength: "2048" },
};

const tenant = {
    name: "tenant_id",
    attributeDataType: "String",
    required: false,
    mutable: true,
    developerOnlyAttribute: false,
    stringAttributeConstraints: { minLength: "1", maxLength: "64" },
};

/** UserPool props for stack `stack` (UserPoolArgs as the program passes them). */
export function poolProps(stack = "dev", overrides: Props = {}): Props {
    return fresh({
        name: `myapp-${stack}`,
        usernameConfiguration: { caseSensitive: false },
        schemas: [email, tenant],
        passwordPolicy: {
            minimumLength: 8,
            requireLowercase: true,
            requireUppercase: true,
            requireNumbers: true,
            requireSymbols: true,
            temporaryPasswordValidityDays: 7,
        },
        mfaConfiguration: "OFF",
        deletionProtection: "ACTIVE",
        accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
        autoVerifiedAttributes: ["email"],
        emailConfiguration: {
            emailSendingAccount: "DEVELOPER",
            sourceArn: SES_ARN,
            fromEmailAddress: "Example <no-reply@example.com>",
        },
        ...overrides,
    });
}

/** UserPoolClient props for the seed's public `web` client. */
export function clientProps(overrides: Props = {}): Props {
    return fresh({
        name: "web",
        userPoolId: POOL_ID,
        generateSecret: false,
        explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        preventUserExistenceErrors: "ENABLED",
        enableTokenRevocation: true,
        accessTokenValidity: 60,
        idTokenValidity: 60,
        refreshTokenValidity: 30,
        tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
        ...overrides,
    });
}

/** `pulumi stack export` of a deployed stack holding that pool and client (secrets encrypted). */
export function stateExport(stack = "dev"): Props {
    const pool = poolProps(stack);
    return {
        version: 3,
        deployment: {
            manifest: { time: "2026-11-20T10:00:00Z", magic: "x", version: "v3.200.0" },
            resources: [
                {
                    urn: `urn:pulumi:${stack}::cognito-user-pool::pulumi:pulumi:Stack::cognito-user-pool-${stack}`,
                    custom: false,
                    type: "pulumi:pulumi:Stack",
                },
                {
                    urn: `urn:pulumi:${stack}::cognito-user-pool::pulumi:providers:aws::default_7_48_0`,
                    custom: true,
                    id: "00000000-0000-0000-0000-000000000000",
                    type: "pulumi:providers:aws",
                    inputs: { region: REGION },
                    outputs: { region: REGION },
                },
                { urn: componentUrn(stack), custom: false, type: COMPONENT_TYPE },
                {
                    urn: poolUrn(stack),
                    custom: true,
                    id: POOL_ID,
                    type: POOL_TYPE,
                    inputs: pool,
                    provider: PROVIDER_REFERENCE(stack),
                    outputs: {
                        ...pool,
                        id: POOL_ID,
                        region: REGION,
                        arn: `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${POOL_ID}`,
                        usernameAttributes: [],
                        aliasAttributes: [],
                        endpoint: `cognito-idp.eu-west-1.amazonaws.com/${POOL_ID}`,
                    },
                    protect: true,
                    retainOnDelete: true,
                    parent: componentUrn(stack),
                },
                {
                    urn: clientUrn(stack),
                    custom: true,
                    id: CLIENT_ID,
                    type: CLIENT_TYPE,
                    provider: PROVIDER_REFERENCE(stack),
                    inputs: clientProps(),
                    outputs: {
                        ...clientProps(),
                        id: CLIENT_ID,
                        region: REGION,
                        clientSecret: {
                            "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                            ciphertext: "v1:AAAAencrypted==",
                        },
                    },
                    parent: componentUrn(stack),
                },
                {
                    urn: identityUrn(stack),
                    custom: true,
                    id: "no-reply@example.com",
                    type: IDENTITY_TYPE,
                    provider: PROVIDER_REFERENCE(stack),
                    inputs: { emailIdentity: "no-reply@example.com" },
                    outputs: { emailIdentity: "no-reply@example.com", id: "no-reply@example.com", arn: SES_ARN },
                    parent: componentUrn(stack),
                },
            ],
        },
    };
}

function std(name: string, min = "0", max = "2048"): Props {
    return {
        Name: name,
        AttributeDataType: "String",
        DeveloperOnlyAttribute: false,
        Mutable: true,
        Required: false,
        StringAttributeConstraints: { MinLength: min, MaxLength: max },
    };
}

/** DescribeUserPool for the same pool, as the AWS SDK returns it: every standard attribute listed. */
export function describeUserPool(stack = "dev"): Props {
    return {
        UserPool: {
            Id: POOL_ID,
            Name: `myapp-${stack}`,
            Arn: `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${POOL_ID}`,
            Policies: {
                PasswordPolicy: {
                    MinimumLength: 8,
                    RequireUppercase: true,
                    RequireLowercase: true,
                    RequireNumbers: true,
                    RequireSymbols: true,
                    TemporaryPasswordValidityDays: 7,
                },
            },
            DeletionProtection: "ACTIVE",
            SchemaAttributes: [
                {
                    Name: "sub",
                    AttributeDataType: "String",
                    DeveloperOnlyAttribute: false,
                    Mutable: false,
                    Required: true,
                    StringAttributeConstraints: { MinLength: "1", MaxLength: "2048" },
                },
                std("name"),
                std("given_name"),
                std("family_name"),
                std("middle_name"),
                std("nickname"),
                std("preferred_username"),
                std("profile"),
                std("picture"),
                std("website"),
                { ...std("email"), Required: true },
                { Name: "email_verified", AttributeDataType: "Boolean", DeveloperOnlyAttribute: false, Mutable: true, Required: false },
                std("gender"),
                std("birthdate", "10", "10"),
                std("zoneinfo"),
                std("locale"),
                std("phone_number"),
                { Name: "phone_number_verified", AttributeDataType: "Boolean", DeveloperOnlyAttribute: false, Mutable: true, Required: false },
                std("address"),
                {
                    Name: "updated_at",
                    AttributeDataType: "Number",
                    DeveloperOnlyAttribute: false,
                    Mutable: true,
                    Required: false,
                    NumberAttributeConstraints: { MinValue: "0" },
                },
                {
                    Name: "identities",
                    AttributeDataType: "String",
                    DeveloperOnlyAttribute: false,
                    Mutable: true,
                    Required: false,
                    StringAttributeConstraints: {},
                },
                { ...std("custom:tenant_id", "1", "64") },
            ],
            AutoVerifiedAttributes: ["email"],
            UsernameConfiguration: { CaseSensitive: false },
            MfaConfiguration: "OFF",
            EmailConfiguration: {
                SourceArn: SES_ARN,
                EmailSendingAccount: "DEVELOPER",
                From: "Example <no-reply@example.com>",
            },
            EstimatedNumberOfUsers: 42,
        },
    };
}

export function describeUserPoolClient(withSecret = false): Props {
    return {
        UserPoolClient: {
            UserPoolId: POOL_ID,
            ClientName: "web",
            ClientId: CLIENT_ID,
            ...(withSecret ? { ClientSecret: "s3cr3t-value-never-in-messages" } : {}),
            PreventUserExistenceErrors: "ENABLED",
            EnableTokenRevocation: true,
        },
    };
}
