import * as pulumi from "@pulumi/pulumi";
import { ClientSettings, IdentityProviderSettings, keyOf, ProviderKind } from "../config";
import { signInResponseType, signInScopes } from "./oauth-urls";

/*
 * The Auth section of Amplify JS v6's `Amplify.configure(...)` (aws-amplify 6.22, @aws-amplify/core
 * singleton/Auth/types.d.ts: ResourcesConfig.Auth.Cognito is CognitoUserPoolConfig, its loginWith.oauth an
 * OAuthConfig). signInWithRedirect (@aws-amplify/auth providers/cognito/apis/signInWithRedirect) opens
 * `https://${domain}/oauth2/authorize`: the domain is a host name, without a scheme. Of redirectSignIn it picks the
 * URL of the page's own origin; redirectSignOut and responseType are required by it (assertOAuthConfig).
 */

/** OAuthConfig.providers' entries: a social provider by Amplify's name, any other by its name in the pool. */
export type AmplifyProvider = "Google" | "Facebook" | "Amazon" | "Apple" | { readonly custom: string };

export interface AmplifyOAuthConfig {
    readonly domain: string;
    readonly scopes: string[];
    readonly redirectSignIn: string[];
    readonly redirectSignOut: string[];
    readonly responseType: "code" | "token";
    readonly providers?: AmplifyProvider[];
}

export interface AmplifyConfig {
    readonly Auth: {
        readonly Cognito: {
            readonly userPoolId: string;
            readonly userPoolClientId: string;
            readonly loginWith?: { readonly oauth: AmplifyOAuthConfig };
        };
    };
}

/**
 * Amplify's name of each social provider type. signInWithRedirect({ provider }) sends Cognito `identity_provider`
 * through cognitoHostedUIIdentityProviderMap (@aws-amplify/auth providers/cognito/types/models: Google → Google,
 * Facebook → Facebook, Amazon → LoginWithAmazon, Apple → SignInWithApple), the names Cognito gives these providers
 * (config/catalogue/identity-providers.ts); `{ custom }` it sends as is, the name of an OIDC or SAML provider.
 */
const amplifyProviderNames: Record<ProviderKind, AmplifyProvider | undefined> = {
    google: "Google", facebook: "Facebook", amazon: "Amazon", apple: "Apple", oidc: undefined, saml: undefined,
};

/**
 * The identity providers a client offers, as Amplify's providers: each one a front end can pass to
 * signInWithRedirect({ provider }) to skip the domain's choice. COGNITO, the pool's own users, is none of them:
 * signInWithRedirect sends it without a provider. The Authenticator (aws-amplify/amplify-ui, ui
 * machines/authenticator/defaultServices getAmplifyConfig, react FederatedSignIn) shows a button for each social
 * entry and logs an error for a custom one (docs/domain.md says so).
 */
function amplifyProviders(offered: readonly string[], declared: readonly IdentityProviderSettings[]): AmplifyProvider[] {
    return offered.filter((name) => name !== "COGNITO").map((name) => {
        const provider = declared.find((candidate) => candidate.name === name);
        return (provider && amplifyProviderNames[provider.type]) ?? { custom: name };
    });
}

/** The OAuth settings of a client that lets people sign in on the domain (code or implicit): Amplify runs no other. */
function signInOAuth(client: ClientSettings): ClientSettings["oauth"] {
    return client.oauth?.flows.includes("client_credentials") ? undefined : client.oauth;
}

/** The OAuth section for a client that lets people sign in on the domain; none for any other. */
export function amplifyOAuthConfig(domainUrl: string, client: ClientSettings,
    identityProviders: readonly IdentityProviderSettings[]): AmplifyOAuthConfig | undefined {
    const oauth = signInOAuth(client);
    if (oauth === undefined) {
        return undefined;
    }
    const providers = amplifyProviders(oauth.identityProviders, identityProviders);
    return {
        domain: new URL(domainUrl).host,
        scopes: signInScopes(oauth),
        redirectSignIn: [...oauth.callbackUrls],
        redirectSignOut: [...oauth.logoutUrls],
        responseType: signInResponseType(oauth),
        ...(providers.length > 0 ? { providers } : {}),
    };
}

/** The front end's client in Amplify v6's config: the pool and client ids, and its OAuth section on a domain. */
export function amplifyConfigOutput(userPoolId: pulumi.Output<string>, clientId: pulumi.Output<string>, client: ClientSettings,
    identityProviders: readonly IdentityProviderSettings[], domainUrl: pulumi.Output<string> | undefined): pulumi.Output<AmplifyConfig> {
    return pulumi.all([userPoolId, clientId, domainUrl]).apply(([poolId, id, url]) => {
        const oauth = url === undefined ? undefined : amplifyOAuthConfig(url, client, identityProviders);
        return { Auth: { Cognito: { userPoolId: poolId, userPoolClientId: id, ...(oauth ? { loginWith: { oauth } } : {}) } } };
    });
}

/**
 * The warning for a front-end client that signs in on the domain with no logoutUrls, given the config path of its
 * place in the clients list. Its redirectSignOut is [], which Amplify takes: assertOAuthConfig (@aws-amplify/core
 * singleton/Auth/utils) only checks that the list is there, so configure and signInWithRedirect work. signOut of a
 * user who signed in through the domain (@aws-amplify/auth providers/cognito/apis/signOut, utils/oauth/
 * handleOAuthSignOut) clears the tokens, then oAuthSignOutRedirect asks getRedirectUrl for a sign-out URL of the
 * page's origin and, finding none, throws InvalidRedirectException: signOut() rejects and never opens the domain's
 * /logout, which ends the user's session there and redirects to logout_uri, one of the client's sign-out URLs
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html). Warned, not refused: Cognito takes a client without sign-out URLs, handleOAuthSignOut
 * redirects only after a sign-in through the domain (a user signed in with Amplify's signIn signs out without it),
 * and a front end may not use Amplify at all.
 */
export function missingSignOutWarning(client: ClientSettings, clientPath: readonly PropertyKey[]): string | undefined {
    // Such a client has a domain: validation gives every client with OAuth flows one (config/rules/oauth-domain.ts).
    const oauth = signInOAuth(client);
    if (oauth === undefined || oauth.logoutUrls.length > 0) {
        return undefined;
    }
    return `${keyOf([...clientPath, "oauth", "logoutUrls"])}: ${client.name} signs in on the domain but has no sign-out URL, so amplifyConfig ` +
        "has redirectSignOut: []: Amplify's signOut() after signInWithRedirect clears the tokens, then rejects with InvalidRedirectException " +
        "and never opens the domain's /logout, which ends the user's session there; add the app's signed-out page (a URL of its origin) to logoutUrls";
}
