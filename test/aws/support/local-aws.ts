import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import type { AwsClients } from "../../../aws/clients";
import { bindablePort, startCognitoLocal as startSandboxCognitoLocal } from "../../../sandbox/cognito-local";
import { setEnvironment } from "../../../sandbox/lambda-endpoint";
import { addedByCognito } from "./described-from-inputs";

/**
 * A local AWS endpoint for the tests, on 127.0.0.1: cognito-local (started here, its state in a temp dir)
 * behind a small front door that the SDK reaches through AWS_ENDPOINT_URL. The front door works around what
 * cognito-local lacks, and nothing more:
 *   - ListUserPoolClients ignores paging: the front door pages its answer, `clientsPerPage` at a time;
 *   - it drops DeletionProtection, UserPoolTier and UserAttributeUpdateSettings of a pool, AuthSessionValidity of
 *     a client: the front door keeps what they were created or updated with and reports them, as AWS does;
 *   - no SES: GET /v2/email/identities/<identity> (GetEmailIdentity) answers from `sesIdentities`, GET
 *     /v2/email/account (GetAccount) from `sesProductionAccess` with the sandbox's quota;
 *   - no way to provoke AWS errors: `failNext` answers the next calls of an action with an error;
 *   - no GetCSVHeader: the front door answers it from the pool's schema (DescribeUserPool), in AWS's order;
 *   - ADMIN_USER_PASSWORD_AUTH never answers with a challenge (targets/adminInitiateAuth.js: no MFA, no custom
 *     auth): `challengeAfterPassword` stands in for the old pool, answering a right password of a chosen user with
 *     a challenge, as AWS does for a user with MFA (a wrong password is still refused by cognito-local);
 *   - no way to make it slow: `delayNext` holds the next answers of an action back, to test timeouts;
 *   - no resource servers: CreateResourceServer and ListResourceServers (paged `resourceServersPerPage` at a time)
 *     are answered from the front door's own store, each request checked against the API reference's shape
 *     (API_CreateResourceServer, API_ListResourceServers) and kept in `resourceServerRequests`;
 *   - no domains: CreateUserPoolDomain, UpdateUserPoolDomain and DescribeUserPoolDomain are answered from the front
 *     door's own store, each request checked against the API reference's shape (API_CreateUserPoolDomain,
 *     API_UpdateUserPoolDomain, API_DescribeUserPoolDomain) and kept in `domainRequests`; DescribeUserPool's answer
 *     names the pool's domains (Domain, CustomDomain) as AWS's does;
 *   - drops a client's RefreshTokenRotation (createUserPoolClient.js): kept with the other dropped fields;
 *   - no log delivery: SetLogDeliveryConfiguration and GetLogDeliveryConfiguration are answered from the front door's
 *     own store, each request checked against the API reference's shape (API_SetLogDeliveryConfiguration,
 *     API_LogConfigurationType) and kept in `logDeliveryRequests`;
 *   - no managed login branding: CreateManagedLoginBranding, UpdateManagedLoginBranding, DeleteManagedLoginBranding and
 *     DescribeManagedLoginBrandingByClient are answered from the front door's own store, each request checked against
 *     the API reference's shape (API_CreateManagedLoginBranding, API_UpdateManagedLoginBranding,
 *     API_DeleteManagedLoginBranding, API_DescribeManagedLoginBrandingByClient) and kept in `brandingRequests`.
 *   - no identity providers: CreateIdentityProvider, ListIdentityProviders (paged), DescribeIdentityProvider,
 *     UpdateIdentityProvider and DeleteIdentityProvider are answered from the front door's own store, each request
 *     checked against the API reference's shape (API_CreateIdentityProvider, API_ListIdentityProviders,
 *     API_DescribeIdentityProvider, API_UpdateIdentityProvider, API_DeleteIdentityProvider) and kept in
 *     `identityProviderRequests`; Describe adds the ProviderDetails keys Cognito adds (the reference's examples).
 */

/** The SES identity GetEmailIdentity reports. */
export interface SesIdentity {
    readonly IdentityType: "EMAIL_ADDRESS" | "DOMAIN";
    readonly VerifiedForSendingStatus: boolean;
    readonly Tags: { Key: string; Value: string }[];
    readonly ConfigurationSetName?: string;
}

/** An error as AWS's JSON protocols send it. */
export interface AwsErrorReply {
    readonly status: number;
    readonly type: string;
    readonly message: string;
}

