import { USER_POOL_CLIENT_TYPE } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import { formatDuration, parseDuration } from "../durations";
import { cognitoLimits } from "../limits";
import { checkOAuthSettings, defaultUserScopes, identityProviderName, oauthScope } from "../rules/oauth";
import { redirectUrl } from "../rules/redirect-url";
import { checkTokenLifetimes } from "../rules/token-validity";
import { Described, listOf, problem, ReadContext, section, setting } from "./define";
import { holdsValue, inverseOf, reportedOr, writtenAs } from "./read-back";
import { duration, durationText, resourceName, resourceNameText, uniqueList, uniqueNames } from "./values";

/*
 * An app client's settings: aws.cognito.UserPoolClient inputs, read back with DescribeUserPoolClient.
 */

export const authFlows = ["user_srp", "refresh_token", "user_password", "admin_user_password", "custom", "user_auth"] as const;
export const oauthFlows = ["code", "implicit", "client_credentials"] as const;

const explicitAuthFlows: Record<(typeof authFlows)[number], string> = {
    user_srp: "ALLOW_USER_SRP_AUTH",
    refresh_token: "ALLOW_REFRESH_TOKEN_AUTH",
    user_password: "ALLOW_USER_PASSWORD_AUTH",
    admin_user_password: "ALLOW_ADMIN_USER_PASSWORD_AUTH",
    custom: "ALLOW_CUSTOM_AUTH",
    user_auth: "ALLOW_USER_AUTH",
};
const authFlowOf = inverseOf(explicitAuthFlows);

/** Durations were validated with the settings; a malformed one here is a bug. */
function durationOf(text: string) {
    const parsed = parseDuration(text);
    if (parsed === undefined) {
        throw new Error(`unvalidated token validity: ${text}`);
    }
    return parsed;
}

const { tokenValidity: lifetimes } = cognitoLimits;

/** A lifetime read back: `60m`; the API's default when not reported; a unit config cannot write is a gap. */
function readLifetime(amount: number | undefined, unit: string, fallback: string, where: string, context: ReadContext): string {
    if (amount === undefined) {
        context.note(where, `not reported: assumed the API's default, ${fallback}`);
        return fallback;
    }
    const lifetime = formatDuration(amount, unit);
    if (lifetime === undefined) {
        context.gap(where, `${amount} ${unit}`, "the config model writes token lifetimes in minutes, hours or days");
    }
    return lifetime ?? fallback;
}

/** `fallback` is also the API's default, in the API's default unit (hours for access and ID tokens, days for refresh tokens). */
const tokenLifetime = (token: "access" | "id" | "refresh", fallback: string, defaultUnit: string, what: string, bound = "") => {
    const Token = token[0].toUpperCase() + token.slice(1);
    return setting(duration(lifetimes[token]).default(fallback), {
        doc: `Lifetime of ${what}.`,
        allowed: durationText(lifetimes[token]) + bound,
        input: [`${token}TokenValidity`, `tokenValidityUnits.${token}Token`],
        describe: [`${Token}TokenValidity`, `TokenValidityUnits.${Token}Token`],
        read: ([amount, unit = defaultUnit]: [number | undefined, string | undefined], context) =>
            readLifetime(amount, unit, fallback, `${Token}TokenValidity`, context),
    });
};

const tokenValidity = section({
    access: tokenLifetime("access", "60m", "hours", "access tokens", "; at most `refresh`"),
    id: tokenLifetime("id", "60m", "hours", "ID tokens", "; at most `refresh`"),
    refresh: tokenLifetime("refresh", "30d", "days", "refresh tokens"),
    authSession: setting(duration(lifetimes.authSession).default("3m"), {
        doc: "Lifetime of a sign-in session between challenges.",
        allowed: durationText(lifetimes.authSession),
        input: "authSessionValidity",
        describe: "AuthSessionValidity",
        read: (minutes: number | undefined, context) => readLifetime(minutes, "minutes", "3m", "AuthSessionValidity", context),
    }),
}, {
    doc: "Token lifetimes.",
    scope: "per-environment",
    checks: [checkTokenLifetimes],
    wrap: (object) => object.prefault({}),
    // The provider takes an amount and a unit per token, and the auth session in minutes.
    args: (validity) => {
        const access = durationOf(validity.access);
        const id = durationOf(validity.id);
        const refresh = durationOf(validity.refresh);
        return {
            accessTokenValidity: access.amount,
            idTokenValidity: id.amount,
            refreshTokenValidity: refresh.amount,
            tokenValidityUnits: { accessToken: access.unit, idToken: id.unit, refreshToken: refresh.unit },
            authSessionValidity: durationOf(validity.authSession).minutes,
        };
    },
});

