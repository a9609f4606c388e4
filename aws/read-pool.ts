import {
    DescribeIdentityProviderCommand,
    DescribeRiskConfigurationCommand,
    DescribeManagedLoginBrandingByClientCommand,
    DescribeUserPoolClientCommand,
    DescribeUserPoolCommand,
    DescribeUserPoolDomainCommand,
    DomainDescriptionType,
    GetLogDeliveryConfigurationCommand,
    GetUserPoolMfaConfigCommand,
    GetUserPoolMfaConfigResponse,
    GroupType,
    IdentityProviderType,
    LogDeliveryConfigurationType,
    ManagedLoginBrandingType,
    paginateListGroups,
    paginateListIdentityProviders,
    paginateListResourceServers,
    paginateListUserPoolClients,
    ResourceServerType,
    RiskConfigurationType,
    UserPoolClientType,
    UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import { GetEmailIdentityCommand, GetEmailIdentityResponse } from "@aws-sdk/client-sesv2";
import { credentialPlaceholder, DescribedPool } from "../config";
import { awsClients, AwsClients, closeClients, regionOfPoolId } from "./clients";
import { readFromAws } from "./errors";

/** Stands for a client secret (an app client's, an identity provider's): a read pool never holds one, only whether there is one. */
export const redactedSecret = credentialPlaceholder;

/** The SES identity a pool sends its email through, as GetEmailIdentity describes it. */
export interface LiveSenderIdentity {
    /** The address or domain, from the pool's EmailConfiguration.SourceArn. */
    readonly name: string;
    readonly description: Omit<GetEmailIdentityResponse, "$metadata">;
}

/** Everything the commands read about one pool, as the AWS API returns it (PascalCase). */
export interface LivePool {
    readonly region: string;
    readonly pool: UserPoolType;
    readonly mfa: Omit<GetUserPoolMfaConfigResponse, "$metadata">;
    /** Every app client of the pool, secrets replaced by `redactedSecret`. */
    readonly clients: UserPoolClientType[];
    /** Every group of the pool (ListGroups). */
    readonly groups: GroupType[];
    /** Every resource server of the pool with its scopes (ListResourceServers). */
    readonly resourceServers: ResourceServerType[];
    /** Every identity provider of the pool (ListIdentityProviders, DescribeIdentityProvider), its client_secret replaced by `redactedSecret`. */
    readonly identityProviders: IdentityProviderType[];
    /**
     * The pool's domain (DescribeUserPoolDomain of DescribeUserPool's CustomDomain, else its Domain), when it has
     * one; the other, when it has both, is in `pool`.
     */
    readonly domain?: DomainDescriptionType;
    /** Where the pool delivers its logs (GetLogDeliveryConfiguration), when it names any. */
    readonly logDelivery?: LogDeliveryConfigurationType;
    /** The clients' managed login branding styles (DescribeManagedLoginBrandingByClient), by client id: none for a client without one. */
    readonly brandings: Readonly<Record<string, ManagedLoginBrandingType>>;
    /** Read when the pool sends through SES with an identity in its own region. */
    readonly senderIdentity?: LiveSenderIdentity;
    /**
     * The pool-wide risk configuration (DescribeRiskConfiguration), read while threat protection is on: the API
     * refuses it otherwise (UserPoolAddOnNotEnabledException, API reference).
     */
    readonly riskConfiguration?: RiskConfigurationType;
}

/**
 * The pool as the catalogue's Describe paths name it: DescribeUserPool's UserPool, GetUserPoolMfaConfig's under
 * `MfaConfig`, DescribeRiskConfiguration's under `RiskConfiguration`.
 */
export function poolDescription(live: LivePool): DescribedPool {
    return { ...live.pool, MfaConfig: live.mfa, ...(live.riskConfiguration === undefined ? {} : { RiskConfiguration: live.riskConfiguration }) };
}

/** `arn:aws:ses:<region>:<account>:identity/<address or domain>` → its region and identity. */
export function parseIdentityArn(arn: string): { region: string; account: string; identity: string } | undefined {
    const match = /^arn:aws[a-z-]*:ses:([^:]*):([^:]*):identity\/(.+)$/.exec(arn);
    return match ? { region: match[1], account: match[2], identity: match[3] } : undefined;
}

/**
 * Reads a pool: DescribeUserPool, GetUserPoolMfaConfig (second factors are not in DescribeUserPool),
 * ListUserPoolClients (all pages) and DescribeUserPoolClient for each, ListGroups and ListResourceServers (all
 * pages; each item is the whole group or resource server), ListIdentityProviders (all pages; names and types only)
 * and DescribeIdentityProvider for each, DescribeUserPoolDomain for its domain, GetLogDeliveryConfiguration for its
 * log delivery, DescribeManagedLoginBrandingByClient for each client's style, GetEmailIdentity for its SES sender, and
 * DescribeRiskConfiguration while threat protection is on.
 */
export async function readLivePool(aws: AwsClients, poolId: string): Promise<LivePool> {
    const target = `user pool ${poolId}`;
    const { region } = aws;
    const described = await readFromAws({ action: "DescribeUserPool", target, region },
        () => aws.cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId })));
    const pool = described.UserPool;
    if (pool === undefined) {
        throw new Error(`DescribeUserPool returned no UserPool for ${poolId}`);
    }
    const { $metadata: _mfaMetadata, ...mfa } = await readFromAws({ action: "GetUserPoolMfaConfig", target, region },
        () => aws.cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId })));
    const clients: UserPoolClientType[] = [];
    for (const clientId of await listClientIds(aws, poolId)) {
        clients.push(await readClient(aws, poolId, clientId));
    }
    const groups = await listAll("ListGroups", aws, poolId, async (items: GroupType[]) => {
        // ListGroups takes Limit (1 to 60), ListResourceServers MaxResults (1 to 50): API reference, each action's page.
        for await (const page of paginateListGroups({ client: aws.cognito }, { UserPoolId: poolId, Limit: 60 })) {
            items.push(...page.Groups ?? []);
        }
    });
    const resourceServers = await listAll("ListResourceServers", aws, poolId, async (items: ResourceServerType[]) => {
        for await (const page of paginateListResourceServers({ client: aws.cognito }, { UserPoolId: poolId, MaxResults: 50 })) {
            items.push(...page.ResourceServers ?? []);
        }
    });
    const providerNames = await listAll("ListIdentityProviders", aws, poolId, async (names: string[]) => {
        // MaxResults 1 to 60 (API reference, ListIdentityProviders).
        for await (const page of paginateListIdentityProviders({ client: aws.cognito }, { UserPoolId: poolId, MaxResults: 60 })) {
            names.push(...(page.Providers ?? []).map((provider) => provider.ProviderName).filter((name): name is string => !!name));
        }
    });
    const identityProviders: IdentityProviderType[] = [];
    for (const name of providerNames) {
        identityProviders.push(await readIdentityProvider(aws, poolId, name));
    }
    const { LogDeliveryConfiguration: logDelivery } = await readFromAws({ action: "GetLogDeliveryConfiguration", target, region },
        () => aws.cognito.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: poolId })));
    const riskConfiguration = (pool.UserPoolAddOns?.AdvancedSecurityMode ?? "OFF") === "OFF" ? undefined
        : (await readFromAws({ action: "DescribeRiskConfiguration", target, region },
            () => aws.cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId: poolId })))).RiskConfiguration;
    const brandings: Record<string, ManagedLoginBrandingType> = {};
    for (const client of clients) {
        const style = await readBranding(aws, poolId, client.ClientId ?? "");
        if (style !== undefined) {
            brandings[client.ClientId ?? ""] = style;
        }
    }
    return {
        region, pool, mfa, clients, groups, resourceServers, identityProviders, domain: await readDomain(aws, pool),
        // A pool without one answers no LogDeliveryConfiguration (terraform-provider-aws log_delivery_configuration.go, findLogDeliveryConfigurationByUserPoolID).
        ...((logDelivery?.LogConfigurations ?? []).length > 0 ? { logDelivery } : {}),
        ...(riskConfiguration === undefined ? {} : { riskConfiguration }),
        brandings,
        senderIdentity: await readSenderIdentity(aws, pool),
    };
}