export interface LocalAws {
    /** The front door, for AWS_ENDPOINT_URL. */
    readonly endpoint: string;
    readonly sesIdentities: Map<string, SesIdentity>;
    /** What GetAccount reports as ProductionAccessEnabled. Default: false (a new account, in the sandbox). */
    sesProductionAccess: boolean;
    /** Actions called through the front door, in order (ListUserPoolClients once per page). */
    readonly calls: string[];
    clientsPerPage: number;
    resourceServersPerPage: number;
    /** The bodies the SDK sent to CreateResourceServer and ListResourceServers, in order. */
    readonly resourceServerRequests: { action: string; body: Record<string, unknown> }[];
    /** The bodies the SDK sent to CreateUserPoolDomain, UpdateUserPoolDomain and DescribeUserPoolDomain, in order. */
    readonly domainRequests: { action: string; body: Record<string, unknown> }[];
    /** The bodies the SDK sent to SetLogDeliveryConfiguration and GetLogDeliveryConfiguration, in order. */
    readonly logDeliveryRequests: { action: string; body: Record<string, unknown> }[];
    /** The bodies the SDK sent to the managed login branding actions, in order. */
    readonly brandingRequests: { action: string; body: Record<string, unknown> }[];
    identityProvidersPerPage: number;
    /** The bodies the SDK sent to the identity provider actions the front door answers, in order. */
    readonly identityProviderRequests: { action: string; body: Record<string, unknown> }[];
    /** Answers the next `times` calls of an action with the error. */
    failNext(action: string, reply: AwsErrorReply, times?: number): void;
    /**
     * The challenge AdminInitiateAuth answers a right password of a user with, by `<pool id>/<user name>`: the
     * ChallengeName AWS gives a user with MFA, a temporary password or a custom flow.
     */
    readonly challengeAfterPassword: Map<string, string>;
    /** Holds the next `times` answers of an action back by `milliseconds`. */
    delayNext(action: string, milliseconds: number, times?: number): void;
    stop(): Promise<void>;
}

const cognitoTarget = "AWSCognitoIdentityProviderService.";
const sesIdentityPath = /^\/v2\/email\/identities\/([^/?]+)$/;
const sesAccountPath = /^\/v2\/email\/account$/;

/**
 * Starts the local AWS. `cognitoLocalConfig` is merged into cognito-local's `.cognito/config.json`, e.g.
 * `TriggerFunctions` and `LambdaClient` to have it invoke Lambda triggers at a local endpoint.
 */
