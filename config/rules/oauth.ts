import { z } from "zod";

/*
 * OAuth 2.0 settings of an app client (CreateUserPoolClient):
 * - AllowedOAuthScopes: each 1 to 256 characters of `[\x21\x23-\x5B\x5D-\x7E]+`; "phone, email, openid and
 *   profile", "aws.cognito.signin.user.admin", or a custom scope of a resource server, written
 *   `<resource server identifier>/<scope name>`.
 * - AllowedOAuthFlows `client_credentials`: "issue the access token from the token endpoint directly to a
 *   non-person user using a combination of the client ID and client secret"; the developer guide (Scopes, M2M,
 *   and APIs with resource servers) grants it custom scopes only, and a client cannot serve both people
 *   (code, implicit) and machines.
 * - DefaultRedirectURI: "must be in the CallbackURLs list".
 * - SupportedIdentityProviders: each 1 to 32 characters of `[\p{L}\p{M}\p{S}\p{N}\p{P}]+` (COGNITO, or the name
 *   of an identity provider of the pool).
 */
export const builtInScopes = ["openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"] as const;

/** The scopes of a client that lets people sign in (code, implicit) when its config names none. */
export const defaultUserScopes = ["openid", "email", "profile"] as const;

const scopePattern = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;
/** `<resource server identifier>/<scope name>`. */
export const customScopePattern = /^.+\/[^/]+$/;

/** One OAuth scope, as the API accepts it. */
export const oauthScope = z.string().regex(scopePattern,
    { error: "expected a scope of 1 to 256 printable ASCII characters, without spaces, \" or \\" });

/** One identity provider name. */
export const identityProviderName = z.string().regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,32}$/u,
    { error: "expected COGNITO or an identity provider's name: 1 to 32 characters without spaces" });

export const isBuiltIn = (scope: string) => (builtInScopes as readonly string[]).includes(scope);

/** The OAuth settings the rules below read. */
export interface OAuthRuleInput {
    readonly flows: readonly string[];
    readonly scopes?: readonly string[];
    readonly callbackUrls: readonly string[];
    readonly defaultRedirectUrl?: string;
}

/** Cognito's rules across the OAuth settings of one client, each reported at the key that breaks it. */
export function checkOAuthSettings(oauth: OAuthRuleInput, ctx: z.core.$RefinementCtx): void {
    const machine = oauth.flows.includes("client_credentials");
    if (machine && oauth.flows.length > 1) {
        ctx.addIssue({ code: "custom", path: ["flows"], input: oauth.flows,
            message: "client_credentials cannot be combined with code or implicit on one client" });
    }
    if ((oauth.flows.includes("code") || oauth.flows.includes("implicit")) && oauth.callbackUrls.length === 0) {
        ctx.addIssue({ code: "custom", path: ["callbackUrls"], input: oauth.callbackUrls,
            message: "the code and implicit flows need at least one callback URL" });
    }
    if (machine && oauth.scopes === undefined) {
        ctx.addIssue({ code: "custom", path: ["scopes"], input: undefined,
            message: "client_credentials needs the custom scopes of a resource server, like orders-api/read " +
                `(the default ${defaultUserScopes.join(" ")} is for people signing in)` });
    }
    (oauth.scopes ?? []).forEach((scope, index) => {
        if (machine && isBuiltIn(scope)) {
            ctx.addIssue({ code: "custom", path: ["scopes", index], input: scope,
                message: `client_credentials takes custom resource-server scopes only, like orders-api/read; not ${builtInScopes.join(", ")}` });
        } else if (!isBuiltIn(scope) && !customScopePattern.test(scope)) {
            ctx.addIssue({ code: "custom", path: ["scopes", index], input: scope,
                message: `expected one of ${builtInScopes.join(", ")}, or a resource server's scope written <identifier>/<scope>` });
        }
    });
    if (oauth.defaultRedirectUrl !== undefined && !oauth.callbackUrls.includes(oauth.defaultRedirectUrl)) {
        ctx.addIssue({ code: "custom", path: ["defaultRedirectUrl"], input: oauth.defaultRedirectUrl,
            message: "expected one of the callbackUrls" });
    }
}