/** Every item of a paged List action of a pool. */
async function listAll<T>(action: string, aws: AwsClients, poolId: string, read: (items: T[]) => Promise<void>): Promise<T[]> {
    const items: T[] = [];
    await readFromAws({ action, target: `user pool ${poolId}`, region: aws.region }, () => read(items));
    return items;
}

/** Reads a pool with clients of its own: region given, else the pool id's, else the AWS chain's. */
export async function readPoolById(poolId: string, region?: string): Promise<LivePool> {
    const clients = await awsClients(region ?? regionOfPoolId(poolId));
    try {
        return await readLivePool(clients, poolId);
    } finally {
        closeClients(clients);
    }
}

function listClientIds(aws: AwsClients, poolId: string): Promise<string[]> {
    return listAll("ListUserPoolClients", aws, poolId, async (ids: string[]) => {
        for await (const page of paginateListUserPoolClients({ client: aws.cognito }, { UserPoolId: poolId, MaxResults: 60 })) {
            ids.push(...(page.UserPoolClients ?? []).map((client) => client.ClientId).filter((id): id is string => !!id));
        }
    });
}

async function readClient(aws: AwsClients, poolId: string, clientId: string): Promise<UserPoolClientType> {
    const described = await readFromAws(
        { action: "DescribeUserPoolClient", target: `app client ${clientId} of user pool ${poolId}`, region: aws.region },
        () => aws.cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })));
    const { RefreshTokenRotation: rotation, ...client } = described.UserPoolClient ?? { ClientId: clientId };
    // AWS reports `{Feature: DISABLED, RetryGracePeriodSeconds: 0}` for a client never given rotation
    // (terraform-provider-aws PR #47374: "AWS returns the default disabled refresh_token_rotation object"): that is no rotation,
    // as the program's inputs write it (none), so that adopt and drift compare like with like.
    const rotating = rotation?.Feature === "DISABLED" ? {} : rotation === undefined ? {} : { RefreshTokenRotation: rotation };
    return { ...client, ...rotating, ...(client.ClientSecret ? { ClientSecret: redactedSecret } : {}) };
}