export async function startLocalAws(cognitoLocalConfig: Record<string, unknown> = {}): Promise<LocalAws> {
    const cognitoLocal = await startCognitoLocal(cognitoLocalConfig);
    const faults = new Map<string, AwsErrorReply[]>();
    const delays = new Map<string, number[]>();
    const keptFields = new DroppedFields();
    const riskConfigurations = new RiskConfigurations();
    const resourceServers = new ResourceServers();
    const domains = new Domains();
    const logDeliveries = new LogDeliveries();
    const brandings = new Brandings();
    const identityProviders = new IdentityProviders();
    const local = {
        endpoint: "",
        sesIdentities: new Map<string, SesIdentity>(),
        sesProductionAccess: false,
        calls: [] as string[],
        clientsPerPage: 2,
        resourceServersPerPage: 2,
        resourceServerRequests: [] as { action: string; body: Record<string, unknown> }[],
        domainRequests: [] as { action: string; body: Record<string, unknown> }[],
        logDeliveryRequests: [] as { action: string; body: Record<string, unknown> }[],
        brandingRequests: [] as { action: string; body: Record<string, unknown> }[],
        identityProvidersPerPage: 2,
        identityProviderRequests: [] as { action: string; body: Record<string, unknown> }[],
        failNext(action: string, reply: AwsErrorReply, times = 1) {
            faults.set(action, [...(faults.get(action) ?? []), ...Array<AwsErrorReply>(times).fill(reply)]);
        },
        challengeAfterPassword: new Map<string, string>(),
        delayNext(action: string, milliseconds: number, times = 1) {
            delays.set(action, [...(delays.get(action) ?? []), ...Array<number>(times).fill(milliseconds)]);
        },
        async stop() {
            await new Promise((done) => server.close(done));
            await cognitoLocal.stop();
        },
    };

    const server = http.createServer(async (request, response) => {
        const body = await readBody(request);
        const target = String(request.headers["x-amz-target"] ?? "");
        const sesIdentity = sesIdentityPath.exec(request.url ?? "");
        const action = target.startsWith(cognitoTarget) ? target.slice(cognitoTarget.length)
            : sesIdentity ? "GetEmailIdentity" : sesAccountPath.test(request.url ?? "") ? "GetAccount" : "";
        local.calls.push(action);
        const delay = delays.get(action)?.shift();
        if (delay !== undefined) {
            await new Promise((later) => setTimeout(later, delay));
        }
        const fault = faults.get(action)?.shift();
        if (fault !== undefined) {
            return reply(response, fault.status, { __type: fault.type, message: fault.message }, fault.type);
        }
        if (action === "GetEmailIdentity") {
            const identity = local.sesIdentities.get(decodeURIComponent(sesIdentity![1]));
            return identity === undefined
                ? reply(response, 404, { message: "Email identity does not exist." }, "NotFoundException")
                : reply(response, 200, identity);
        }
        if (action === "GetCSVHeader") {
            return reply(response, 200, await csvHeader(cognitoLocal.endpoint, request, body));
        }
        if (action === "CreateResourceServer" || action === "ListResourceServers") {
            const json = JSON.parse(body);
            local.resourceServerRequests.push({ action, body: json });
            const answer = resourceServers.answer(action, json, local.resourceServersPerPage);
            return "error" in answer ? reply(response, 400, { message: answer.error }, "InvalidParameterException") : reply(response, 200, answer);
        }
        if (RiskConfigurations.actions.includes(action)) {
            const answer = riskConfigurations.answer(action, JSON.parse(body));
            return "error" in answer ? reply(response, 400, { message: answer.error }, answer.type) : reply(response, 200, answer);
        }
        if (Domains.actions.includes(action)) {
            const json = JSON.parse(body);
            local.domainRequests.push({ action, body: json });
            const answer = domains.answer(action, json);
            return "error" in answer ? reply(response, 400, { message: answer.error }, "InvalidParameterException") : reply(response, 200, answer);
        }
        if (LogDeliveries.actions.includes(action)) {
            const json = JSON.parse(body);
            local.logDeliveryRequests.push({ action, body: json });
            const answer = logDeliveries.answer(action, json);
            return "error" in answer ? reply(response, 400, { message: answer.error }, "InvalidParameterException") : reply(response, 200, answer);
        }
        if (Brandings.actions.includes(action)) {
            const json = JSON.parse(body);
            local.brandingRequests.push({ action, body: json });
            const answer = brandings.answer(action, json);
            return "error" in answer ? reply(response, answer.status, { message: answer.error }, answer.type) : reply(response, 200, answer);
        }
        if (IdentityProviders.actions.includes(action)) {
            const json = JSON.parse(body);
            local.identityProviderRequests.push({ action, body: json });
            const answer = identityProviders.answer(action, json, local.identityProvidersPerPage);
            return "error" in answer ? reply(response, 400, { message: answer.error }, answer.type ?? "InvalidParameterException") : reply(response, 200, answer);
        }
        if (action === "GetAccount") {
            return reply(response, 200, { ProductionAccessEnabled: local.sesProductionAccess, SendingEnabled: true,
                SendQuota: local.sesProductionAccess ? { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 0 }
                    : { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 } });
        }
        if (action === "") {
            return reply(response, 404, { message: `the local AWS has no ${request.method} ${request.url}` }, "UnknownOperationException");
        }
        const answer = await forward(cognitoLocal.endpoint, request, body);
        if (answer.status !== 200) {
            response.writeHead(answer.status, answer.headers);
            return response.end(answer.body);
        }
        const challenge = action === "AdminInitiateAuth" ? challengeFor(local.challengeAfterPassword, JSON.parse(body)) : undefined;
        if (challenge !== undefined) {
            return reply(response, 200, challenge);
        }
        const answered = riskConfigurations.complete(action, JSON.parse(body),
            domains.complete(action, keptFields.complete(action, JSON.parse(body), JSON.parse(answer.body || "{}"))));
        return reply(response, 200, action === "ListUserPoolClients" ? page(answered, JSON.parse(body).NextToken, local.clientsPerPage) : answered);
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    local.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return local;
}

type Json = Record<string, any>;

/** What AWS answers a right password with when the user must pass a challenge next (API_AdminInitiateAuth). */
function challengeFor(challenges: Map<string, string>, request: Json): Json | undefined {
    const challengeName = challenges.get(`${request.UserPoolId}/${request.AuthParameters?.USERNAME}`);
    return challengeName === undefined ? undefined : {
        ChallengeName: challengeName,
        Session: "stand-in-session",
        ChallengeParameters: { USER_ID_FOR_SRP: request.AuthParameters.USERNAME },
    };
}

/** The standard columns of a user import CSV, in the order GetCSVHeader gives them (cognito-user-pools-using-import-tool-csv-header). */
const csvStandardColumns = [
    "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website",
    "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified",
    "address", "updated_at",
];

/** GetCSVHeader: the standard columns, the pool's custom attributes, then cognito:mfa_enabled and cognito:username. */
async function csvHeader(endpoint: string, request: http.IncomingMessage, body: string): Promise<Json> {
    const { UserPoolId } = JSON.parse(body);
    const described = await forward(endpoint, Object.assign(request, {
        headers: { ...request.headers, "x-amz-target": `${cognitoTarget}DescribeUserPool` },
    }), JSON.stringify({ UserPoolId }));
    const custom = (JSON.parse(described.body).UserPool?.SchemaAttributes ?? [])
        .map((attribute: Json) => attribute.Name as string).filter((name: string) => name.startsWith("custom:"));
    return { UserPoolId, CSVHeader: [...csvStandardColumns, ...custom, "cognito:mfa_enabled", "cognito:username"] };
}

/** The API's defaults of the fields cognito-local drops. */
const poolDefaults: Json = {
    DeletionProtection: "INACTIVE", UserPoolTier: "ESSENTIALS", UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
};
/** RefreshTokenRotation: reported only when the client was given one (its API default, DISABLED, is not invented here). */
const clientDefaults: Json = { AuthSessionValidity: 3, RefreshTokenRotation: undefined };

/** Keeps the fields cognito-local drops, by pool or client id, and adds them to its answers. */
class DroppedFields {
    private readonly kept = new Map<string, Json>();

    complete(action: string, request: Json, answer: Json): Json {
        switch (action) {
            case "CreateUserPool":
                this.keep(answer.UserPool.Id, request, poolDefaults);
                return { ...answer, UserPool: { ...answer.UserPool, ...this.kept.get(answer.UserPool.Id) } };
            case "UpdateUserPool":
                // Like UpdateUserPool in AWS: what is not sent goes back to its default.
                this.keep(request.UserPoolId, request, poolDefaults);
                return answer;
            case "DescribeUserPool":
                return { ...answer, UserPool: { ...answer.UserPool, ...this.kept.get(request.UserPoolId) } };
            case "CreateUserPoolClient":
                this.keep(answer.UserPoolClient.ClientId, request, clientDefaults);
                return { ...answer, UserPoolClient: { ...answer.UserPoolClient, ...this.kept.get(answer.UserPoolClient.ClientId) } };
            case "UpdateUserPoolClient":
                // Like UpdateUserPoolClient in AWS: what is not sent goes back to its default.
                this.keep(request.ClientId, request, clientDefaults);
                return { ...answer, UserPoolClient: { ...answer.UserPoolClient, ...this.kept.get(request.ClientId) } };
            case "DescribeUserPoolClient":
                return { ...answer, UserPoolClient: { ...answer.UserPoolClient, ...this.kept.get(request.ClientId) } };
            default:
                return answer;
        }
    }

    private keep(id: string, request: Json, defaults: Json): void {
        this.kept.set(id, Object.fromEntries(Object.entries(defaults).map(([field, value]) => [field, request[field] ?? value])));
    }
}

function page(answer: { UserPoolClients?: unknown[] }, nextToken: string | undefined, size: number) {
    const { items, NextToken } = pageOf(answer.UserPoolClients ?? [], nextToken, size);
    return { UserPoolClients: items, ...(NextToken ? { NextToken } : {}) };
}

function pageOf<T>(all: readonly T[], nextToken: string | undefined, size: number): { items: T[]; NextToken?: string } {
    const start = nextToken === undefined ? 0 : Number(nextToken);
    return { items: all.slice(start, start + size), ...(start + size < all.length ? { NextToken: String(start + size) } : {}) };
}

/**
 * A List action's answer: the page the request asks for under `key`, each item as `listed` shows it, its MaxResults
 * checked against the action's limit (and defaulting to it).
 */
function listAnswer(key: string, all: readonly Json[], request: Json, pageSize: number, maxResults: number,
    listed: (item: Json) => Json = (item) => item): Json | { error: string } {
    if (request.MaxResults !== undefined && !(request.MaxResults >= 1 && request.MaxResults <= maxResults)) {
        return { error: `MaxResults must be from 1 to ${maxResults}, got ${request.MaxResults}` };
    }
    const { items, NextToken } = pageOf(all, request.NextToken, Math.min(pageSize, request.MaxResults ?? maxResults));
    return { [key]: items.map(listed), ...(NextToken ? { NextToken } : {}) };
}

/**
 * Resource servers by pool, as CreateResourceServer makes them; requests outside the API reference's shape are
 * refused as AWS refuses them (InvalidParameterException): Identifier and Name required, at most 100 Scopes each
 * with ScopeName and ScopeDescription, ListResourceServers' MaxResults from 1 to 50.
 */
class ResourceServers {
    private readonly byPool = new Map<string, Json[]>();

    answer(action: string, request: Json, pageSize: number): Json | { error: string } {
        if (typeof request.UserPoolId !== "string") {
            return { error: "UserPoolId is required" };
        }
        const servers = this.byPool.get(request.UserPoolId) ?? [];
        if (action === "ListResourceServers") {
            return listAnswer("ResourceServers", servers, request, pageSize, 50);
        }
        const scopes: Json[] = request.Scopes ?? [];
        if (typeof request.Identifier !== "string" || typeof request.Name !== "string" || scopes.length > 100 ||
            scopes.some((scope) => typeof scope.ScopeName !== "string" || typeof scope.ScopeDescription !== "string")) {
            return { error: "Identifier and Name are required; at most 100 Scopes, each with ScopeName and ScopeDescription" };
        }
        const server = { UserPoolId: request.UserPoolId, Identifier: request.Identifier, Name: request.Name, Scopes: scopes };
        this.byPool.set(request.UserPoolId, [...servers, server]);
        return { ResourceServer: server };
    }
}

/**
 * Identity providers by pool, as CreateIdentityProvider makes them. Requests outside the API reference's shape are
 * refused as AWS refuses them: UserPoolId; ProviderName 1 to 32 characters of ProviderNameTypeV2's pattern; a
 * ProviderType of the enum, a social one named after itself ("Provider … cannot be of type Google", aws/aws-cli
 * #3179); ProviderDetails a map of strings; at most 50 IdpIdentifiers; ListIdentityProviders' MaxResults from 1 to
 * 60; a name taken is DuplicateProviderException, an unknown one ResourceNotFoundException. UpdateIdentityProvider
 * replaces each of ProviderDetails, AttributeMapping and IdpIdentifiers it is sent, and refuses the read-only
 * ActiveEncryptionCertificate (terraform-provider-aws PR #36311: "ActiveEncryptionCertificate is not a valid key").
 */
class IdentityProviders {
    static readonly actions = ["CreateIdentityProvider", "ListIdentityProviders", "DescribeIdentityProvider", "UpdateIdentityProvider",
        "DeleteIdentityProvider"];
    private static readonly types = ["SAML", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "OIDC"];
    private readonly byPool = new Map<string, Json[]>();

    answer(action: string, request: Json, pageSize: number): Json | { error: string; type?: string } {
        if (typeof request.UserPoolId !== "string") {
            return { error: "UserPoolId is required" };
        }
        const providers = this.byPool.get(request.UserPoolId) ?? [];
        if (action === "ListIdentityProviders") {
            return listAnswer("Providers", providers, request, pageSize, 60,
                ({ ProviderName, ProviderType, CreationDate, LastModifiedDate }) => ({ ProviderName, ProviderType, CreationDate, LastModifiedDate }));
        }
        const existing = providers.find((provider) => provider.ProviderName === request.ProviderName);
        if (action !== "CreateIdentityProvider" && existing === undefined) {
            return { error: `Identity provider ${request.ProviderName} does not exist.`, type: "ResourceNotFoundException" };
        }
        if (action === "DescribeIdentityProvider") {
            return { IdentityProvider: existing };
        }
        if (action === "DeleteIdentityProvider") {
            this.byPool.set(request.UserPoolId, providers.filter((provider) => provider !== existing));
            return {};
        }
        if (action === "UpdateIdentityProvider") {
            if (request.ProviderDetails?.ActiveEncryptionCertificate !== undefined) {
                return { error: "ActiveEncryptionCertificate is not a valid key for SAML identity provider details" };
            }
            Object.assign(existing!, {
                ...(request.ProviderDetails ? { ProviderDetails: { ...request.ProviderDetails, ...addedByCognito[existing!.ProviderType] } } : {}),
                ...(request.AttributeMapping ? { AttributeMapping: request.AttributeMapping } : {}),
                ...(request.IdpIdentifiers ? { IdpIdentifiers: request.IdpIdentifiers } : {}),
            });
            return { IdentityProvider: existing };
        }
        const { ProviderName: name, ProviderType: type, ProviderDetails: details = {}, IdpIdentifiers: identifiers = [] } = request;
        if (typeof name !== "string" || !/^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]{1,30}$/u.test(name) || !IdentityProviders.types.includes(type) ||
            Object.values(details).some((value) => typeof value !== "string") || identifiers.length > 50) {
            return { error: "ProviderName (ProviderNameTypeV2), a ProviderType of the enum and ProviderDetails of strings are required; at most 50 IdpIdentifiers" };
        }
        if (!["SAML", "OIDC"].includes(type) && name !== type) {
            return { error: `Provider ${name} cannot be of type ${type}.` };
        }
        if (existing !== undefined) {
            return { error: `A provider with the name ${name} already exists in this user pool.`, type: "DuplicateProviderException" };
        }
        const provider = {
            UserPoolId: request.UserPoolId, ProviderName: name, ProviderType: type,
            ProviderDetails: Object.fromEntries(Object.entries({ ...details, ...addedByCognito[type] }).filter(([key]) => key !== "private_key")),
            AttributeMapping: request.AttributeMapping ?? {}, IdpIdentifiers: identifiers,
            CreationDate: 0, LastModifiedDate: 0,
        };
        this.byPool.set(request.UserPoolId, [...providers, provider]);
        return { IdentityProvider: provider };
    }
}

/**
 * Domains, as CreateUserPoolDomain makes them. Requests outside the API reference's shape are refused as AWS
 * refuses them (InvalidParameterException): Domain 1 to 63 characters of `^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$`
 * (a custom domain's labels joined by dots), UserPoolId, CustomDomainConfig.CertificateArn required in it,
 * ManagedLoginVersion 1 or 2, a domain taken by any pool refused, one prefix and one custom domain per pool.
 * DescribeUserPoolDomain of an unknown domain answers an empty DomainDescription, as AWS does
 * (terraform-provider-aws user_pool_domain.go, findUserPoolDomain).
 */
class Domains {
    static readonly actions = ["CreateUserPoolDomain", "UpdateUserPoolDomain", "DescribeUserPoolDomain"];
    private readonly byDomain = new Map<string, Json>();

    answer(action: string, request: Json): Json | { error: string } {
        const domain = request.Domain;
        if (typeof domain !== "string" || !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(domain) || domain.length > 63) {
            return { error: `Domain must be 1 to 63 lower-case letters, digits, hyphens and dots, got ${JSON.stringify(domain)}` };
        }
        if (action === "DescribeUserPoolDomain") {
            return { DomainDescription: this.byDomain.get(domain) ?? {} };
        }
        const version = request.ManagedLoginVersion;
        const certificate = request.CustomDomainConfig?.CertificateArn;
        if (typeof request.UserPoolId !== "string" || (version !== undefined && version !== 1 && version !== 2) ||
            (request.CustomDomainConfig !== undefined && typeof certificate !== "string")) {
            return { error: "UserPoolId is required; ManagedLoginVersion is 1 or 2; CustomDomainConfig needs CertificateArn" };
        }
        const existing = this.byDomain.get(domain);
        if (action === "UpdateUserPoolDomain") {
            if (existing?.UserPoolId !== request.UserPoolId) {
                return { error: `No such domain ${domain} in ${request.UserPoolId}` };
            }
            this.byDomain.set(domain, { ...existing, ...(certificate ? { CustomDomainConfig: { CertificateArn: certificate } } : {}),
                ...(version !== undefined ? { ManagedLoginVersion: version } : {}) });
            return { ManagedLoginVersion: this.byDomain.get(domain)!.ManagedLoginVersion, ...(certificate ? { CloudFrontDomain: existing.CloudFrontDistribution } : {}) };
        }
        if (existing !== undefined || this.ofPool(request.UserPoolId).some((taken) => (taken.CustomDomainConfig !== undefined) === (certificate !== undefined))) {
            return { error: `Domain ${domain} already exists, or the pool has one of its kind` };
        }
        const cloudFront = certificate ? `d${this.byDomain.size + 1}abcdef8.cloudfront.net` : "";
        this.byDomain.set(domain, {
            UserPoolId: request.UserPoolId, AWSAccountId: "123456789012", Domain: domain, S3Bucket: "aws-cognito-prod-iad-assets",
            CloudFrontDistribution: cloudFront, Version: "20261206000000", Status: "ACTIVE",
            ...(certificate ? { CustomDomainConfig: { CertificateArn: certificate } } : {}), ManagedLoginVersion: version ?? 1,
        });
        return { ManagedLoginVersion: version ?? 1, ...(certificate ? { CloudFrontDomain: cloudFront } : {}) };
    }

    /** DescribeUserPool names a pool's prefix domain under Domain and its custom domain under CustomDomain. */
    complete(action: string, answer: Json): Json {
        if (action !== "DescribeUserPool" || answer.UserPool === undefined) {
            return answer;
        }
        const named = Object.fromEntries(this.ofPool(answer.UserPool.Id)
            .map((domain) => [domain.CustomDomainConfig ? "CustomDomain" : "Domain", domain.Domain]));
        return { ...answer, UserPool: { ...answer.UserPool, ...named } };
    }

    private ofPool(poolId: string): Json[] {
        return [...this.byDomain.values()].filter((domain) => domain.UserPoolId === poolId);
    }
}

/**
 * Log delivery configurations by pool, as SetLogDeliveryConfiguration leaves them. Requests outside the API
 * reference's shape are refused as AWS refuses them (InvalidParameterException): UserPoolId `[\w-]+_[0-9a-zA-Z]+`,
 * LogConfigurations required with 0 to 2 items, each with EventSource userNotification or userAuthEvents, LogLevel
 * ERROR or INFO, and destination ARNs of CloudWatchLogsConfigurationType's pattern, 20 to 2048 characters. A pool
 * without one answers no LogDeliveryConfiguration (terraform-provider-aws findLogDeliveryConfigurationByUserPoolID).
 */
class LogDeliveries {
    static readonly actions = ["SetLogDeliveryConfiguration", "GetLogDeliveryConfiguration"];
    private static readonly arnPattern = /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]*:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
    private readonly byPool = new Map<string, Json>();

    answer(action: string, request: Json): Json | { error: string } {
        if (typeof request.UserPoolId !== "string" || !/^[\w-]+_[0-9a-zA-Z]+$/.test(request.UserPoolId)) {
            return { error: "UserPoolId must match [\\w-]+_[0-9a-zA-Z]+" };
        }
        if (action === "GetLogDeliveryConfiguration") {
            const kept = this.byPool.get(request.UserPoolId);
            return kept === undefined ? {} : { LogDeliveryConfiguration: kept };
        }
        const configurations: unknown = request.LogConfigurations;
        if (!Array.isArray(configurations) || configurations.length > 2 || !configurations.every((item) => this.valid(item))) {
            return { error: "LogConfigurations is required: 0 to 2 items, each with EventSource, LogLevel and destination ARNs" };
        }
        const kept = { UserPoolId: request.UserPoolId, LogConfigurations: configurations };
        this.byPool.set(request.UserPoolId, kept);
        return { LogDeliveryConfiguration: kept };
    }

    private valid(item: Json): boolean {
        const arns = [item.CloudWatchLogsConfiguration?.LogGroupArn, item.S3Configuration?.BucketArn, item.FirehoseConfiguration?.StreamArn]
            .filter((arn) => arn !== undefined);
        return ["userNotification", "userAuthEvents"].includes(item.EventSource) && ["ERROR", "INFO"].includes(item.LogLevel) &&
            arns.every((arn) => typeof arn === "string" && arn.length >= 20 && arn.length <= 2048 && LogDeliveries.arnPattern.test(arn));
    }
}

