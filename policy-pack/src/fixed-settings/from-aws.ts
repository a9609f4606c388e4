import { deployedPlanFromAws } from "./deployed-plan";
import { isoTime } from "./from-state";
import { FixedSettingsReadError, describe } from "./normalize";
import { IDENTITY_PROVIDER_TYPE, MANAGED_LOGIN_BRANDING_TYPE, USER_POOL_CLIENT_TYPE, USER_POOL_TYPE, fixedInputsOf } from "./table";
import {
    Baseline, BaselineBranding, BaselineClient, BaselineDomain, BaselineEmailIdentity, BaselineGroup, BaselineIdentityProvider, BaselineResourceServer,
    BaselineUserPool,
} from "./types";

type Json = Record<string, any>;

function isObject(v: unknown): v is Json {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

function requireString(v: unknown, where: string): string {
    if (typeof v !== "string" || v === "") {
        throw new FixedSettingsReadError(`${where}: expected a non-empty string, got ${describe(v)}`);
    }
    return v;
}

/** The settings of a type from a Describe response: each row of the table with an AWS reader; an absent value is left out. */
function settingsFromAws(type: string, described: Json, where: string): Record<string, unknown> {
    return Object.fromEntries(fixedInputsOf(type).filter(row => row.fromAws !== undefined)
        .map(row => [row.key, row.fromAws!(described, where)])
        .filter(([, value]) => value !== undefined));
}

/**
 * A pool's fixed settings from a DescribeUserPool response (`{UserPool: {...}}`, or the UserPool object itself),
 * as the AWS SDK returns it, with GetUserPoolMfaConfig's response under `MfaConfig` for the passkeys' relying party id: each row of the table reads its value as an import would leave it in the provider's state.
 */
export function poolFromDescribeUserPool(response: unknown): Omit<BaselineUserPool, "region"> {
    const pool = isObject(response) && isObject(response.UserPool) ? response.UserPool : response;
    if (!isObject(pool)) {
        throw new FixedSettingsReadError(`DescribeUserPool response: expected an object, got ${describe(pool)}`);
    }
    const where = "DescribeUserPool UserPool";
    return {
        id: requireString(pool.Id, `${where}.Id`),
        name: requireString(pool.Name, `${where}.Name`),
        ...settingsFromAws(USER_POOL_TYPE, pool, where),
        ...deployedPlanFromAws(pool),
    } as Omit<BaselineUserPool, "region">;
}

/**
 * A client's fixed settings from a DescribeUserPoolClient response (`{UserPoolClient: {...}}` or the object).
 * The secret is never read; generate_secret is not described, and an import's state has none.
 * `poolUrn` is the URN the pool has (or will have) in the stack.
 */
export function clientFromDescribeUserPoolClient(response: unknown, poolUrn: string): Omit<BaselineClient, "region"> {
    const client = isObject(response) && isObject(response.UserPoolClient) ? response.UserPoolClient : response;
    if (!isObject(client)) {
        throw new FixedSettingsReadError(`DescribeUserPoolClient response: expected an object, got ${describe(client)}`);
    }
    const where = "DescribeUserPoolClient UserPoolClient";
    return {
        id: requireString(client.ClientId, `${where}.ClientId`),
        name: typeof client.ClientName === "string" ? client.ClientName : "",
        userPool: poolUrn,
        ...settingsFromAws(USER_POOL_CLIENT_TYPE, client, where),
    } as Omit<BaselineClient, "region">;
}

/**
 * A branding style from a DescribeManagedLoginBrandingByClient response (`{ManagedLoginBranding: {...}}` or the
 * object), with the URNs its client and pool have in the stack; its id is the provider's, `<pool id>,<style id>`.
 */
export function brandingFromDescribeByClient(response: unknown, clientUrn: string, poolUrn: string): Omit<BaselineBranding, "region"> {
    const style = isObject(response) && isObject(response.ManagedLoginBranding) ? response.ManagedLoginBranding : response;
    if (!isObject(style)) {
        throw new FixedSettingsReadError(`DescribeManagedLoginBrandingByClient response: expected an object, got ${describe(style)}`);
    }
    const where = "DescribeManagedLoginBrandingByClient ManagedLoginBranding";
    return {
        id: `${requireString(style.UserPoolId, `${where}.UserPoolId`)},${requireString(style.ManagedLoginBrandingId, `${where}.ManagedLoginBrandingId`)}`,
        client: clientUrn,
        userPool: poolUrn,
        ...settingsFromAws(MANAGED_LOGIN_BRANDING_TYPE, style, where),
    };
}

/**
 * An identity provider's fixed settings from a DescribeIdentityProvider response (`{IdentityProvider: {...}}` or
 * the object): its name, type and pool. Its ProviderDetails (secrets among them) are never read.
 * The id is the provider's import id, `<pool id>:<provider name>` (identity_provider.go).
 */
export function identityProviderFromDescribeIdentityProvider(response: unknown, poolUrn: string, region: string): BaselineIdentityProvider {
    const provider = isObject(response) && isObject(response.IdentityProvider) ? response.IdentityProvider : response;
    if (!isObject(provider)) {
        throw new FixedSettingsReadError(`DescribeIdentityProvider response: expected an object, got ${describe(provider)}`);
    }
    const where = "DescribeIdentityProvider IdentityProvider";
    const providerName = requireString(provider.ProviderName, `${where}.ProviderName`);
    return {
        id: `${requireString(provider.UserPoolId, `${where}.UserPoolId`)}:${providerName}`,
        region: requireString(region, "region"),
        providerName,
        userPool: poolUrn,
        ...settingsFromAws(IDENTITY_PROVIDER_TYPE, provider, where),
    } as BaselineIdentityProvider;
}

/** One pool read from AWS, with the URNs it has in the stack. */
export interface AwsPoolDescription {
    urn: string;
    /** The region it was read from. */
    region: string;
    describeUserPool: unknown;
    clients?: { urn: string; describeUserPoolClient: unknown }[];
}

/**
 * A baseline (`source: "aws"`) from DescribeUserPool / DescribeUserPoolClient responses, and the SES identities
 * the caller read (by URN; none by default).
 */
export function baselineFromAws(args: {
    stack: string;
    capturedAt?: string | Date;
    pools: AwsPoolDescription[];
    emailIdentities?: Record<string, BaselineEmailIdentity>;
    /** The pools' groups and resource servers by URN, as ListGroups and ListResourceServers name them. */
    groups?: Record<string, BaselineGroup>;
    resourceServers?: Record<string, BaselineResourceServer>;
    /** The pools' domains by URN, as DescribeUserPoolDomain describes them. */
    domains?: Record<string, BaselineDomain>;
    /** The clients' branding styles by URN (brandingFromDescribeByClient). */
    brandings?: Record<string, BaselineBranding>;
    /** The pools' identity providers by URN, as DescribeIdentityProvider describes them. */
    identityProviders?: Record<string, BaselineIdentityProvider>;
}): Baseline {
    const userPools: Record<string, BaselineUserPool> = {};
    const clients: Record<string, BaselineClient> = {};
    for (const p of args.pools) {
        const region = requireString(p.region, "region");
        userPools[p.urn] = { ...poolFromDescribeUserPool(p.describeUserPool), region };
        for (const c of p.clients ?? []) {
            clients[c.urn] = { ...clientFromDescribeUserPoolClient(c.describeUserPoolClient, p.urn), region };
        }
    }
    return {
        source: "aws",
        stack: requireString(args.stack, "stack"),
        capturedAt: isoTime(args.capturedAt),
        userPools,
        clients,
        emailIdentities: { ...args.emailIdentities },
        groups: { ...args.groups },
        resourceServers: { ...args.resourceServers },
        domains: { ...args.domains },
        brandings: { ...args.brandings },
        identityProviders: { ...args.identityProviders },
    };
}