const redirectUrlText = "`https://`, `http://localhost`, or an app scheme (`myapp://`); no fragment; never `javascript:`, `data:`, `vbscript:`";

const urlList = z.array(redirectUrl)
    .max(cognitoLimits.urlsPerClient, { error: `expected at most ${cognitoLimits.urlsPerClient} URLs` });

const oauthFields = ["AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs", "DefaultRedirectURI", "SupportedIdentityProviders"];

/** The OAuth settings of a client with OAuth flows enabled; the program sets none on any other. */
function readOAuth(client: Described, context: ReadContext) {
    if (!client.AllowedOAuthFlowsUserPoolClient) {
        for (const key of oauthFields.filter((key) => holdsValue(client[key]))) {
            context.gap(key, client[key], "the program sets OAuth settings only on a client with OAuth flows enabled");
        }
        return undefined;
    }
    return {
        flows: client.AllowedOAuthFlows ?? [],
        scopes: client.AllowedOAuthScopes ?? [],
        callbackUrls: client.CallbackURLs ?? [],
        logoutUrls: client.LogoutURLs ?? [],
        ...(client.DefaultRedirectURI ? { defaultRedirectUrl: client.DefaultRedirectURI } : {}),
        identityProviders: client.SupportedIdentityProviders ?? [],
    };
}

const oauth = section({
    flows: setting(uniqueList(z.enum(oauthFlows)).min(1, { error: "expected at least one of code, implicit, client_credentials" }), {
        doc: "OAuth 2.0 grant types.",
        input: ["allowedOauthFlows", "allowedOauthFlowsUserPoolClient"],
        describe: ["AllowedOAuthFlows", "AllowedOAuthFlowsUserPoolClient"],
    }),
    scopes: setting(uniqueList(oauthScope).max(cognitoLimits.scopesPerClient).optional(), {
        doc: "Scopes the client may request; client_credentials names its custom scopes.",
        defaultText: `\`[${defaultUserScopes.join(", ")}]\`; none for client_credentials`,
        allowed: "at most 50: `openid`, `email`, `phone`, `profile`, `aws.cognito.signin.user.admin`, `<resource server>/<scope>`; " +
            "client_credentials names resource-server scopes only",
        input: "allowedOauthScopes",
        describe: "AllowedOAuthScopes",
    }),
    callbackUrls: setting(urlList.default([]), {
        doc: "Where the hosted sign-in may redirect after sign-in.",
        allowed: `at most ${cognitoLimits.urlsPerClient} absolute URLs: ${redirectUrlText}`,
        input: "callbackUrls",
        describe: "CallbackURLs",
    }),
    logoutUrls: setting(urlList.default([]), {
        doc: "Where it may redirect after sign-out.",
        allowed: `at most ${cognitoLimits.urlsPerClient} absolute URLs: ${redirectUrlText}`,
        input: "logoutUrls",
        describe: "LogoutURLs",
    }),
    defaultRedirectUrl: setting(redirectUrl.optional(), {
        doc: "The redirect used when a sign-in request names none; one of callbackUrls.",
        allowed: "one of `callbackUrls`",
        input: "defaultRedirectUri",
        describe: "DefaultRedirectURI",
    }),
    identityProviders: setting(uniqueList(identityProviderName).default(["COGNITO"]), {
        doc: "Identity providers offered.",
        allowed: "COGNITO or identity provider names, 1 to 32 characters without spaces",
        input: "supportedIdentityProviders",
        describe: "SupportedIdentityProviders",
    }),
}, {
    doc: "OAuth 2.0 flows, scopes and URLs, for clients that use the hosted sign-in or client credentials. Default: none.",
    checks: [checkOAuthSettings],
    wrap: (object) => object.optional(),
    read: readOAuth,
    args: (oauth) => oauth === undefined ? { allowedOauthFlowsUserPoolClient: false } : {
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: oauth.flows,
        // Validation requires client_credentials to name its scopes: the default is for people signing in.
        allowedOauthScopes: oauth.scopes ?? [...defaultUserScopes],
        callbackUrls: oauth.callbackUrls,
        logoutUrls: oauth.logoutUrls,
        ...(oauth.defaultRedirectUrl === undefined ? {} : { defaultRedirectUri: oauth.defaultRedirectUrl }),
        supportedIdentityProviders: oauth.identityProviders,
    },
});