/**
 * What cognito-local 5.3.0 has no target or field for (its lib/targets; setUserPoolMfaConfig.js keeps MFA, SMS and
 * software token only): SetRiskConfiguration and DescribeRiskConfiguration of a pool, and the passkeys'
 * WebAuthnConfiguration of SetUserPoolMfaConfig, answered by GetUserPoolMfaConfig. As the API reference describes them:
 * DescribeRiskConfiguration refuses a pool without threat protection (UserPoolAddOnNotEnabledException); each IP list
 * holds at most 200 ranges (RiskExceptionConfigurationType); a NotifyConfiguration needs its SourceArn
 * (NotifyConfigurationType); a client's configuration (ClientId) is not modelled and refused.
 */
class RiskConfigurations {
    static readonly actions = ["SetRiskConfiguration", "DescribeRiskConfiguration"];
    private readonly addOns = new Map<string, string>();
    private readonly byPool = new Map<string, Json>();
    private readonly webAuthn = new Map<string, Json>();

    answer(action: string, request: Json): Json | { error: string; type: string } {
        const poolId = request.UserPoolId;
        if (typeof poolId !== "string" || request.ClientId !== undefined) {
            return { error: "UserPoolId is required (a client's risk configuration is not modelled here)", type: "InvalidParameterException" };
        }
        if (action === "DescribeRiskConfiguration") {
            return (this.addOns.get(poolId) ?? "OFF") === "OFF"
                ? { error: "Advanced security features are not enabled for this user pool", type: "UserPoolAddOnNotEnabledException" }
                : { RiskConfiguration: { UserPoolId: poolId, ...this.byPool.get(poolId) } };
        }
        const lists = request.RiskExceptionConfiguration ?? {};
        if ([lists.BlockedIPRangeList, lists.SkippedIPRangeList].some((list) => (list ?? []).length > 200) ||
            (request.AccountTakeoverRiskConfiguration?.NotifyConfiguration !== undefined && typeof request.AccountTakeoverRiskConfiguration.NotifyConfiguration.SourceArn !== "string")) {
            return { error: "at most 200 IP ranges a list; NotifyConfiguration needs SourceArn", type: "InvalidParameterException" };
        }
        const { UserPoolId: _pool, ...configuration } = request;
        this.byPool.set(poolId, { ...configuration, LastModifiedDate: Date.now() / 1000 });
        return { RiskConfiguration: { UserPoolId: poolId, ...configuration } };
    }

