import type { UserPoolClientType } from "@aws-sdk/client-cognito-identity-provider";
import type { UserPoolClientArgs } from "@pulumi/aws/cognito";
import type { Input } from "@pulumi/pulumi";
import { USER_POOL_CLIENT_TYPE } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import { formatDuration, parseDuration } from "../rules/durations";
import { cognitoLimits } from "../rules/limits";
import { checkOAuthSettings, defaultUserScopes, identityProviderName, oauthScope } from "../rules/oauth";
import { redirectUrl } from "../rules/redirect-url";
import { checkTokenLifetimes } from "../rules/token-validity";
import { branding } from "./branding";
import { listOf, problem, section, setting } from "./define";
import { holdsValue, inverseOf, ReadContext, reportedOr } from "./read-back";
import { checkRotationFlows, refreshTokenRotation, refreshTokenRotationArgs, refreshTokenRotationFromDescribed } from "./refresh-token-rotation";
import { duration, durationText, resourceName, resourceNameText, uniqueList, uniqueNames } from "./values";
import { withoutUnset } from "./without-unset";

/*
 * An app client's settings: aws.cognito.UserPoolClient inputs (appClientArgs), read back from DescribeUserPoolClient
 * (clientFromDescribed).
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
const authSessionDefault = "3m";

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

/** The API's default of each token lifetime (also the config's), and the unit it counts the amount in when it reports none. */
const tokenDefaults = {
    access: { lifetime: "60m", unit: "hours" },
    id: { lifetime: "60m", unit: "hours" },
    refresh: { lifetime: "30d", unit: "days" },
} as const;

const tokenLifetime = (token: "access" | "id" | "refresh", what: string, bound = "") => {
    const Token = token[0].toUpperCase() + token.slice(1);
    return setting(duration(lifetimes[token]).default(tokenDefaults[token].lifetime), {
        doc: `Lifetime of ${what}.`,
        allowed: durationText(lifetimes[token]) + bound,
        input: [`${token}TokenValidity`, `tokenValidityUnits.${token}Token`],
        describe: [`${Token}TokenValidity`, `TokenValidityUnits.${Token}Token`],
    });
};

const tokenValidity = section({
    access: tokenLifetime("access", "access tokens", "; at most `refresh`"),
    id: tokenLifetime("id", "ID tokens", "; at most `refresh`"),
    refresh: tokenLifetime("refresh", "refresh tokens"),
    authSession: setting(duration(lifetimes.authSession).default(authSessionDefault), {
        doc: "Lifetime of a sign-in session between challenges.",
        allowed: durationText(lifetimes.authSession),
        input: "authSessionValidity",
        describe: "AuthSessionValidity",
    }),
}, {
    doc: "Token lifetimes.",
    scope: "per-environment",
    checks: [checkTokenLifetimes],
    wrap: (object) => object.prefault({}),
});

const redirectUrlText = "`https://`, `http://localhost`, or an app scheme (`myapp://`); no fragment; never `javascript:`, `data:`, `vbscript:`";

const urlList = z.array(redirectUrl)
    .max(cognitoLimits.urlsPerClient, { error: `expected at most ${cognitoLimits.urlsPerClient} URLs` });

const oauthFields = ["AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs", "DefaultRedirectURI", "SupportedIdentityProviders"] as const;

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
});

const attributePermissions = (what: string, input: string, describe: string, allowed: string) =>
    setting(z.union([z.literal("all"), uniqueList(z.string().min(1))], { error: "expected all, or a list of attribute names" })
        .default("all"), {
        doc: `Attributes the client may ${what}; all leaves it to Cognito's default.`,
        allowed,
        input,
        describe,
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
    }),
    generateSecret: setting(z.boolean().optional(), {
        doc: "Whether Cognito generates a secret.",
        defaultText: "true for confidential, false for public",
        input: "generateSecret",
        describe: "ClientSecret",
    }),
    authFlows: setting(uniqueList(z.enum(authFlows)).default(["user_srp", "refresh_token"]), {
        doc: "Sign-in flows allowed (the default is what amazon-cognito-identity-js uses).",
        input: "explicitAuthFlows",
        describe: "ExplicitAuthFlows",
    }),
    tokenValidity,
    tokenRevocation: setting(z.boolean().default(true), {
        doc: "Refresh tokens can be revoked; adds jti and origin_jti claims.",
        input: "enableTokenRevocation",
        describe: "EnableTokenRevocation",
    }),
    refreshTokenRotation,
    preventUserExistenceErrors: setting(z.boolean().default(true), {
        doc: "A failed sign-in does not reveal whether the user exists.",
        input: "preventUserExistenceErrors",
        describe: "PreventUserExistenceErrors",
    }),
    readAttributes: attributePermissions("read", "readAttributes", "ReadAttributes",
        "`all` or a list: standard attributes, `custom:<declared name>`, also `sub`, `email_verified`, `phone_number_verified`"),
    writeAttributes: attributePermissions("write", "writeAttributes", "WriteAttributes",
        "`all` or a list: standard attributes, `custom:<declared name>`"),
    oauth,
    branding,
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
    }, checkRotationFlows],
    wrap: (client) => uniqueNames(z.array(client)
        .min(1, { error: "expected at least one app client" })
        .max(cognitoLimits.clientsPerPool, { error: `expected at most ${cognitoLimits.clientsPerPool} app clients` }), "client")
        .prefault([{ name: "web" }]),
});

