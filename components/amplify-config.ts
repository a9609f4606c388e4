import * as pulumi from "@pulumi/pulumi";
import type { ClientSettings } from "../config";
import { signInResponseType, signInScopes } from "./oauth-urls";

/*
 * The Auth section of Amplify JS v6's `Amplify.configure(...)` (aws-amplify 6.22, @aws-amplify/core
 * singleton/Auth/types.d.ts: ResourcesConfig.Auth.Cognito is CognitoUserPoolConfig, its loginWith.oauth an
 * OAuthConfig). signInWithRedirect (@aws-amplify/auth providers/cognito/apis/signInWithRedirect) opens
 * `https://${domain}/oauth2/authorize`: the domain is a host name, without a scheme. Of redirectSignIn it picks the
 * URL of the page's own origin; redirectSignOut and responseType are required by it (assertOAuthConfig).
 */

export interface AmplifyOAuthConfig {
    readonly domain: string;
    readonly scopes: string[];
    readonly redirectSignIn: string[];
    readonly redirectSignOut: string[];
    readonly responseType: "code" | "token";
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
 * The OAuth section for a client that lets people sign in on the domain (code or implicit); none for a client
 * without OAuth flows or with client_credentials, which Amplify does not run.
 */
export function amplifyOAuthConfig(domainUrl: string, client: ClientSettings): AmplifyOAuthConfig | undefined {
    const oauth = client.oauth;
    if (oauth === undefined || oauth.flows.includes("client_credentials")) {
        return undefined;
    }
    return {
        domain: new URL(domainUrl).host,
        scopes: signInScopes(oauth),
        redirectSignIn: [...oauth.callbackUrls],
        redirectSignOut: [...oauth.logoutUrls],
        responseType: signInResponseType(oauth),
    };
}

/** The front end's client in Amplify v6's config: the pool and client ids, and its OAuth section on a domain. */
export function amplifyConfigOutput(userPoolId: pulumi.Output<string>, clientId: pulumi.Output<string>, client: ClientSettings,
    domainUrl: pulumi.Output<string> | undefined): pulumi.Output<AmplifyConfig> {
    return pulumi.all([userPoolId, clientId, domainUrl]).apply(([poolId, id, url]) => {
        const oauth = url === undefined ? undefined : amplifyOAuthConfig(url, client);
        return { Auth: { Cognito: { userPoolId: poolId, userPoolClientId: id, ...(oauth ? { loginWith: { oauth } } : {}) } } };
    });
}