    /** Keeps the pool's add-on mode and passkey settings from the requests cognito-local answers, and adds the latter back. */
    complete(action: string, request: Json, answer: Json): Json {
        if (action === "CreateUserPool" || action === "UpdateUserPool") {
            this.addOns.set(answer.UserPool?.Id ?? request.UserPoolId, request.UserPoolAddOns?.AdvancedSecurityMode ?? "OFF");
        }
        if (action === "SetUserPoolMfaConfig" && request.WebAuthnConfiguration !== undefined) {
            this.webAuthn.set(request.UserPoolId, request.WebAuthnConfiguration);
        }
        const webAuthn = this.webAuthn.get(request.UserPoolId);
        return (action === "SetUserPoolMfaConfig" || action === "GetUserPoolMfaConfig") && webAuthn !== undefined
            ? { ...answer, WebAuthnConfiguration: webAuthn } : answer;
    }
}

const brandingEnums = {
    Category: ["FAVICON_ICO", "FAVICON_SVG", "EMAIL_GRAPHIC", "SMS_GRAPHIC", "AUTH_APP_GRAPHIC", "PASSWORD_GRAPHIC", "PASSKEY_GRAPHIC",
        "PAGE_HEADER_LOGO", "PAGE_HEADER_BACKGROUND", "PAGE_FOOTER_LOGO", "PAGE_FOOTER_BACKGROUND", "PAGE_BACKGROUND", "FORM_BACKGROUND",
        "FORM_LOGO", "IDP_BUTTON_ICON"],
    ColorMode: ["LIGHT", "DARK", "DYNAMIC"],
    Extension: ["ICO", "JPEG", "PNG", "SVG", "WEBP"],
} as const;