/** A client's settings, parsed (defaults applied). */
export type ClientSettings = z.output<typeof clients.schema>[number];
/** A client as a stack file writes it. */
export type ClientInput = NonNullable<z.input<typeof clients.schema>>[number];

/**
 * A client's aws.cognito.UserPoolClient inputs. An imported client gets no generateSecret: the provider's Read never
 * sets generate_secret, so its state holds null, and its RequiresReplace plan modifier replaces the client when the
 * program sends true or false (terraform-provider-aws 6.x internal/service/cognitoidp/user_pool_client.go; the pack's
 * table, policy-pack/src/fixed-settings/table.ts).
 */
export function appClientArgs(client: ClientSettings, userPoolId: Input<string>, imported = false): UserPoolClientArgs {
    // The provider takes an amount and a unit per token, and the auth session in minutes.
    const access = durationOf(client.tokenValidity.access);
    const id = durationOf(client.tokenValidity.id);
    const refresh = durationOf(client.tokenValidity.refresh);
    return withoutUnset({
        name: client.name,
        generateSecret: imported ? undefined : hasSecret(client),
        explicitAuthFlows: client.authFlows.map((flow) => explicitAuthFlows[flow]),
        accessTokenValidity: access.amount,
        idTokenValidity: id.amount,
        refreshTokenValidity: refresh.amount,
        tokenValidityUnits: { accessToken: access.unit, idToken: id.unit, refreshToken: refresh.unit },
        authSessionValidity: durationOf(client.tokenValidity.authSession).minutes,
        enableTokenRevocation: client.tokenRevocation,
        ...refreshTokenRotationArgs(client.refreshTokenRotation),
        preventUserExistenceErrors: client.preventUserExistenceErrors ? "ENABLED" : "LEGACY",
        // `all` leaves the attributes to Cognito's default.
        readAttributes: client.readAttributes === "all" ? undefined : client.readAttributes,
        writeAttributes: client.writeAttributes === "all" ? undefined : client.writeAttributes,
        ...oauthArgs(client.oauth),
        userPoolId,
    });
}

function oauthArgs(oauth: ClientSettings["oauth"]): Partial<UserPoolClientArgs> {
    if (oauth === undefined) {
        return { allowedOauthFlowsUserPoolClient: false };
    }
    return withoutUnset({
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: oauth.flows,
        // Validation requires client_credentials to name its scopes: the default is for people signing in.
        allowedOauthScopes: oauth.scopes ?? [...defaultUserScopes],
        callbackUrls: oauth.callbackUrls,
        logoutUrls: oauth.logoutUrls,
        defaultRedirectUri: oauth.defaultRedirectUrl,
        supportedIdentityProviders: oauth.identityProviders,
    });
}

/** A client's settings read back from DescribeUserPoolClient; whether it has a secret is its type (generateSecret is not written). */
export function clientFromDescribed(client: UserPoolClientType, context: ReadContext): ClientInput {
    const units = client.TokenValidityUnits;
    const lifetime = (token: "access" | "id" | "refresh", amount: number | undefined, unit: string | undefined) =>
        readLifetime(amount, unit ?? tokenDefaults[token].unit, tokenDefaults[token].lifetime, `${token[0].toUpperCase()}${token.slice(1)}TokenValidity`, context);
    return withoutUnset({
        name: client.ClientName ?? "",
        type: client.ClientSecret ? "confidential" as const : "public" as const,
        authFlows: (client.ExplicitAuthFlows ?? []).flatMap((flow) => {
            const known = authFlowOf[flow];
            if (known === undefined) {
                context.gap("ExplicitAuthFlows", flow, `the config model allows ${Object.values(explicitAuthFlows).join(", ")}`);
            }
            return known === undefined ? [] : [known];
        }),
        tokenValidity: {
            access: lifetime("access", client.AccessTokenValidity, units?.AccessToken),
            id: lifetime("id", client.IdTokenValidity, units?.IdToken),
            refresh: lifetime("refresh", client.RefreshTokenValidity, units?.RefreshToken),
            authSession: readLifetime(client.AuthSessionValidity, "minutes", authSessionDefault, "AuthSessionValidity", context),
        },
        tokenRevocation: reportedOr(client.EnableTokenRevocation, true, "EnableTokenRevocation", context),
        refreshTokenRotation: refreshTokenRotationFromDescribed(client, context),
        preventUserExistenceErrors: reportedOr(client.PreventUserExistenceErrors, "LEGACY", "PreventUserExistenceErrors", context) === "ENABLED",
        readAttributes: client.ReadAttributes?.length ? client.ReadAttributes : "all" as const,
        writeAttributes: client.WriteAttributes?.length ? client.WriteAttributes : "all" as const,
        oauth: oauthFromDescribed(client, context),
    });
}

/** The OAuth settings of a client with OAuth flows enabled; the program sets none on any other. */
function oauthFromDescribed(client: UserPoolClientType, context: ReadContext): ClientInput["oauth"] {
    if (!client.AllowedOAuthFlowsUserPoolClient) {
        for (const key of oauthFields.filter((key) => holdsValue(client[key]))) {
            context.gap(key, client[key], "the program sets OAuth settings only on a client with OAuth flows enabled");
        }
        return undefined;
    }
    return withoutUnset({
        flows: client.AllowedOAuthFlows ?? [],
        scopes: client.AllowedOAuthScopes ?? [],
        callbackUrls: client.CallbackURLs ?? [],
        logoutUrls: client.LogoutURLs ?? [],
        defaultRedirectUrl: client.DefaultRedirectURI || undefined,
        identityProviders: client.SupportedIdentityProviders ?? [],
    });
}
