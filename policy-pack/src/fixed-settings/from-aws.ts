import { isoTime } from "./from-state";
import {
    FixedSettingsReadError,
    describe,
    finishAttributes,
    normalizeAttribute,
    requireBoolean,
    normalizeNameList,
} from "./normalize";
import { ALIAS_ATTRIBUTE_VALUES, Baseline, BaselineClient, BaselineEmailIdentity, BaselineUserPool, USERNAME_ATTRIBUTE_VALUES } from "./types";

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

/**
 * A pool's fixed settings from a DescribeUserPool response (`{UserPool: {...}}`, or the UserPool object itself),
 * as the AWS SDK returns it. AWS lists every standard attribute; those at Cognito's default are left out, and
 * `dev:custom:x` / `custom:x` become `custom:x`, so that the result equals what the state of the same pool gives.
 * No UsernameConfiguration in the response leaves caseSensitive out, as the provider's state does.
 */
export function poolFromDescribeUserPool(response: unknown): Omit<BaselineUserPool, "region"> {
    const pool = isObject(response) && isObject(response.UserPool) ? response.UserPool : response;
    if (!isObject(pool)) {
        throw new FixedSettingsReadError(`DescribeUserPool response: expected an object, got ${describe(pool)}`);
    }
    const where = "DescribeUserPool UserPool";
    const schema = pool.SchemaAttributes ?? [];
    if (!Array.isArray(schema)) {
        throw new FixedSettingsReadError(`${where}.SchemaAttributes: expected a list, got ${describe(schema)}`);
    }
    const attributes = schema.map((a: unknown, i: number) => {
        const at = `${where}.SchemaAttributes[${i}]`;
        if (!isObject(a)) {
            throw new FixedSettingsReadError(`${at}: expected an object, got ${describe(a)}`);
        }
        const sc: Json = a.StringAttributeConstraints ?? {};
        const nc: Json = a.NumberAttributeConstraints ?? {};
        return normalizeAttribute(
            {
                name: a.Name,
                dataType: a.AttributeDataType,
                required: a.Required,
                mutable: a.Mutable,
                developerOnly: a.DeveloperOnlyAttribute,
                minLength: sc.MinLength,
                maxLength: sc.MaxLength,
                minValue: nc.MinValue,
                maxValue: nc.MaxValue,
            },
            at,
        );
    });
    const uc = pool.UsernameConfiguration;
    return {
        id: requireString(pool.Id, `${where}.Id`),
        name: requireString(pool.Name, `${where}.Name`),
        usernameAttributes: normalizeNameList(pool.UsernameAttributes, `${where}.UsernameAttributes`, USERNAME_ATTRIBUTE_VALUES),
        aliasAttributes: normalizeNameList(pool.AliasAttributes, `${where}.AliasAttributes`, ALIAS_ATTRIBUTE_VALUES),
        ...(isObject(uc) ? { caseSensitive: requireBoolean(uc.CaseSensitive, `${where}.UsernameConfiguration.CaseSensitive`) } : {}),
        attributes: finishAttributes(attributes, `${where}.SchemaAttributes`),
    };
}

/**
 * A client's fixed settings from a DescribeUserPoolClient response (`{UserPoolClient: {...}}` or the object).
 * `generateSecret` is whether a ClientSecret is present; the secret itself is never kept.
 * `poolUrn` is the URN the pool has (or will have) in the stack.
 */
export function clientFromDescribeUserPoolClient(response: unknown, poolUrn: string): Omit<BaselineClient, "region"> {
    const client = isObject(response) && isObject(response.UserPoolClient) ? response.UserPoolClient : response;
    if (!isObject(client)) {
        throw new FixedSettingsReadError(`DescribeUserPoolClient response: expected an object, got ${describe(client)}`);
    }
    const where = "DescribeUserPoolClient UserPoolClient";
    const secret = client.ClientSecret;
    return {
        id: requireString(client.ClientId, `${where}.ClientId`),
        name: typeof client.ClientName === "string" ? client.ClientName : "",
        userPool: poolUrn,
        generateSecret: typeof secret === "string" ? secret.length > 0 : secret !== undefined && secret !== null,
    };
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
    };
}