/**
 * A client's branding style, only what differs from Cognito's defaults (ReturnMergedResources false, as the provider's
 * Read keeps `settings`: managed_login_branding.go); a client without one answers ResourceNotFoundException, as the
 * provider's Read takes it (findManagedLoginBrandingByClient: NotFound, the next client).
 */
async function readBranding(aws: AwsClients, poolId: string, clientId: string): Promise<ManagedLoginBrandingType | undefined> {
    const target = `the branding style of app client ${clientId} of user pool ${poolId}`;
    return readFromAws({ action: "DescribeManagedLoginBrandingByClient", target, region: aws.region }, async () => {
        try {
            const described = await aws.cognito.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: poolId, ClientId: clientId, ReturnMergedResources: false }));
            return described.ManagedLoginBranding;
        } catch (error) {
            if ((error as { name?: string }).name === "ResourceNotFoundException") {
                return undefined;
            }
            throw error;
        }
    });
}

/** An identity provider; DescribeIdentityProvider returns its client_secret, which is never kept (an Apple private_key it never returns). */
async function readIdentityProvider(aws: AwsClients, poolId: string, name: string): Promise<IdentityProviderType> {
    const described = await readFromAws(
        { action: "DescribeIdentityProvider", target: `identity provider ${name} of user pool ${poolId}`, region: aws.region },
        () => aws.cognito.send(new DescribeIdentityProviderCommand({ UserPoolId: poolId, ProviderName: name })));
    const provider = described.IdentityProvider ?? { ProviderName: name };
    const details = provider.ProviderDetails;
    return details?.client_secret ? { ...provider, ProviderDetails: { ...details, client_secret: redactedSecret } } : provider;
}

/** The custom domain of a pool that has one, else its prefix domain; the stack manages one (config/catalogue/domain.ts). */
async function readDomain(aws: AwsClients, pool: UserPoolType): Promise<DomainDescriptionType | undefined> {
    const domain = pool.CustomDomain || pool.Domain;
    if (!domain) {
        return undefined;
    }
    const described = await readFromAws({ action: "DescribeUserPoolDomain", target: `domain ${domain} of user pool ${pool.Id}`, region: aws.region },
        () => aws.cognito.send(new DescribeUserPoolDomainCommand({ Domain: domain })));
    return described.DomainDescription;
}

async function readSenderIdentity(aws: AwsClients, pool: UserPoolType): Promise<LiveSenderIdentity | undefined> {
    const email = pool.EmailConfiguration;
    const arn = email?.EmailSendingAccount === "DEVELOPER" && email.SourceArn ? parseIdentityArn(email.SourceArn) : undefined;
    if (arn === undefined || arn.region !== aws.region) {
        return undefined;
    }
    const { $metadata: _metadata, ...description } = await readFromAws(
        { action: "GetEmailIdentity", target: `SES identity ${arn.identity} (the sender of user pool ${pool.Id})`, region: aws.region },
        () => aws.ses.send(new GetEmailIdentityCommand({ EmailIdentity: arn.identity })));
    return { name: arn.identity, description };
}
