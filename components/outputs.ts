import type * as cognito from "@pulumi/aws/cognito";
import * as pulumi from "@pulumi/pulumi";
import { ClientSettings, hasSecret, IdentityProviderSettings, sesIdentityArnParts } from "../config";
import { amplifyConfigOutput, missingSignOutWarning } from "./amplify-config";
import { oauthUrlOutputs } from "./oauth-urls";
import type { SesSenderResources } from "./ses-sender";
import type { PoolDomain } from "./user-pool-domain";

/** A pool, its app clients by name and the SES side it sends through: a SignInBackend, or a successor's. */
export interface PoolResources {
    readonly userPool: cognito.UserPool;
    readonly clients: Readonly<Record<string, cognito.UserPoolClient>>;
    readonly ses?: SesSenderResources;
    readonly domain?: PoolDomain;
}

/** The client a browser front end uses: the first public one, else the first. */
export function frontendClient(clients: readonly ClientSettings[]): ClientSettings {
    return clients.find((client) => client.type === "public") ?? clients[0];
}

/** A pool's clients and the identity providers they offer, as the stack's settings (or its successor's) give them. */
export interface ClientsSettings {
    readonly clients: readonly ClientSettings[];
    readonly identityProviders: readonly IdentityProviderSettings[];
}

/** What a stack exports: ids and URLs of the pool, its clients and its sender, and a front end's config. */
export function stackOutputs(backend: PoolResources, { clients, identityProviders }: ClientsSettings) {
    const pool = backend.userPool;
    const region = pool.arn.apply((arn) => arn.split(":")[3]);
    const issuerUrl = pulumi.interpolate`https://${pool.endpoint}`;
    const frontend = frontendClient(clients);
    return {
        userPoolId: pool.id,
        userPoolArn: pool.arn,
        userPoolEndpoint: pool.endpoint,
        issuerUrl,
        jwksUrl: pulumi.interpolate`${issuerUrl}/.well-known/jwks.json`,
        region,
        /** The base URL of the domain's endpoints, when the pool has one. */
        domain: backend.domain?.url,
        clients: Object.fromEntries(clients.map((settings) => {
            const client = backend.clients[settings.name];
            // Validation gives every client with OAuth flows a domain (config/rules/oauth-domain.ts).
            const urls = settings.oauth !== undefined && backend.domain !== undefined ? oauthUrlOutputs(backend.domain.url, settings, client.id) : undefined;
            return [settings.name, {
                id: client.id,
                ...(hasSecret(settings) ? { secret: pulumi.secret(client.clientSecret) } : {}),
                ...urls,
            }];
        })),
        senderIdentity: senderIdentityOutput(backend),
        /** What amazon-cognito-identity-js's CognitoUserPool takes, plus the region. */
        frontendConfig: {
            UserPoolId: pool.id,
            ClientId: backend.clients[frontend.name].id,
            region,
        },
        /** What Amplify JS v6's Amplify.configure takes for the same client, with its OAuth section on the domain. */
        amplifyConfig: amplifyConfigOutput(pool.id, backend.clients[frontend.name].id, frontend, identityProviders, backend.domain?.url),
    };
}

/** Warns of what the front end's Amplify config lacks; `clientsPath` is where the config lists the pool's clients. */
export function warnOfFrontendConfig(backend: PoolResources, clients: readonly ClientSettings[], clientsPath: readonly PropertyKey[]): void {
    const frontend = frontendClient(clients);
    const warning = missingSignOutWarning(frontend, [...clientsPath, clients.indexOf(frontend)]);
    if (warning !== undefined) {
        pulumi.log.warn(warning, backend.clients[frontend.name]);
    }
}

/** The SES identity the pool sends through: the stack's (with a domain's DNS records), or the one given by ARN. */
function senderIdentityOutput(backend: PoolResources) {
    const ses = backend.ses;
    if (ses === undefined) {
        return undefined;
    }
    if (ses.identity === undefined) {
        // From the sender, which keeps the value secret when it came from a secret config value.
        const arn = ses.sender.apply((sender) => sender.arn);
        return { arn, identity: arn.apply((known) => sesIdentityArnParts(known)?.identity) };
    }
    return {
        arn: ses.identity.arn,
        identity: ses.identity.emailIdentity,
        verifiedForSending: ses.identity.verifiedForSendingStatus,
        ...(ses.dnsRecords ? { dkimTokens: ses.identity.dkimSigningAttributes.tokens, dnsRecords: ses.dnsRecords } : {}),
    };
}