/**
 * Branding styles, as CreateManagedLoginBranding makes them. Requests outside the API reference's shape are refused
 * as AWS refuses them (InvalidParameterException): UserPoolId and ClientId required (ManagedLoginBrandingId instead
 * to update or delete), UseCognitoProvidedValues true with neither Settings nor Assets, at most 40 Assets of the
 * AssetType enums with Bytes of at most 1,000,000 bytes; a second style for a client is
 * ManagedLoginBrandingExistsException. DescribeManagedLoginBrandingByClient of a client without one answers
 * ResourceNotFoundException; Settings only when the style has some, Assets always (as the live API: floci-io/floci
 * PR #2869). An update replaces the settings it is sent ("preserves existing style settings that you don't specify":
 * the top-level ones are kept here).
 */
class Brandings {
    static readonly actions = ["CreateManagedLoginBranding", "UpdateManagedLoginBranding", "DeleteManagedLoginBranding", "DescribeManagedLoginBrandingByClient"];
    private readonly byClient = new Map<string, Json>();

    answer(action: string, request: Json): Json | { status: number; type: string; error: string } {
        const invalid = (error: string) => ({ status: 400, type: "InvalidParameterException", error });
        if (action === "UpdateManagedLoginBranding" || action === "DeleteManagedLoginBranding") {
            const found = [...this.byClient].find(([, style]) => style.ManagedLoginBrandingId === request.ManagedLoginBrandingId &&
                style.UserPoolId === request.UserPoolId);
            if (found === undefined) {
                return { status: 400, type: "ResourceNotFoundException", error: `No branding style ${request.ManagedLoginBrandingId} in ${request.UserPoolId}` };
            }
            const [key, style] = found;
            if (action === "DeleteManagedLoginBranding") {
                this.byClient.delete(key);
                return {};
            }
            const updated = request.UseCognitoProvidedValues === true
                ? { ...style, UseCognitoProvidedValues: true, Settings: undefined, Assets: [] }
                : { ...style, UseCognitoProvidedValues: false, Settings: { ...style.Settings, ...request.Settings }, Assets: request.Assets ?? style.Assets };
            this.byClient.set(key, updated);
            return { ManagedLoginBranding: updated };
        }
        if (typeof request.UserPoolId !== "string" || typeof request.ClientId !== "string") {
            return invalid("UserPoolId and ClientId are required");
        }
        const key = `${request.UserPoolId}/${request.ClientId}`;
        if (action === "DescribeManagedLoginBrandingByClient") {
            const style = this.byClient.get(key);
            return style === undefined ? { status: 400, type: "ResourceNotFoundException", error: `No branding for client ${request.ClientId}` }
                : { ManagedLoginBranding: style };
        }
        const assets: Json[] = request.Assets ?? [];
        if (request.UseCognitoProvidedValues === true && (request.Settings !== undefined || assets.length > 0)) {
            return invalid("With UseCognitoProvidedValues, omit Settings and Assets");
        }
        if (!Array.isArray(assets) || assets.length > 40 || assets.some((asset) =>
            Object.entries(brandingEnums).some(([field, values]) => !(values as readonly string[]).includes(asset[field])) ||
            (asset.Bytes !== undefined && Buffer.from(asset.Bytes, "base64").length > 1_000_000))) {
            return invalid("Assets: at most 40, each with Category, ColorMode and Extension of the AssetType enums and Bytes of at most 1,000,000 bytes");
        }
        if (this.byClient.has(key)) {
            return { status: 400, type: "ManagedLoginBrandingExistsException", error: `Client ${request.ClientId} already has a branding style` };
        }
        const style = {
            ManagedLoginBrandingId: `0${this.byClient.size}c6ae7b-1e66-46d2-87a9-1203ea3307bd`.slice(-36), UserPoolId: request.UserPoolId,
            UseCognitoProvidedValues: request.UseCognitoProvidedValues === true, ...(request.Settings === undefined ? {} : { Settings: request.Settings }),
            Assets: assets, CreationDate: 1796000000, LastModifiedDate: 1796000000,
        };
        this.byClient.set(key, style);
        return { ManagedLoginBranding: style };
    }
}

