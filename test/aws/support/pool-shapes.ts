import {
    CognitoIdentityProviderClient,
    CreateGroupCommand,
    CreateGroupCommandInput,
    CreateIdentityProviderCommand,
    CreateIdentityProviderCommandInput,
    CreateResourceServerCommand,
    CreateResourceServerCommandInput,
    CreateUserPoolClientCommand,
    CreateUserPoolClientCommandInput,
    CreateManagedLoginBrandingCommand,
    CreateManagedLoginBrandingCommandInput,
    CreateUserPoolDomainCommand,
    CreateUserPoolDomainCommandInput,
    CreateUserPoolCommand,
    CreateUserPoolCommandInput,
    SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { LocalAws, SesIdentity } from "./local-aws";

/** The account the offline program's mock cloud pretends to be (offline/mock-cloud.ts), so ARNs agree. */
export const accountId = "123456789012";
export const region = "us-east-1";
export const sesIdentityArn = (identity: string) => `arn:aws:ses:${region}:${accountId}:identity/${identity}`;

type ClientInput = Omit<CreateUserPoolClientCommandInput, "UserPoolId">;
type GroupInput = Omit<CreateGroupCommandInput, "UserPoolId">;
type ResourceServerInput = Omit<CreateResourceServerCommandInput, "UserPoolId">;
type DomainInput = Omit<CreateUserPoolDomainCommandInput, "UserPoolId">;
type BrandingInput = Omit<CreateManagedLoginBrandingCommandInput, "UserPoolId" | "ClientId">;
type IdentityProviderInput = Omit<CreateIdentityProviderCommandInput, "UserPoolId">;

/** A pool as someone might have made it in the console, made here through the API. */
export interface PoolShape {
    readonly pool: CreateUserPoolCommandInput;
    /** Second factors (the console sets them with SetUserPoolMfaConfig after creating the pool). */
    readonly totp?: boolean;
    readonly clients: ClientInput[];
    readonly groups?: GroupInput[];
    /** Made through the local AWS's front door: cognito-local has no resource servers. */
    readonly resourceServers?: ResourceServerInput[];
    /** The domain its OAuth clients sign in through (CreateUserPoolDomain). */
    readonly domain?: DomainInput;
    /** Managed login branding styles by client name (CreateManagedLoginBranding, through the front door). */
    readonly brandings?: Record<string, BrandingInput>;
    /** Made through the local AWS's front door: cognito-local has no identity providers. */
    readonly identityProviders?: IdentityProviderInput[];
    readonly senderIdentity?: { readonly name: string; readonly identity: SesIdentity };
}

export interface CreatedPool {
    readonly poolId: string;
    /** Client ids by client name. */
    readonly clientIds: Record<string, string>;
}

const defaultPasswordPolicy = {
    MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true,
    TemporaryPasswordValidityDays: 7,
};

const requiredEmail = {
    Name: "email", AttributeDataType: "String" as const, Required: true, Mutable: true,
    StringAttributeConstraints: { MinLength: "0", MaxLength: "2048" },
};

const minutesHoursDays = { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" } as const;

/** The JS SDK's public client, as the walkthrough sets it up. */
const webClient: ClientInput = {
    ClientName: "web",
    GenerateSecret: false,
    ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    AccessTokenValidity: 60,
    IdTokenValidity: 60,
    RefreshTokenValidity: 30,
    TokenValidityUnits: minutesHoursDays,
    AuthSessionValidity: 3,
    EnableTokenRevocation: true,
    PreventUserExistenceErrors: "ENABLED",
};

const serverClient: ClientInput = {
    ClientName: "server",
    GenerateSecret: true,
    ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    AccessTokenValidity: 15,
    IdTokenValidity: 15,
    RefreshTokenValidity: 1,
    TokenValidityUnits: minutesHoursDays,
    AuthSessionValidity: 3,
    EnableTokenRevocation: true,
    PreventUserExistenceErrors: "ENABLED",
};

/** A machine client (client_credentials) with a custom scope of the `orders-api` resource server. */
const jobsClient: ClientInput = {
    ...serverClient,
    ClientName: "jobs",
    ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ["client_credentials"],
    AllowedOAuthScopes: ["orders-api/read"],
    SupportedIdentityProviders: ["COGNITO"],
};

const common = {
    Policies: { PasswordPolicy: defaultPasswordPolicy },
    AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_email" as const, Priority: 1 }] },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    AutoVerifiedAttributes: ["email" as const],
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ["email" as const] },
    VerificationMessageTemplate: { DefaultEmailOption: "CONFIRM_WITH_CODE" as const },
    DeletionProtection: "ACTIVE" as const,
    UserPoolTier: "ESSENTIALS" as const,
};

export const poolShapes = {
    /** The walkthrough's pool: user name only, not case sensitive, email required, SES sender, one public client. */
    "username only": {
        pool: {
            ...common,
            PoolName: "console-username-only",
            UsernameConfiguration: { CaseSensitive: false },
            MfaConfiguration: "OFF",
            Schema: [requiredEmail],
            EmailConfiguration: {
                EmailSendingAccount: "DEVELOPER",
                SourceArn: sesIdentityArn("no-reply@example.com"),
                From: "MyApp <no-reply@example.com>",
            },
            UserPoolTags: { team: "identity" },
        },
        clients: [webClient],
        senderIdentity: {
            name: "no-reply@example.com",
            identity: { IdentityType: "EMAIL_ADDRESS", VerifiedForSendingStatus: true, Tags: [{ Key: "team", Value: "identity" }] },
        },
    },
    /** Email as the user name, Cognito's sender, optional TOTP, remembered devices, a public, a confidential and a machine client, groups, a resource server and a prefix domain with managed login. */
    "email as username": {
        pool: {
            ...common,
            PoolName: "console-email-username",
            UsernameAttributes: ["email"],
            UsernameConfiguration: { CaseSensitive: false },
            MfaConfiguration: "OPTIONAL",
            Schema: [requiredEmail],
            EmailConfiguration: { EmailSendingAccount: "COGNITO_DEFAULT" },
            DeletionProtection: "INACTIVE",
            DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
        },
        totp: true,
        clients: [{ ...webClient, AccessTokenValidity: 1, IdTokenValidity: 1, TokenValidityUnits: { AccessToken: "hours", IdToken: "hours", RefreshToken: "days" } },
            serverClient, jobsClient],
        groups: [
            { GroupName: "admins", Description: "Operators", Precedence: 1, RoleArn: `arn:aws:iam::${accountId}:role/admins` },
            { GroupName: "readers" },
        ],
        resourceServers: [{ Identifier: "orders-api", Name: "Orders API",
            Scopes: [{ ScopeName: "read", ScopeDescription: "Read orders" }, { ScopeName: "write", ScopeDescription: "Change orders" }] }],
        domain: { Domain: "console-email-username", ManagedLoginVersion: 2 },
    },
    /**
     * A user name with email and preferred_username aliases, a domain identity, verification by link, OAuth through a
     * custom domain with managed login and the OAuth client's branding style.
     */
    "username with aliases": {
        pool: {
            ...common,
            PoolName: "console-aliases",
            AliasAttributes: ["email", "preferred_username"],
            UsernameConfiguration: { CaseSensitive: false },
            MfaConfiguration: "OFF",
            Schema: [requiredEmail],
            EmailConfiguration: {
                EmailSendingAccount: "DEVELOPER",
                SourceArn: sesIdentityArn("example.org"),
                From: "no-reply@example.org",
                ReplyToEmailAddress: "support@example.org",
            },
            VerificationMessageTemplate: {
                DefaultEmailOption: "CONFIRM_WITH_LINK",
                EmailSubjectByLink: "Confirm your address",
                EmailMessageByLink: "Please click {##Verify Email##} to confirm.",
            },
            UserPoolTags: { team: "identity", environment: "staging" },
        },
        clients: [{
            ...webClient,
            AllowedOAuthFlowsUserPoolClient: true,
            AllowedOAuthFlows: ["code"],
            AllowedOAuthScopes: ["openid", "email"],
            CallbackURLs: ["https://app.example.org/callback"],
            DefaultRedirectURI: "https://app.example.org/callback",
            LogoutURLs: ["https://app.example.org/"],
            SupportedIdentityProviders: ["COGNITO", "Google"],
        }],
        // Google sign-in as the console sets it up (its defaults: the scopes, email and the subject as user name).
        identityProviders: [{ ProviderName: "Google", ProviderType: "Google",
            ProviderDetails: { client_id: "1example.apps.googleusercontent.com", client_secret: "google-client-secret", authorize_scopes: "profile email openid" },
            AttributeMapping: { email: "email", username: "sub" } }],
        domain: { Domain: "auth.example.org", CustomDomainConfig: { CertificateArn: `arn:aws:acm:us-east-1:${accountId}:certificate/0a1b2c3d` }, ManagedLoginVersion: 2 },
        brandings: { web: { UseCognitoProvidedValues: false, Settings: { categories: { global: { colorSchemeMode: "DARK" } } } } },
        senderIdentity: {
            name: "example.org",
            identity: {
                IdentityType: "DOMAIN", VerifiedForSendingStatus: true,
                Tags: [{ Key: "team", Value: "identity" }, { Key: "environment", Value: "staging" }],
            },
        },
    },
    /** Case sensitive, required name, custom attributes of each type, a client with listed attribute permissions. */
    "case sensitive with custom attributes": {
        pool: {
            ...common,
            PoolName: "console-custom-attributes",
            UsernameConfiguration: { CaseSensitive: true },
            MfaConfiguration: "OFF",
            Schema: [
                requiredEmail,
                { Name: "name", AttributeDataType: "String", Required: true, Mutable: true, StringAttributeConstraints: { MinLength: "0", MaxLength: "2048" } },
                { Name: "tenant_id", AttributeDataType: "String", Mutable: false, StringAttributeConstraints: { MinLength: "1", MaxLength: "64" } },
                { Name: "plan_level", AttributeDataType: "Number", Mutable: true, NumberAttributeConstraints: { MinValue: "0", MaxValue: "10" } },
                { Name: "beta", AttributeDataType: "Boolean", Mutable: true },
                { Name: "joined_at", AttributeDataType: "DateTime", Mutable: true },
                { Name: "risk_note", AttributeDataType: "String", Mutable: true, DeveloperOnlyAttribute: true, StringAttributeConstraints: { MinLength: "0", MaxLength: "2048" } },
            ],
            EmailConfiguration: { EmailSendingAccount: "COGNITO_DEFAULT" },
        },
        clients: [{
            ...webClient,
            ClientName: "mobile",
            ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            ReadAttributes: ["custom:tenant_id", "email", "name"],
            WriteAttributes: ["name"],
        }],
    },
    /**
     * Made with the API (or before 2020) without UsernameConfiguration: Cognito treats its user names as
     * case-sensitive, and the provider would replace it if the program added the block.
     */
    "without username configuration": {
        pool: {
            ...common,
            PoolName: "api-without-username-configuration",
            MfaConfiguration: "OFF",
            Schema: [requiredEmail],
            EmailConfiguration: { EmailSendingAccount: "COGNITO_DEFAULT" },
        },
        clients: [webClient],
    },
} satisfies Record<string, PoolShape>;

export type PoolShapeName = keyof typeof poolShapes;

/** Creates the pool, its second factors, groups, resource servers, domain, identity providers, clients, branding styles and SES identity, as the console would. */
export async function createPool(cognito: CognitoIdentityProviderClient, local: LocalAws, shape: PoolShape): Promise<CreatedPool> {
    const created = await cognito.send(new CreateUserPoolCommand(shape.pool));
    const poolId = created.UserPool!.Id!;
    if (shape.totp) {
        await cognito.send(new SetUserPoolMfaConfigCommand({
            UserPoolId: poolId, MfaConfiguration: shape.pool.MfaConfiguration, SoftwareTokenMfaConfiguration: { Enabled: true },
        }));
    }
    for (const group of shape.groups ?? []) {
        await cognito.send(new CreateGroupCommand({ ...group, UserPoolId: poolId }));
    }
    for (const server of shape.resourceServers ?? []) {
        await cognito.send(new CreateResourceServerCommand({ ...server, UserPoolId: poolId }));
    }
    if (shape.domain) {
        await cognito.send(new CreateUserPoolDomainCommand({ ...shape.domain, UserPoolId: poolId }));
    }
    for (const provider of shape.identityProviders ?? []) {
        await cognito.send(new CreateIdentityProviderCommand({ ...provider, UserPoolId: poolId }));
    }
    const clientIds: Record<string, string> = {};
    for (const client of shape.clients) {
        const made = await cognito.send(new CreateUserPoolClientCommand({ ...client, UserPoolId: poolId }));
        clientIds[client.ClientName!] = made.UserPoolClient!.ClientId!;
    }
    for (const [clientName, branding] of Object.entries(shape.brandings ?? {})) {
        await cognito.send(new CreateManagedLoginBrandingCommand({ ...branding, UserPoolId: poolId, ClientId: clientIds[clientName] }));
    }
    if (shape.senderIdentity) {
        local.sesIdentities.set(shape.senderIdentity.name, shape.senderIdentity.identity);
    }
    return { poolId, clientIds };
}
