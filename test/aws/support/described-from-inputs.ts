import type { Described } from "../../../config";

/*
 * What the AWS API describes for a pool or client the provider created from given inputs: each input under
 * the API's name for it, as terraform-provider-aws sends it (internal/service/cognitoidp/user_pool.go and
 * user_pool_client.go, the expand functions behind CreateUserPool, SetUserPoolMfaConfig and
 * CreateUserPoolClient), keys in the API's PascalCase. A model independent of the catalogue's Describe paths,
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
    "emailConfiguration.fromEmailAddress": "EmailConfiguration.From",
    "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates": "UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate",
};

const clientNames: Readonly<Record<string, string>> = {
    name: "ClientName",
    allowedOauthFlows: "AllowedOAuthFlows",
    allowedOauthFlowsUserPoolClient: "AllowedOAuthFlowsUserPoolClient",
    allowedOauthScopes: "AllowedOAuthScopes",
    callbackUrls: "CallbackURLs",
    logoutUrls: "LogoutURLs",
    defaultRedirectUri: "DefaultRedirectURI",
};

/** Maps whose keys are the user's, not the API's. */
const userKeyed = new Set(["tags"]);

const pascal = (name: string) => name[0].toUpperCase() + name.slice(1);
const isMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** A value as the API writes it: the keys of its objects PascalCased, unset fields left out. */
function apiValue(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(apiValue);
    }
    if (isMap(value)) {
        return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined).map(([key, inner]) => [pascal(key), apiValue(inner)]));
    }
    return value;
}

function setAt(target: Record<string, any>, path: string, value: unknown): void {
    const parts = path.split(".");
    const last = parts.pop()!;
    parts.reduce((inner, part) => (inner[part] ??= {}), target)[last] = value;
}

function described(inputs: Record<string, unknown>, names: Readonly<Record<string, string>>): Record<string, any> {
    const resource: Record<string, any> = {};
    const walk = (value: unknown, path: string) => {
        if (value === undefined) {
            return;
        }
        if (names[path] !== undefined) {
            setAt(resource, names[path], userKeyed.has(path) ? value : apiValue(value));
        } else if (isMap(value) && Object.keys(value).length > 0) {
            Object.entries(value).forEach(([key, inner]) => walk(inner, path === "" ? key : `${path}.${key}`));
        } else {
            setAt(resource, path.split(".").map(pascal).join("."), apiValue(value));
        }
    };
    walk(inputs, "");
    return resource;
}

/** DescribeUserPool's UserPool with GetUserPoolMfaConfig's output under `MfaConfig`. */
export function describedPool(id: string, inputs: Record<string, unknown>): Described {
    const pool = described(inputs, poolNames);
    // SMS settings serve verification and MFA alike: with MFA on, the provider sends them as the SMS factor too.
    if (pool.MfaConfiguration !== "OFF" && pool.SmsConfiguration !== undefined) {
        setAt(pool, "MfaConfig.SmsMfaConfiguration.SmsConfiguration", pool.SmsConfiguration);
    }
    return { Id: id, ...pool, MfaConfig: { MfaConfiguration: pool.MfaConfiguration, ...pool.MfaConfig } };
}

/** DescribeUserPoolClient's UserPoolClient; a generated secret is reported, never what it is. */
export function describedClient(id: string, inputs: Record<string, unknown>): Described {
    const { generateSecret, userPoolId: _pool, ...rest } = inputs;
    return { ClientId: id, ...described(rest, clientNames), ...(generateSecret ? { ClientSecret: "[secret]" } : {}) };
}