function readBody(request: http.IncomingMessage): Promise<string> {
    return new Promise((done, fail) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
        request.on("error", fail);
    });
}

function reply(response: http.ServerResponse, status: number, body: unknown, errorType?: string): void {
    response.writeHead(status, {
        "content-type": "application/x-amz-json-1.1",
        ...(errorType ? { "x-amzn-errortype": errorType } : {}),
    });
    response.end(JSON.stringify(body));
}

interface Answer {
    readonly status: number;
    readonly headers: http.IncomingHttpHeaders;
    readonly body: string;
}

function forward(endpoint: string, request: http.IncomingMessage, body: string): Promise<Answer> {
    const { host: _host, ...headers } = request.headers;
    return new Promise((done, fail) => {
        const upstream = http.request(`${endpoint}${request.url}`, { method: request.method, headers }, async (answer) => {
            done({ status: answer.statusCode ?? 500, headers: answer.headers, body: await readBody(answer) });
        });
        upstream.on("error", fail);
        upstream.end(body);
    });
}

interface CognitoLocal {
    readonly endpoint: string;
    stop(): Promise<void>;
}

/**
 * Starts cognito-local (sandbox/cognito-local.ts) on a free port of 127.0.0.1 with its state in a new temp dir,
 * removed when it stops. Its config empties UsernameAttributes (facts.md).
 */
