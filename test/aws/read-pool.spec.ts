import {
    AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient,
    CreateGroupCommand, CreateGroupCommandInput, CreateUserPoolClientCommand, CreateUserPoolCommand, InitiateAuthCommand,
    SetLogDeliveryConfigurationCommand,
    SetRiskConfigurationCommand, SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import * as assert from "assert";
import { awsClients, AwsClients, closeClients, regionOfPoolId } from "../../aws/clients";
import { AwsAccessError } from "../../aws/errors";
import { settingsFromLive } from "../../aws/live-to-settings";
import { apiShaped } from "../../sandbox/api-shape";
import { createUserPoolClientRequest, createUserPoolRequest, mfaConfigRequest } from "../../sandbox/provider-requests";
import { readLivePool, redactedSecret } from "../../aws/read-pool";
import { appClientArgs, logDeliveryConfigurationArgs, parseStackSettings, riskConfigurationArgs, userGroupArgs, userPoolArgs } from "../../config";
import { describedRiskConfiguration } from "./support/described-from-inputs";
import { clientsWithoutBackoff, LocalAws, setEnvironment, startLocalAws, useLocalAws } from "./support/local-aws";
import { createPool, CreatedPool, poolShapes, region } from "./support/pool-shapes";

/**
 * CreateGroup as the provider sends the program's inputs (terraform-provider-aws user_group.go,
 * resourceUserGroupCreate: GroupName and UserPoolId always, Description, Precedence and RoleArn when set).
 */
function createGroupRequest(inputs: Record<string, any>): CreateGroupCommandInput {
    return {
        GroupName: inputs.name, UserPoolId: inputs.userPoolId,
        ...(inputs.description ? { Description: inputs.description } : {}),
        ...(inputs.precedence ? { Precedence: inputs.precedence } : {}),
        ...(inputs.roleArn ? { RoleArn: inputs.roleArn } : {}),
    };
}

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));

/** Runs `read` and returns the AwsAccessError it fails with. */
async function failureOf(read: () => Promise<unknown>): Promise<AwsAccessError> {
    try {
        await read();
    } catch (error) {
        assert.ok(error instanceof AwsAccessError, `expected an AwsAccessError, got ${error}`);
        return error;
    }
    assert.fail("expected the read to fail");
}

