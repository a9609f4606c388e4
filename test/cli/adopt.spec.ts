import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, CreateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import * as assert from "assert";
import * as fs from "fs";
import { main as adopt } from "../../cli/adopt";
import { main as baseline } from "../../cli/baseline";
import { withoutStackTag } from "../../config/rules/tags";
import { evaluateStack, RegisteredResource } from "../../offline/evaluate";
import { readStackConfig, readYamlFile, StackConfig } from "../../stack-files/reader";
import {
    baselineFromStateExport,
    clientSettingsFromProps,
    poolFromDescribeUserPool,
    poolSettingsFromProps,
    requireKnownPool,
} from "cognito-user-pool-policies";
import { describePool, DescribedPool } from "../aws/support/live-pool";
import { LocalAws, startLocalAws, useLocalAws } from "../aws/support/local-aws";
import { createPool, CreatedPool, PoolShape, poolShapes, region } from "../aws/support/pool-shapes";
import { stateExportOf } from "../aws/support/state-export";
import { capturingIO, ProjectCopy } from "./support/project-copy";

const poolType = "aws:cognito/userPool:UserPool";
const clientType = "aws:cognito/userPoolClient:UserPoolClient";
const senderType = "aws:sesv2/emailIdentity:EmailIdentity";
const groupType = "aws:cognito/userGroup:UserGroup";
const resourceServerType = "aws:cognito/resourceServer:ResourceServer";

function registered(resources: RegisteredResource[], type: string): RegisteredResource[] {
    return resources.filter((resource) => resource.type === type);
}

/** The fixed settings the program registers equal the live ones, both read by the policy pack's readers. */
function assertFixedSettingsEqual(poolInputs: Record<string, any>, live: DescribedPool): void {
    const { id: _id, ...liveFixed } = poolFromDescribeUserPool(live.pool);
    assert.deepStrictEqual(requireKnownPool(poolSettingsFromProps(poolInputs), "program"), liveFixed);
}

/** The main changeable settings of the pool, as registered and as live. */
function assertPoolSettingsEqual(inputs: Record<string, any>, live: DescribedPool): void {
    const { pool, mfa } = live;
    const password = pool.Policies!.PasswordPolicy!;
    assert.deepStrictEqual(inputs.passwordPolicy, {
        minimumLength: password.MinimumLength, requireLowercase: password.RequireLowercase, requireUppercase: password.RequireUppercase,
        requireNumbers: password.RequireNumbers, requireSymbols: password.RequireSymbols,
        temporaryPasswordValidityDays: password.TemporaryPasswordValidityDays,
    });
    assert.strictEqual(inputs.mfaConfiguration, pool.MfaConfiguration);
    assert.strictEqual(inputs.softwareTokenMfaConfiguration?.enabled ?? false, mfa.SoftwareTokenMfaConfiguration?.Enabled ?? false);
    assert.deepStrictEqual(inputs.accountRecoverySetting.recoveryMechanisms,
        pool.AccountRecoverySetting!.RecoveryMechanisms!.map((mechanism) => ({ name: mechanism.Name, priority: mechanism.Priority })));
    assert.strictEqual(inputs.adminCreateUserConfig.allowAdminCreateUserOnly, pool.AdminCreateUserConfig!.AllowAdminCreateUserOnly);
    assert.deepStrictEqual(inputs.autoVerifiedAttributes, pool.AutoVerifiedAttributes);
    const email = pool.EmailConfiguration!;
    assert.strictEqual(inputs.emailConfiguration.emailSendingAccount, email.EmailSendingAccount);
    assert.strictEqual(inputs.emailConfiguration.fromEmailAddress, email.From);
    assert.strictEqual(inputs.emailConfiguration.replyToEmailAddress, email.ReplyToEmailAddress);
    assert.strictEqual(inputs.emailConfiguration.sourceArn, email.SourceArn);
    const template = pool.VerificationMessageTemplate!;
    assert.strictEqual(inputs.verificationMessageTemplate.defaultEmailOption, template.DefaultEmailOption);
    assert.strictEqual(inputs.verificationMessageTemplate.emailSubjectByLink, template.EmailSubjectByLink);
    assert.strictEqual(inputs.verificationMessageTemplate.emailMessageByLink, template.EmailMessageByLink);
    // The program adds the stack's own tag (components/deploy-scope.ts), which the console-made pool lacks.
    assert.deepStrictEqual(withoutStackTag(inputs.tags), pool.UserPoolTags ?? {});
    assert.strictEqual(inputs.deletionProtection, pool.DeletionProtection);
    assert.strictEqual(inputs.userPoolTier, pool.UserPoolTier);
    const devices = pool.DeviceConfiguration;
    assert.deepStrictEqual(inputs.deviceConfiguration, devices && {
        challengeRequiredOnNewDevice: devices.ChallengeRequiredOnNewDevice, deviceOnlyRememberedOnUserPrompt: devices.DeviceOnlyRememberedOnUserPrompt });
    assert.deepStrictEqual(inputs.userAttributeUpdateSettings?.attributesRequireVerificationBeforeUpdates ?? [],
        pool.UserAttributeUpdateSettings!.AttributesRequireVerificationBeforeUpdate);
}