const attributePermissions = (what: string, input: string, describe: string, allowed: string) =>
    setting(z.union([z.literal("all"), uniqueList(z.string().min(1))], { error: "expected all, or a list of attribute names" })
        .default("all"), {
        doc: `Attributes the client may ${what}; all leaves it to Cognito's default.`,
        allowed,
        input,
        describe,
        map: (permissions) => permissions === "all" ? undefined : permissions,
        read: (permissions: string[] | undefined) => permissions?.length ? permissions : "all",
    });

/** Whether Cognito generates a secret for this client: confidential clients have one unless told otherwise. */
export function hasSecret(client: { type: "public" | "confidential"; generateSecret?: boolean }): boolean {
    return client.generateSecret ?? client.type === "confidential";
}

export const clients = listOf({
    name: setting(resourceName, {
        doc: "The client's name; also its identity in the stack (renaming it replaces the client).",
        allowed: resourceNameText,
        input: "name",
        describe: "ClientName",
    }),
    type: setting(z.enum(["public", "confidential"]).default("public"), {
        doc: "public (browsers and devices, no secret) or confidential (servers, with a secret); decides generateSecret's default.",
        decides: "generateSecret",
        describe: "ClientSecret",
        read: (secret: string | undefined) => secret ? "confidential" : "public",
    }),
    generateSecret: setting(z.boolean().optional(), {
        doc: "Whether Cognito generates a secret.",
        defaultText: "true for confidential, false for public",
        input: "generateSecret",
        describe: "ClientSecret",
        map: (_generate, client) => hasSecret(client),
        // The client's type says it.
        read: () => undefined,
    }),
    authFlows: setting(uniqueList(z.enum(authFlows)).default(["user_srp", "refresh_token"]), {
        doc: "Sign-in flows allowed (the default is what amazon-cognito-identity-js uses).",
        input: "explicitAuthFlows",
        describe: "ExplicitAuthFlows",
        map: (flows) => flows.map((flow) => explicitAuthFlows[flow]),
        read: (flows: string[] | undefined, context) => (flows ?? []).map((flow) => {
            if (authFlowOf[flow] === undefined) {
                context.gap("ExplicitAuthFlows", flow, `the config model allows ${Object.values(explicitAuthFlows).join(", ")}`);
            }
            return authFlowOf[flow];
        }).filter((flow) => flow !== undefined),
    }),
    tokenValidity,
    tokenRevocation: setting(z.boolean().default(true), {
        doc: "Refresh tokens can be revoked; adds jti and origin_jti claims.",
        input: "enableTokenRevocation",
        describe: "EnableTokenRevocation",
        read: (revocation: boolean | undefined, context) => reportedOr(revocation, true, "EnableTokenRevocation", context),
    }),
    preventUserExistenceErrors: setting(z.boolean().default(true), {
        doc: "A failed sign-in does not reveal whether the user exists.",
        input: "preventUserExistenceErrors",
        ...writtenAs("ENABLED", "LEGACY", "PreventUserExistenceErrors"),
    }),
    readAttributes: attributePermissions("read", "readAttributes", "ReadAttributes",
        "`all` or a list: standard attributes, `custom:<declared name>`, also `sub`, `email_verified`, `phone_number_verified`"),
    writeAttributes: attributePermissions("write", "writeAttributes", "WriteAttributes",
        "`all` or a list: standard attributes, `custom:<declared name>`"),
    oauth,
}, {
    doc: "The app clients.",
    resourceType: USER_POOL_CLIENT_TYPE,
    checks: [(client, ctx) => {
        if (client.type === "public" && client.generateSecret === true) {
            problem(ctx, ["generateSecret"], true, "a public client runs on users' devices and cannot keep a secret: use type: confidential");
        }
        if (client.type === "public" && client.oauth?.flows.includes("client_credentials")) {
            problem(ctx, ["oauth", "flows"], client.oauth.flows, "client_credentials needs a client secret: use type: confidential");
        }
        if (client.type === "confidential" && client.generateSecret === false && client.oauth?.flows.includes("client_credentials")) {
            problem(ctx, ["oauth", "flows"], client.oauth.flows, "client_credentials needs a client secret: remove generateSecret: false");
        }
    }],
    wrap: (client) => uniqueNames(z.array(client)
        .min(1, { error: "expected at least one app client" })
        .max(cognitoLimits.clientsPerPool, { error: `expected at most ${cognitoLimits.clientsPerPool} app clients` }), "client")
        .prefault([{ name: "web" }]),
});
