import * as pulumi from "@pulumi/pulumi";
import type { ClientSettings } from "../config";
import { defaultUserScopes } from "../config/rules/oauth";

/*
 * The URLs of a pool domain's OAuth 2.0 endpoints for one client (developer guide, "User pool endpoints and
 * managed login reference": /oauth2/authorize, /oauth2/token, /logout, and /login, the sign-in page, which takes
 * the authorize request's parameters: client_id, response_type, scope, redirect_uri;
 * https://docs.aws.amazon.com/cognito/latest/developerguide/login-endpoint.html). A client_credentials client
 * only gets tokens: it has the token endpoint alone.
 */

export interface OAuthUrls {
    readonly tokenUrl: string;
    readonly authorizeUrl?: string;
    readonly logoutUrl?: string;
    /** The hosted sign-in page, ready to open: the client's id, response type, scopes and redirect URL. */
    readonly signInUrl?: string;
}

type OAuthSettings = NonNullable<ClientSettings["oauth"]>;

/** What a sign-in asks the authorize endpoint for: a code when the client has the code flow, else tokens (implicit). */
export function signInResponseType(oauth: OAuthSettings): "code" | "token" {
    return oauth.flows.includes("code") ? "code" : "token";
}

/** The scopes a sign-in asks for: the client's, else Cognito's default for people. */
export function signInScopes(oauth: OAuthSettings): string[] {
    return [...(oauth.scopes ?? defaultUserScopes)];
}

/** The endpoint URLs of a client with OAuth flows, under a domain's base URL. */
export function oauthUrls(base: string, client: ClientSettings, clientId: string): OAuthUrls {
    const oauth = client.oauth!;
    const tokenUrl = `${base}/oauth2/token`;
    if (oauth.flows.includes("client_credentials")) {
        return { tokenUrl };
    }
    const signIn = new URLSearchParams({
        client_id: clientId,
        response_type: signInResponseType(oauth),
        scope: signInScopes(oauth).join(" "),
        redirect_uri: oauth.defaultRedirectUrl ?? oauth.callbackUrls[0],
    });
    return { authorizeUrl: `${base}/oauth2/authorize`, tokenUrl, logoutUrl: `${base}/logout`, signInUrl: `${base}/login?${signIn}` };
}

/** The same, each an output of the client's id and the domain's URL; which there are is known from the settings. */
export function oauthUrlOutputs(base: pulumi.Output<string>, client: ClientSettings, clientId: pulumi.Output<string>): Record<string, pulumi.Output<string>> {
    const urls = pulumi.all([base, clientId]).apply(([known, id]) => oauthUrls(known, client, id));
    return Object.fromEntries(Object.keys(oauthUrls("", client, "")).map((key) => [key, urls.apply((known) => known[key as keyof OAuthUrls]!)]));
}