function assertClientSettingsEqual(inputs: Record<string, any>, live: DescribedPool): void {
    const client = live.clients[inputs.name];
    // An imported client's state holds no generate_secret, and RequiresReplace would replace it for true or false
    // (terraform-provider-aws user_pool_client.go): the program sends none for a client it adopts.
    assert.ok(client !== undefined);
    assert.strictEqual(clientSettingsFromProps(inputs).generateSecret, undefined);
    assert.deepStrictEqual(inputs.explicitAuthFlows, client.ExplicitAuthFlows);
    assert.deepStrictEqual(
        [inputs.accessTokenValidity, inputs.idTokenValidity, inputs.refreshTokenValidity, inputs.tokenValidityUnits],
        [client.AccessTokenValidity, client.IdTokenValidity, client.RefreshTokenValidity,
            { accessToken: client.TokenValidityUnits!.AccessToken, idToken: client.TokenValidityUnits!.IdToken, refreshToken: client.TokenValidityUnits!.RefreshToken }]);
    assert.strictEqual(inputs.authSessionValidity, client.AuthSessionValidity);
    assert.strictEqual(inputs.enableTokenRevocation, client.EnableTokenRevocation);
    assert.strictEqual(inputs.preventUserExistenceErrors, client.PreventUserExistenceErrors);
    assert.deepStrictEqual(inputs.readAttributes, client.ReadAttributes);
    assert.deepStrictEqual(inputs.writeAttributes, client.WriteAttributes);
    assert.strictEqual(inputs.allowedOauthFlowsUserPoolClient, client.AllowedOAuthFlowsUserPoolClient ?? false);
    assert.deepStrictEqual(inputs.allowedOauthFlows, client.AllowedOAuthFlows);
    assert.deepStrictEqual(inputs.allowedOauthScopes, client.AllowedOAuthScopes);
    // The API leaves an empty list out of its answer (a client_credentials client has no URLs).
    assert.deepStrictEqual(inputs.callbackUrls ?? [], client.CallbackURLs ?? []);
    assert.deepStrictEqual(inputs.logoutUrls ?? [], client.LogoutURLs ?? []);
    assert.strictEqual(inputs.defaultRedirectUri, client.DefaultRedirectURI);
    assert.deepStrictEqual(inputs.supportedIdentityProviders, client.SupportedIdentityProviders);
}

/** The baseline a policy-config file carries (the same one under every fixed-settings policy). */
/**
 * The stack as its owner leaves it after the adoption's note: each identity provider's credential set with
 * `pulumi config set --secret --path`, which makes identityProviders a secret key (its value the reader's placeholder).
 */
function withCredentialsSet(config: StackConfig): StackConfig {
    const key = "cognito-user-pool:identityProviders";
    return key in config.config ? { ...config, secretKeys: [...config.secretKeys, key] } : config;
}

function baselineIn(file: string): Record<string, any> {
    const config = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, { baseline?: Record<string, any> }>;
    return Object.values(config).find((entry) => entry.baseline !== undefined)!.baseline!;
}