describe("reading a live pool through the AWS SDK (cognito-local behind AWS_ENDPOINT_URL)", function () {
    this.timeout(60_000);
    let local: LocalAws;
    let restoreEnvironment: () => void;
    let cognito: CognitoIdentityProviderClient;
    let aws: AwsClients;
    let awsWithoutBackoff: AwsClients;
    let sesPool: CreatedPool;
    let cognitoSenderPool: CreatedPool;

    before(async () => {
        local = await startLocalAws();
        restoreEnvironment = useLocalAws(local);
        cognito = new CognitoIdentityProviderClient({});
        sesPool = await createPool(cognito, local, poolShapes["username only"]);
        cognitoSenderPool = await createPool(cognito, local, poolShapes["email as username"]);
        aws = await awsClients(region);
        awsWithoutBackoff = clientsWithoutBackoff(region);
    });

    after(async () => {
        closeClients(aws);
        closeClients(awsWithoutBackoff);
        cognito?.destroy();
        restoreEnvironment?.();
        await local?.stop();
    });

    beforeEach(() => {
        local.calls.length = 0;
        local.clientsPerPage = 2;
    });

    it("reads the pool, its second factors, its clients and its SES sender from the endpoint in AWS_ENDPOINT_URL", async () => {
        const live = await readLivePool(aws, sesPool.poolId);

        assert.strictEqual(live.region, region);
        assert.strictEqual(live.pool.Name, "console-username-only");
        assert.deepStrictEqual(live.pool.UsernameConfiguration, { CaseSensitive: false });
        assert.strictEqual(live.mfa.MfaConfiguration, "OFF");
        assert.deepStrictEqual(live.clients.map((client) => client.ClientName), ["web"]);
        assert.strictEqual(live.senderIdentity?.name, "no-reply@example.com");
        assert.strictEqual(live.senderIdentity?.description.IdentityType, "EMAIL_ADDRESS");
        assert.deepStrictEqual(local.calls, ["DescribeUserPool", "GetUserPoolMfaConfig", "ListUserPoolClients", "DescribeUserPoolClient",
            "ListGroups", "ListResourceServers", "ListIdentityProviders", "GetLogDeliveryConfiguration", "DescribeManagedLoginBrandingByClient", "GetEmailIdentity"]);
        assert.strictEqual(live.logDelivery, undefined);
        assert.deepStrictEqual(live.brandings, {}, "a client without a style answers ResourceNotFoundException: none");
    });

    it("reads every identity provider of every page (ListIdentityProviders, then DescribeIdentityProvider each), never keeping a client secret", async () => {
        const { poolId } = await createPool(cognito, local, { ...poolShapes["username only"], identityProviders: [
            { ProviderName: "Google", ProviderType: "Google", ProviderDetails: { client_id: "g", client_secret: "google-secret", authorize_scopes: "openid" } },
            { ProviderName: "SignInWithApple", ProviderType: "SignInWithApple",
                ProviderDetails: { client_id: "com.example", team_id: "T", key_id: "K", private_key: "apple-private-key", authorize_scopes: "email" } },
            { ProviderName: "Okta", ProviderType: "SAML", ProviderDetails: { MetadataURL: "https://idp.example.com/metadata" } },
        ] });
        local.identityProviderRequests.length = 0;

        const live = await readLivePool(aws, poolId);

        assert.deepStrictEqual(live.identityProviders.map((provider) => [provider.ProviderName, provider.ProviderType]),
            [["Google", "Google"], ["SignInWithApple", "SignInWithApple"], ["Okta", "SAML"]]);
        assert.strictEqual(live.identityProviders[0].ProviderDetails?.client_secret, redactedSecret);
        assert.ok(!JSON.stringify(live).includes("google-secret") && !JSON.stringify(live).includes("apple-private-key"));
        // The requests as the SDK's paginator and the reader send them (API_ListIdentityProviders: MaxResults 1 to 60;
        // API_DescribeIdentityProvider: UserPoolId and ProviderName); the front door answers 2 providers a page.
        assert.deepStrictEqual(local.identityProviderRequests.map(({ action, body }) => [action, body]), [
            ["ListIdentityProviders", { UserPoolId: poolId, MaxResults: 60 }],
            ["ListIdentityProviders", { UserPoolId: poolId, MaxResults: 60, NextToken: "2" }],
            ...["Google", "SignInWithApple", "Okta"].map((name) => ["DescribeIdentityProvider", { UserPoolId: poolId, ProviderName: name }]),
        ]);
    });

    it("reads every group and every resource server with its scopes, ListResourceServers asked for pages of at most 50", async () => {
        local.resourceServerRequests.length = 0;

        const live = await readLivePool(aws, cognitoSenderPool.poolId);

        assert.deepStrictEqual(live.groups.map((group) => [group.GroupName, group.Description, group.Precedence, group.RoleArn]).sort(), [
            ["admins", "Operators", 1, "arn:aws:iam::123456789012:role/admins"], ["readers", undefined, undefined, undefined]]);
        assert.deepStrictEqual(live.resourceServers, [{ UserPoolId: cognitoSenderPool.poolId, Identifier: "orders-api", Name: "Orders API",
            Scopes: [{ ScopeName: "read", ScopeDescription: "Read orders" }, { ScopeName: "write", ScopeDescription: "Change orders" }] }]);
        // The request as the SDK's paginator sends it (API_ListResourceServers: MaxResults 1 to 50).
        assert.deepStrictEqual(local.resourceServerRequests, [
            { action: "ListResourceServers", body: { UserPoolId: cognitoSenderPool.poolId, MaxResults: 50 } }]);
    });

    it("lists the clients of every page", async () => {
        local.clientsPerPage = 1;

        const live = await readLivePool(aws, cognitoSenderPool.poolId);

        assert.deepStrictEqual(live.clients.map((client) => client.ClientName).sort(), ["jobs", "server", "web"]);
        assert.strictEqual(local.calls.filter((call) => call === "ListUserPoolClients").length, 3);
    });

    it("reads no SES identity for a pool that sends through Cognito", async () => {
        const live = await readLivePool(aws, cognitoSenderPool.poolId);

        assert.strictEqual(live.senderIdentity, undefined);
        assert.ok(!local.calls.includes("GetEmailIdentity"));
    });

    it("reads passkeys from GetUserPoolMfaConfig and threat protection from DescribeRiskConfiguration, as the program sent them; adopt writes them back", async () => {
        const settings = parseStackSettings({ tier: "plus", firstAuthFactors: ["password", "web_authn"],
            passkeys: { relyingPartyId: "auth.example.com", userVerification: "required" },
            threatProtection: { mode: "enforced", compromisedCredentials: { action: "block" },
                accountTakeover: { high: { action: "mfa_required" } }, ipRanges: { alwaysBlock: ["198.51.100.0/24"] } } },
        { project: "cognito-user-pool", stack: "adopted", region });
        // The provider's requests: CreateUserPool, SetUserPoolMfaConfig with the passkeys, SetRiskConfiguration.
        const inputs = userPoolArgs({ ...settings, userPool: { ...settings.userPool, name: "passkeys-and-threats" } }) as Record<string, unknown>;
        const poolId = (await cognito.send(new CreateUserPoolCommand(createUserPoolRequest(inputs)))).UserPool!.Id!;
        await cognito.send(new SetUserPoolMfaConfigCommand(mfaConfigRequest(poolId, inputs)!));
        const { UserPoolId: _, LastModifiedDate: _at, ...risk } = describedRiskConfiguration(poolId, riskConfigurationArgs(settings.threatProtection, undefined)!);
        await cognito.send(new SetRiskConfigurationCommand({ UserPoolId: poolId, ...risk }));

        const live = await readLivePool(aws, poolId);
        assert.ok(local.calls.includes("DescribeRiskConfiguration"), local.calls.join(", "));
        const adopted = settingsFromLive(live);
        assert.deepStrictEqual(adopted.settings.passkeys, { relyingPartyId: "auth.example.com", userVerification: "required" });
        assert.deepStrictEqual(adopted.settings.threatProtection, { mode: "enforced", compromisedCredentials: { action: "block" },
            accountTakeover: { high: { action: "mfa_required", notify: false } }, ipRanges: { alwaysBlock: ["198.51.100.0/24"] } });
        assert.deepStrictEqual(adopted.gaps, []);
    });

    it("keeps whether a client has a secret, never the secret", async () => {
        const live = await readLivePool(aws, cognitoSenderPool.poolId);

        const secrets = Object.fromEntries(live.clients.map((client) => [client.ClientName, client.ClientSecret]));
        assert.deepStrictEqual(secrets, { web: undefined, server: redactedSecret, jobs: redactedSecret });
    });

    it("retries throttling and then succeeds", async () => {
        local.failNext("DescribeUserPool", { status: 400, type: "TooManyRequestsException", message: "Too many requests" }, 2);

        const live = await readLivePool(awsWithoutBackoff, sesPool.poolId);

        assert.strictEqual(live.pool.Id, sesPool.poolId);
        assert.strictEqual(local.calls.filter((call) => call === "DescribeUserPool").length, 3);
    });

    it("reports throttling that outlasts the retries, naming the pool and the region", async () => {
        local.failNext("DescribeUserPool", { status: 400, type: "TooManyRequestsException", message: "Too many requests" }, 3);

        const failure = await failureOf(() => readLivePool(awsWithoutBackoff, sesPool.poolId));

        assert.strictEqual(failure.failure, "throttled");
        assert.match(failure.message, new RegExp(`throttled DescribeUserPool on user pool ${sesPool.poolId} in ${region} 3 times`));
        assert.match(failure.message, /AWS_MAX_ATTEMPTS/);
    });

    it("reports a pool that does not exist, naming it and the region", async () => {
        const failure = await failureOf(() => readLivePool(aws, "us-east-1_Missing00"));

        assert.strictEqual(failure.failure, "not-found");
        assert.match(failure.message, /^user pool us-east-1_Missing00 not found in us-east-1 \(DescribeUserPool\)/);
    });

    it("reports denied access with the permissions the commands need", async () => {
        local.failNext("ListUserPoolClients", { status: 400, type: "AccessDeniedException", message: "User is not authorized" });

        const failure = await failureOf(() => readLivePool(aws, sesPool.poolId));

        assert.strictEqual(failure.failure, "access-denied");
        assert.match(failure.message, new RegExp(`^access denied: ListUserPoolClients on user pool ${sesPool.poolId} in ${region}`));
        assert.match(failure.message, /cognito-idp:DescribeUserPool, cognito-idp:GetUserPoolMfaConfig, .*ses:GetEmailIdentity/);
    });

    it("reports a missing SES identity as the pool's sender", async () => {
        local.failNext("GetEmailIdentity", { status: 404, type: "NotFoundException", message: "Email identity does not exist." });

        const failure = await failureOf(() => readLivePool(aws, sesPool.poolId));

        assert.strictEqual(failure.failure, "not-found");
        assert.match(failure.message, new RegExp(`^SES identity no-reply@example.com \\(the sender of user pool ${sesPool.poolId}\\) not found in ${region}`));
    });

    it("reports missing credentials, naming what was read", async () => {
        const restore = setEnvironment({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
        const clients = await awsClients(region);
        try {
            const failure = await failureOf(() => readLivePool(clients, sesPool.poolId));

            assert.strictEqual(failure.failure, "credentials");
            assert.match(failure.message, new RegExp(`^no usable AWS credentials for DescribeUserPool on user pool ${sesPool.poolId} in ${region}`));
            assert.match(failure.message, /AWS_PROFILE/);
        } finally {
            closeClients(clients);
            restore();
        }
    });

    it("asks for a region when neither --region nor the chain gives one", async () => {
        const restore = setEnvironment({ AWS_REGION: undefined });
        try {
            const failure = await failureOf(() => awsClients(regionOfPoolId("local_AbC")));

            assert.strictEqual(failure.failure, "region");
            assert.match(failure.message, /pass --region/);
        } finally {
            restore();
        }
    });

    it("takes the region from a pool id", () => {
        assert.strictEqual(regionOfPoolId("eu-west-1_AbCdEf123"), "eu-west-1");
        assert.strictEqual(regionOfPoolId("us-gov-west-1_AbCdEf123"), "us-gov-west-1");
        assert.strictEqual(regionOfPoolId("local_AbCdEf12"), undefined);
    });

    it("gives a stack's groups, created as the provider creates them, to their members' tokens: cognito:groups in the ID and access tokens", async () => {
        const settings = parseStackSettings({ groups: [
            { name: "admins", description: "Operators", precedence: 1 }, { name: "readers", precedence: 10 }, { name: "auditors" },
        ] }, { project: "cognito-user-pool", stack: "local" });
        const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: "groups" }));
        const poolId = UserPool!.Id!;
        for (const group of settings.groups) {
            await cognito.send(new CreateGroupCommand(createGroupRequest(userGroupArgs(group, poolId) as Record<string, any>)));
        }
        const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
            UserPoolId: poolId, ClientName: "web", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }));
        await cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "ana", MessageAction: "SUPPRESS" }));
        await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "ana", Password: "Passw0rd!", Permanent: true }));
        for (const group of ["admins", "readers"]) {
            await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: "ana", GroupName: group }));
        }

        const { AuthenticationResult } = await cognito.send(new InitiateAuthCommand({
            ClientId: UserPoolClient!.ClientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "ana", PASSWORD: "Passw0rd!" } }));

        assert.deepStrictEqual(claimsOf(AuthenticationResult!.IdToken!)["cognito:groups"].sort(), ["admins", "readers"]);
        assert.deepStrictEqual(claimsOf(AuthenticationResult!.AccessToken!)["cognito:groups"].sort(), ["admins", "readers"]);
    });

    it("reads a pool's log delivery (GetLogDeliveryConfiguration) and a client's refresh token rotation, which adopt writes as settings", async () => {
        const settings = parseStackSettings({ tier: "plus", clients: [{ name: "rotating", authFlows: ["user_password"], refreshTokenRotation: { gracePeriodSeconds: 20 } }],
            logs: { userNotification: { logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:/shared/cognito" },
                userAuthEvents: { bucketArn: "arn:aws:s3:::sign-in-activity" } } }, { project: "cognito-user-pool", stack: "local" });
        const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: "delivering" }));
        const poolId = UserPool!.Id!;
        // What the provider sends: the client's plan (CreateUserPoolClient), the whole log configuration (SetLogDeliveryConfiguration).
        const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand(
            createUserPoolClientRequest(appClientArgs(settings.clients[0], poolId) as Record<string, any>)));
        const { userPoolId: _id, ...delivery } = logDeliveryConfigurationArgs(settings.logs!, poolId, {});
        local.logDeliveryRequests.length = 0;
        await cognito.send(new SetLogDeliveryConfigurationCommand({ UserPoolId: poolId, ...apiShaped(delivery, {}) } as never));

        const live = await readLivePool(aws, poolId);

        const configurations = [
            { EventSource: "userNotification", LogLevel: "ERROR", CloudWatchLogsConfiguration: { LogGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:/shared/cognito" } },
            { EventSource: "userAuthEvents", LogLevel: "INFO", S3Configuration: { BucketArn: "arn:aws:s3:::sign-in-activity" } },
        ];
        // The requests as the SDK sent them (API_SetLogDeliveryConfiguration, API_GetLogDeliveryConfiguration), and the answer read.
        assert.deepStrictEqual(local.logDeliveryRequests, [
            { action: "SetLogDeliveryConfiguration", body: { UserPoolId: poolId, LogConfigurations: configurations } },
            { action: "GetLogDeliveryConfiguration", body: { UserPoolId: poolId } },
        ]);
        assert.deepStrictEqual(live.logDelivery, { UserPoolId: poolId, LogConfigurations: configurations });
        assert.deepStrictEqual(UserPoolClient!.RefreshTokenRotation, { Feature: "ENABLED", RetryGracePeriodSeconds: 20 });
        const adopted = settingsFromLive(live);
        assert.deepStrictEqual(adopted.settings.logs, settings.logs && { userNotification: settings.logs.userNotification, userAuthEvents: settings.logs.userAuthEvents });
        assert.deepStrictEqual(adopted.settings.clients?.[0].refreshTokenRotation, { gracePeriodSeconds: 20 });
        // A bare CreateUserPool leaves the pool's own settings to the pool spec; nothing of the logs or the client is a gap.
        assert.deepStrictEqual(adopted.gaps.filter((gap) => !gap.setting.startsWith("AccountRecoverySetting")), []);
    });

    it("reads the DISABLED rotation AWS reports for a client never given one as no rotation, so adopt writes none and the program sends none", async () => {
        const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: "not-rotating" }));
        await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientName: "web",
            RefreshTokenRotation: { Feature: "DISABLED", RetryGracePeriodSeconds: 0 } }));

        const live = await readLivePool(aws, UserPool!.Id!);

        assert.strictEqual(live.clients[0].RefreshTokenRotation, undefined);
        assert.strictEqual(settingsFromLive(live).settings.clients?.[0].refreshTokenRotation, undefined);
    });

    it("refreshes through REFRESH_TOKEN_AUTH on a rotating client without that flow: a cognito-local gap (no ExplicitAuthFlows check, no GetTokensFromRefreshToken), where AWS refuses it", async () => {
        const settings = parseStackSettings({ clients: [{ name: "rotating", authFlows: ["user_password"], refreshTokenRotation: {} }] },
            { project: "cognito-user-pool", stack: "local" });
        const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: "rotating" }));
        const poolId = UserPool!.Id!;
        const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand(
            createUserPoolClientRequest(appClientArgs(settings.clients[0], poolId) as Record<string, any>)));
        await cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "ana", MessageAction: "SUPPRESS" }));
        await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "ana", Password: "Passw0rd!", Permanent: true }));

        // The honest user signs in with the client's one flow.
        const { AuthenticationResult } = await cognito.send(new InitiateAuthCommand({
            ClientId: UserPoolClient!.ClientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "ana", PASSWORD: "Passw0rd!" } }));
        assert.ok(AuthenticationResult?.RefreshToken);
        // A refresh token replayed the old way is still honoured here: only AWS shows the refusal the config rule relies on.
        const replayed = await cognito.send(new InitiateAuthCommand({
            ClientId: UserPoolClient!.ClientId, AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN: AuthenticationResult.RefreshToken } }));
        assert.ok(replayed.AuthenticationResult?.AccessToken);
    });
});