async function startCognitoLocal(config: Record<string, unknown>): Promise<CognitoLocal> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-local-"));
    const started = await startSandboxCognitoLocal({ dir, port: await bindablePort(0, "cognito-local"), config });
    return {
        endpoint: started.endpoint,
        stop: async () => {
            await started.stop();
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}

/**
 * Clients for the local endpoint that retry as the SDK does by default (3 attempts) but without its backoff
 * delays, through the SDK's own retry-strategy option: a throttling test need not wait them out.
 */
export function clientsWithoutBackoff(region: string): AwsClients {
    const retryStrategy = new ConfiguredRetryStrategy(3, () => 0);
    return { region, cognito: new CognitoIdentityProviderClient({ region, retryStrategy }), ses: new SESv2Client({ region, retryStrategy }) };
}

/** Points the AWS SDK of this process at the local endpoint with dummy credentials; returns the undo. */
export function useLocalAws(local: LocalAws): () => void {
    const settings: Record<string, string | undefined> = {
        AWS_ENDPOINT_URL: local.endpoint,
        AWS_ACCESS_KEY_ID: "local",
        AWS_SECRET_ACCESS_KEY: "local",
        AWS_SESSION_TOKEN: undefined,
        AWS_REGION: "us-east-1",
        AWS_DEFAULT_REGION: undefined,
        AWS_PROFILE: undefined,
        AWS_MAX_ATTEMPTS: undefined,
        // No shared files of the machine the tests run on.
        AWS_CONFIG_FILE: path.join(os.tmpdir(), "no-aws-config"),
        AWS_SHARED_CREDENTIALS_FILE: path.join(os.tmpdir(), "no-aws-credentials"),
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    };
    return setEnvironment(settings);
}

export { setEnvironment };