describe("npm run adopt", function () {
    this.timeout(60_000);
    let local: LocalAws;
    let restoreEnvironment: () => void;
    let cognito: CognitoIdentityProviderClient;
    let project: ProjectCopy;

    before(async () => {
        local = await startLocalAws();
        restoreEnvironment = useLocalAws(local);
        cognito = new CognitoIdentityProviderClient({});
        project = new ProjectCopy();
    });

    after(async () => {
        project?.remove();
        cognito?.destroy();
        restoreEnvironment?.();
        await local?.stop();
    });

    Object.entries(poolShapes).forEach(([shapeName, shape]: [string, PoolShape], index) => {
        describe(`a pool made in the console: ${shapeName}`, () => {
            const stack = `adopted${index}`;
            let created: CreatedPool;
            let live: DescribedPool;
            let resources: RegisteredResource[];
            let stdout: string;

            before(async () => {
                created = await createPool(cognito, local, shape);
                live = await describePool(cognito, created);
                const io = capturingIO(project.dir);
                const exitCode = await adopt(["--stack", stack, "--pool-id", created.poolId, "--region", region], io);
                stdout = io.out();
                assert.strictEqual(exitCode, 0, io.out() + io.err());
                resources = (await evaluateStack(withCredentialsSet(readStackConfig(project.dir, stack)))).resources;
            });

            it("writes a stack file that says the program sends exactly the live settings", () => {
                assert.match(stdout, new RegExp(`^wrote .*Pulumi\\.${stack}\\.yaml: user pool ${shape.pool.PoolName} \\(${created.poolId}\\) in ${region}`));
                assert.match(stdout, /imports with no replacement and no diff/);
                const written = readYamlFile(project.stackFile(stack)) as { config: Record<string, unknown> };
                assert.strictEqual(written.config["aws:region"], region);
                assert.strictEqual(written.config["cognito-user-pool:protect"], true);
            });

            it("makes the program register the live pool's fixed settings", () => {
                assertFixedSettingsEqual(registered(resources, poolType)[0].inputs, live);
            });

            it("makes the program register the live pool's changeable settings", () => {
                assertPoolSettingsEqual(registered(resources, poolType)[0].inputs, live);
            });

            it("makes the program register every live client with its settings", () => {
                const clients = registered(resources, clientType);
                assert.deepStrictEqual(clients.map((client) => client.inputs.name).sort(), Object.keys(created.clientIds).sort());
                clients.forEach((client) => assertClientSettingsEqual(client.inputs, live));
            });

            it("makes the program register every live group and resource server with its settings, imported by the provider's ids", () => {
                const groups = registered(resources, groupType);
                assert.deepStrictEqual(groups.map((group) => [group.inputs.name, group.inputs.description, group.inputs.precedence, group.inputs.roleArn, group.importId]).sort(),
                    (shape.groups ?? []).map((group) => [group.GroupName, group.Description, group.Precedence, group.RoleArn, `${created.poolId}/${group.GroupName}`]).sort());
                const servers = registered(resources, resourceServerType);
                assert.deepStrictEqual(servers.map((server) => [server.inputs.identifier, server.inputs.name, server.inputs.scopes, server.importId]),
                    (shape.resourceServers ?? []).map((server) => [server.Identifier, server.Name,
                        server.Scopes!.map((scope) => ({ scopeName: scope.ScopeName, scopeDescription: scope.ScopeDescription })),
                        `${created.poolId}|${server.Identifier}`]));
            });

            it("makes the program register the live domain with its certificate and managed login version, imported by its name", () => {
                const domains = registered(resources, "aws:cognito/userPoolDomain:UserPoolDomain");
                assert.deepStrictEqual(domains.map((domain) => [domain.inputs.domain, domain.inputs.certificateArn, domain.inputs.managedLoginVersion, domain.importId]),
                    shape.domain === undefined ? [] : [[shape.domain.Domain, shape.domain.CustomDomainConfig?.CertificateArn, shape.domain.ManagedLoginVersion ?? 1, shape.domain.Domain]]);
                if (shape.domain !== undefined) {
                    // The SDK's request as the front door checked it (API_DescribeUserPoolDomain: Domain only).
                    assert.ok(local.domainRequests.some(({ action, body }) => action === "DescribeUserPoolDomain" &&
                        JSON.stringify(body) === JSON.stringify({ Domain: shape.domain!.Domain })));
                }
            });

            it("makes the program register each live branding style with its settings, imported by `<pool id>,<style id>`", () => {
                const brandings = registered(resources, "aws:cognito/managedLoginBranding:ManagedLoginBranding");
                const described = local.brandingRequests.filter(({ action }) => action === "DescribeManagedLoginBrandingByClient");
                assert.deepStrictEqual(brandings.map((branding) => [branding.name, JSON.parse(branding.inputs.settings), branding.inputs.clientId, branding.importId?.split(",")[0]]),
                    Object.entries(shape.brandings ?? {}).map(([client, style]) => [`auth-branding-${client}`, style.Settings, created.clientIds[client], created.poolId]));
                // The SDK's request as the front door checked it (API_DescribeManagedLoginBrandingByClient), for every client.
                for (const clientId of Object.values(created.clientIds)) {
                    assert.ok(described.some(({ body }) => JSON.stringify(body) === JSON.stringify({ UserPoolId: created.poolId, ClientId: clientId, ReturnMergedResources: false })),
                        `DescribeManagedLoginBrandingByClient of ${clientId}`);
                }
            });

            it("makes the program register every live identity provider, imported by `<pool id>:<name>`, its credential left for a secret", async () => {
                const providers = registered(resources, "aws:cognito/identityProvider:IdentityProvider");
                assert.deepStrictEqual(providers.map((provider) => [provider.inputs.providerName, provider.inputs.providerType,
                    provider.inputs.attributeMapping, provider.importId]),
                (shape.identityProviders ?? []).map((provider) => [provider.ProviderName, provider.ProviderType, provider.AttributeMapping,
                    `${created.poolId}:${provider.ProviderName}`]));
                for (const [provider, declared] of providers.map((provider, index) => [provider, shape.identityProviders![index]] as const)) {
                    const { client_secret: secret, ...details } = declared.ProviderDetails!;
                    assert.deepStrictEqual({ ...provider.inputs.providerDetails, client_secret: secret }, { ...details, client_secret: secret });
                    assert.strictEqual(provider.inputs.providerDetails.client_secret, "[secret]", "the live secret is never copied");
                }
                if (shape.identityProviders !== undefined) {
                    assert.match(stdout, /identityProviders\[Google\]\.clientSecret: not copied: set it with `pulumi config set --secret --path 'identityProviders\[0\]\.clientSecret'`/);
                    assert.ok(!project.read(stack).includes("google-client-secret"), "the stack file holds no live secret");
                    // Until the credential is set as a secret, the program refuses the stack (config/rules/identity-providers.ts).
                    await assert.rejects(evaluateStack(readStackConfig(project.dir, stack)), /identityProviders\[0\]\.clientSecret: got a value in plain text/);
                    // The SDK's requests as the front door checked them (API_ListIdentityProviders, API_DescribeIdentityProvider).
                    assert.ok(local.identityProviderRequests.some(({ action, body }) => action === "ListIdentityProviders" &&
                        JSON.stringify(body) === JSON.stringify({ UserPoolId: created.poolId, MaxResults: 60 })));
                    assert.ok(local.identityProviderRequests.some(({ action, body }) => action === "DescribeIdentityProvider" &&
                        JSON.stringify(body) === JSON.stringify({ UserPoolId: created.poolId, ProviderName: "Google" })));
                }
            });

            it("imports the pool, each client and the SES sender by their ids", () => {
                assert.strictEqual(registered(resources, poolType)[0].importId, created.poolId);
                for (const client of registered(resources, clientType)) {
                    assert.strictEqual(client.importId, `${created.poolId}/${created.clientIds[client.inputs.name]}`);
                }
                const senders = registered(resources, senderType);
                assert.deepStrictEqual(senders.map((sender) => [sender.inputs.emailIdentity, sender.importId, withoutStackTag(sender.inputs.tags)]),
                    shape.senderIdentity ? [[shape.senderIdentity.name, shape.senderIdentity.name, live.pool.UserPoolTags]] : []);
            });

            it("gives the same baseline from AWS as from the state the adoption deploys, and no drift", async () => {
                const evaluation = await evaluateStack(withCredentialsSet(readStackConfig(project.dir, stack)));
                const exported = stateExportOf(evaluation, "cognito-user-pool", stack, region);
                const stateFile = project.write(`state-${stack}.json`, JSON.stringify(exported));
                const out = `${project.dir}/aws-baseline-${stack}.json`;

                const written = await baseline(["--stack", stack, "--from-aws", "--state", stateFile, "--region", region, "--out", out], capturingIO(project.dir));
                const io = capturingIO(project.dir);
                const checked = await baseline(["--stack", stack, "--state", stateFile, "--region", region, "--check"], io);

                assert.strictEqual(written, 0);
                const fromAws = baselineIn(out);
                const fromState = baselineFromStateExport(exported, { stack, capturedAt: fromAws.capturedAt });
                assert.deepStrictEqual({ ...fromAws, source: "pulumi-state" }, fromState);
                assert.strictEqual(Object.keys(fromAws.brandings ?? {}).length, Object.keys(shape.brandings ?? {}).length, "the branding styles are recorded");
                assert.strictEqual(checked, 0, io.out());
                assert.match(io.out(), new RegExp(`^No drift between stack ${stack} and user pool ${created.poolId} in ${region}\\.`));
            });
        });
    });

    describe("a pool with settings the config model cannot express", () => {
        const stack = "adopted-gaps";
        let poolId: string;
        let exitCode: number;
        let stdout: string;

        before(async () => {
            const created = await cognito.send(new CreateUserPoolCommand({
                PoolName: "console-gaps",
                LambdaConfig: { PreSignUp: "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up" },
                AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "admin_only", Priority: 1 }] },
                SmsAuthenticationMessage: "Your code is {####}",
                Schema: [{ Name: "given_name", AttributeDataType: "String", Required: true, Mutable: false, StringAttributeConstraints: { MinLength: "0", MaxLength: "2048" } }],
            }));
            poolId = created.UserPool!.Id!;
            await cognito.send(new CreateUserPoolClientCommand({
                UserPoolId: poolId, ClientName: "legacy",
                ExplicitAuthFlows: ["ADMIN_NO_SRP_AUTH"],
                AccessTokenValidity: 3600, TokenValidityUnits: { AccessToken: "seconds", IdToken: "hours", RefreshToken: "days" },
                DefaultRedirectURI: "https://app.example.com/",
            }));
            const io = capturingIO(project.dir);
            exitCode = await adopt(["--stack", stack, "--pool-id", poolId, "--region", region], io);
            stdout = io.out();
        });

        it("still writes the stack file, and exits 1", () => {
            assert.strictEqual(exitCode, 1);
            assert.ok(fs.existsSync(project.stackFile(stack)));
        });

        it("names each setting it cannot express, in its report and in the file's header", () => {
            const header = project.read(stack).split("\nconfig:")[0];
            for (const setting of ["SmsAuthenticationMessage", "AccountRecoverySetting", "SchemaAttributes[given_name]",
                "clients[legacy].ExplicitAuthFlows", "clients[legacy].AccessTokenValidity", "clients[legacy].DefaultRedirectURI"]) {
                assert.ok(stdout.includes(`  - ${setting} = `), `${setting} missing from the report:\n${stdout}`);
                assert.ok(header.includes(`#   - ${setting} = `), `${setting} missing from the file's header:\n${header}`);
            }
        });

        it("adopts the pool's Lambda trigger (LambdaConfig) as triggers, which the program sends back as it is", () => {
            const file = project.read(stack);
            assert.match(file, /\n  cognito-user-pool:triggers:\n    preSignUp: arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up\n/);
            assert.doesNotMatch(stdout, /lambdaConfig/);
        });

        it("names what pulumi up would still change after the adoption", () => {
            assert.match(stdout, /user pool schemas\[name=given_name\]\.mutable: live false, the program would send true/);
            assert.match(stdout, /user pool accountRecoverySetting\.recoveryMechanisms: live \[\{"name":"admin_only","priority":1\}\], the program would send \[\{"name":"verified_email","priority":1\}\]/);
            assert.match(stdout, /client legacy defaultRedirectUri: live "https:\/\/app\.example\.com\/", the program would send nothing/);
        });
    });

    it("keeps an existing stack file unless --force", async () => {
        const io = capturingIO(project.dir);

        const exitCode = await adopt(["--stack", "dev", "--pool-id", "us-east-1_AbCdEf123"], io);

        assert.strictEqual(exitCode, 2);
        assert.match(io.err(), /Pulumi\.dev\.yaml exists: pass --force to replace it/);
        assert.ok(project.read("dev").includes("myapp-dev"));
    });

    it("replaces an existing stack file with --force", async () => {
        const created = await createPool(cognito, local, poolShapes["username only"]);

        const exitCode = await adopt(["--stack", "staging", "--pool-id", created.poolId, "--region", region, "--force"], capturingIO(project.dir));

        assert.strictEqual(exitCode, 0);
        assert.ok(project.read("staging").includes(`userPool: ${created.poolId}`));
    });

    it("reports a pool that does not exist, naming it and the region, and writes nothing", async () => {
        const io = capturingIO(project.dir);

        const exitCode = await adopt(["--stack", "missing", "--pool-id", "us-east-1_Missing00"], io);

        assert.strictEqual(exitCode, 2);
        assert.match(io.err(), /^error: user pool us-east-1_Missing00 not found in us-east-1/);
        assert.ok(!fs.existsSync(project.stackFile("missing")));
    });

    it("asks for --stack and --pool-id", async () => {
        const io = capturingIO(project.dir);

        const exitCode = await adopt(["--stack", "x"], io);

        assert.strictEqual(exitCode, 2);
        assert.match(io.err(), /^error: missing --pool-id\n\nusage: npm run adopt/);
    });
});
