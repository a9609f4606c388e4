import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { ClientSettings, parseDuration } from "../config";
import { defaultUserScopes } from "../config/rules/oauth";

const explicitAuthFlows: Record<ClientSettings["authFlows"][number], string> = {
    user_srp: "ALLOW_USER_SRP_AUTH",
    refresh_token: "ALLOW_REFRESH_TOKEN_AUTH",
    user_password: "ALLOW_USER_PASSWORD_AUTH",
    admin_user_password: "ALLOW_ADMIN_USER_PASSWORD_AUTH",
    custom: "ALLOW_CUSTOM_AUTH",
    user_auth: "ALLOW_USER_AUTH",
};

/** Whether Cognito generates a secret for this client: confidential clients have one unless told otherwise. */
export function hasSecret(client: ClientSettings): boolean {
    return client.generateSecret ?? client.type === "confidential";
}

/** Durations were validated with the settings; a malformed one here is a bug. */
function durationOf(text: string) {
    const duration = parseDuration(text);
    if (duration === undefined) {
        throw new Error(`unvalidated token validity: ${text}`);
    }
    return duration;
}

function tokenValidityArgs(validity: ClientSettings["tokenValidity"]) {
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
}

function oauthArgs(oauth: ClientSettings["oauth"]): Partial<aws.cognito.UserPoolClientArgs> {
    if (oauth === undefined) {
        return { allowedOauthFlowsUserPoolClient: false };
    }
    return {
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: oauth.flows,
        // Validation requires client_credentials to name its scopes: the default is for people signing in.
        allowedOauthScopes: oauth.scopes ?? [...defaultUserScopes],
        callbackUrls: oauth.callbackUrls,
        logoutUrls: oauth.logoutUrls,
        ...(oauth.defaultRedirectUrl === undefined ? {} : { defaultRedirectUri: oauth.defaultRedirectUrl }),
        supportedIdentityProviders: oauth.identityProviders,
    };
}

/** The aws.cognito.UserPoolClient inputs for a client's settings. `all` attributes: left to Cognito's default. */
export function appClientArgs(client: ClientSettings, userPoolId: pulumi.Input<string>): aws.cognito.UserPoolClientArgs {
    return {
        name: client.name,
        userPoolId,
        generateSecret: hasSecret(client),
        explicitAuthFlows: client.authFlows.map((flow) => explicitAuthFlows[flow]),
        ...tokenValidityArgs(client.tokenValidity),
        enableTokenRevocation: client.tokenRevocation,
        preventUserExistenceErrors: client.preventUserExistenceErrors ? "ENABLED" : "LEGACY",
        ...(client.readAttributes === "all" ? {} : { readAttributes: client.readAttributes }),
        ...(client.writeAttributes === "all" ? {} : { writeAttributes: client.writeAttributes }),
        ...oauthArgs(client.oauth),
    };
}
