import {
    AddCustomAttributesCommand, CognitoIdentityProviderClient, CreateUserPoolClientCommand, DeleteGroupCommand, DeleteIdentityProviderCommand,
    DeleteManagedLoginBrandingCommand, DescribeManagedLoginBrandingByClientCommand, SetLogDeliveryConfigurationCommand, UpdateGroupCommand,
    UpdateIdentityProviderCommand, UpdateManagedLoginBrandingCommand, UpdateUserPoolClientCommand, UpdateUserPoolDomainCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { migrationClientUrn } from "../../aws/urns";
import { main as adopt } from "../../cli/adopt";
import { main as baseline } from "../../cli/baseline";
import { main as plan } from "../../cli/plan";
import { evaluateStack } from "../../offline/evaluate";
import { readStackConfig } from "../../stack-files/reader";
import { baselineFromStateExport, policyConfigFor } from "cognito-user-pool-policies";
import { FakePulumi, withoutPulumiOnPath } from "../aws/support/fake-pulumi";
import { updatePool } from "../aws/support/live-pool";
import { LocalAws, startLocalAws, useLocalAws } from "../aws/support/local-aws";
import { createPool, poolShapes, region } from "../aws/support/pool-shapes";
import { stateExportOf } from "../aws/support/state-export";
import { capturingIO, ProjectCopy, repoRoot } from "./support/project-copy";

const fixture = (stack: string) => path.join(repoRoot, "test", "fixtures", "state", `${stack}.json`);
const readFixture = (stack: string) => JSON.parse(fs.readFileSync(fixture(stack), "utf8"));
const poolUrn = (stack: string) =>
    `urn:pulumi:${stack}::cognito-user-pool::cognito-user-pool:index:SignInBackend$aws:cognito/userPool:UserPool::auth-pool`;
const clientUrn = (stack: string, name: string) =>
    `urn:pulumi:${stack}::cognito-user-pool::cognito-user-pool:index:SignInBackend$aws:cognito/userPoolClient:UserPoolClient::auth-client-${name}`;

/** The baseline a policy-config file carries (the same one under every fixed-settings policy). */
function baselineIn(file: string): Record<string, any> | undefined {
    const config = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, { baseline?: Record<string, any> }>;
    return Object.values(config).find((entry) => entry.baseline !== undefined)?.baseline;
}

async function run(project: ProjectCopy, ...argv: string[]) {
    const io = capturingIO(project.dir);
    const exitCode = await baseline(argv, io);
    return { exitCode, stdout: io.out(), stderr: io.err() };
}

describe("npm run baseline", function () {
    this.timeout(60_000);
    let project: ProjectCopy;

    beforeEach(() => {
        project = new ProjectCopy();
    });

    afterEach(() => {
        project.remove();
    });

    describe("from a state export (--state)", () => {
        for (const [stack, clients] of [["dev", { web: false }], ["staging", { web: false, server: true }], ["prod", { web: false, server: true }]] as const) {
            it(`writes the policy config with ${stack}'s deployed fixed settings, keyed by URN`, async () => {
                const out = path.join(project.dir, "out.json");

                const { exitCode, stdout } = await run(project, "--stack", stack, "--state", fixture(stack), "--out", out);

                assert.strictEqual(exitCode, 0);
                assert.match(stdout, new RegExp(`^wrote ${out}: baseline of stack ${stack} from the Pulumi state: user pool auth-pool ap-northeast-2_`));
                const written = JSON.parse(fs.readFileSync(out, "utf8"));
                const expected = baselineFromStateExport(readFixture(stack), { stack, capturedAt: baselineIn(out)!.capturedAt });
                assert.deepStrictEqual(written, policyConfigFor(expected));
                const pool = expected.userPools[poolUrn(stack)];
                assert.deepStrictEqual([pool.name, pool.usernameAttributes, pool.aliasAttributes, pool.caseSensitive],
                    [`myapp-${stack}`, [], [], false]);
                assert.deepStrictEqual(pool.attributes.map((attribute) => [attribute.name, attribute.required]), [["email", true]]);
                assert.deepStrictEqual(
                    Object.fromEntries(Object.entries(clients).map(([name]) => [name, expected.clients[clientUrn(stack, name)].generateSecret])),
                    clients);
            });
        }

        it("retires the current pool's migration client once the stack file moves its successor to the finish phase, and only then", async () => {
            const exported = readFixture("prod");
            const resources: any[] = exported.deployment.resources;
            const web = resources.find((resource) => resource.urn === clientUrn("prod", "web"));
            const migrationClient = migrationClientUrn("cognito-user-pool", "prod");
            const deployedClient = { ...web, urn: migrationClient, id: "m1gr4t10nc11ent", inputs: { ...web.inputs, name: "user-migration" }, outputs: { ...web.outputs, name: "user-migration" } };
            resources.push(deployedClient);
            const state = project.write("prod-cutover.json", JSON.stringify(exported));
            const successor = (phase: string) => `  cognito-user-pool:successor:\n    name: myapp-prod-v2\n    phase: ${phase}\n    signIn: {with: [email]}\n`;
            const retired = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"))["cognito-client-not-removed"].retiredClients;
            const planOf = async (file: string) => {
                const io = capturingIO(project.dir);
                return { code: await plan(["--stack", "prod", "--baseline", file], io), out: io.out() };
            };
            const stackFile = project.read("prod");

            fs.writeFileSync(project.stackFile("prod"), stackFile + successor("cutover"));
            const cutover = await run(project, "--stack", "prod", "--state", state, "--out", path.join(project.dir, "cutover.json"));
            assert.strictEqual(cutover.exitCode, 0);
            assert.deepStrictEqual(retired(path.join(project.dir, "cutover.json")), []);
            assert.doesNotMatch(cutover.stdout, /retired/);

            fs.writeFileSync(project.stackFile("prod"), stackFile + successor("finish"));
            const finish = await run(project, "--stack", "prod", "--state", state, "--out", path.join(project.dir, "finish.json"));
            assert.strictEqual(finish.exitCode, 0);
            assert.deepStrictEqual(retired(path.join(project.dir, "finish.json")), [migrationClient]);
            assert.match(finish.stdout, new RegExp(`\nretired: ${migrationClient.replace(/[$]/g, "\\$&")} \\(the finish phase of the successor pool removes the current pool's migration client\\)\n$`));

            const stale = await planOf(path.join(project.dir, "cutover.json"));
            assert.strictEqual(stale.code, 1, "a baseline written before the finish phase: the client may not go");
            assert.match(stale.out, /cognito-client-not-removed/);
            const current = await planOf(path.join(project.dir, "finish.json"));
            assert.strictEqual(current.code, 0, current.out);
            assert.match(current.out, /passed +mandatory +cognito-client-not-removed\n/);
        });

        it("writes policy-baseline.<stack>.json in the project directory by default", async () => {
            const { exitCode } = await run(project, "--stack", "prod", "--state", fixture("prod"));

            assert.strictEqual(exitCode, 0);
            assert.strictEqual(baselineIn(path.join(project.dir, "policy-baseline.prod.json"))?.stack, "prod");
            assert.deepStrictEqual(fs.readdirSync(project.dir).filter((file) => file.endsWith(".tmp")), []);
        });

        it("writes the policy config without a baseline for a stack that has deployed nothing yet", async () => {
            const empty = project.write("empty.json", JSON.stringify({ version: 3, deployment: { manifest: {}, resources: [] } }));

            const { exitCode, stdout } = await run(project, "--stack", "dev", "--state", empty);

            assert.strictEqual(exitCode, 0);
            assert.match(stdout, /stack dev has deployed nothing yet, so no baseline/);
            assert.strictEqual(baselineIn(path.join(project.dir, "policy-baseline.dev.json")), undefined);
        });

        it("records each resource's region, and refuses the state of another project: exit 2, nothing written", async () => {
            const out = path.join(project.dir, "out.json");
            assert.strictEqual((await run(project, "--stack", "prod", "--state", fixture("prod"), "--out", out)).exitCode, 0);
            const recorded = baselineIn(out)!;
            assert.deepStrictEqual(
                [...Object.values(recorded.userPools), ...Object.values(recorded.clients), ...Object.values(recorded.emailIdentities)]
                    .map((resource) => (resource as { region: string }).region),
                ["ap-northeast-2", "ap-northeast-2", "ap-northeast-2", "ap-northeast-2"]);

            const other = project.write("other.json", fs.readFileSync(fixture("prod"), "utf8").replace(/::cognito-user-pool::/g, "::billing::"));
            const refused = path.join(project.dir, "refused.json");
            const { exitCode, stderr } = await run(project, "--stack", "prod", "--state", other, "--out", refused);
            assert.strictEqual(exitCode, 2);
            assert.match(stderr, /resources of project "billing", not "cognito-user-pool"/);
            assert.ok(!fs.existsSync(refused));
        });

        it("refuses a state export holding an unknown value, naming the resource and the key: exit 2", async () => {
            const exported = readFixture("dev");
            const pool = exported.deployment.resources.find((resource: { urn: string }) => resource.urn === poolUrn("dev"));
            pool.outputs.usernameConfiguration = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
            const { exitCode, stderr } = await run(project, "--stack", "dev", "--state", project.write("unknown.json", JSON.stringify(exported)));
            assert.strictEqual(exitCode, 2);
            assert.ok(stderr.includes(`${poolUrn("dev")}: usernameConfiguration is unknown in the state export`), stderr);
        });

        it("reports a state file that is not there", async () => {
            const { exitCode, stderr } = await run(project, "--stack", "dev", "--state", "no-such-export.json");

            assert.strictEqual(exitCode, 2);
            assert.match(stderr, /^error: cannot read the state export .*no-such-export\.json: no such file\. Make one with `pulumi stack export/);
        });

        it("reports a state file that is not JSON", async () => {
            const broken = project.write("broken.json", "{\"version\": 3, \"deployment\": ");

            const { exitCode, stderr } = await run(project, "--stack", "dev", "--state", broken);

            assert.strictEqual(exitCode, 2);
            assert.match(stderr, /^error: .*broken\.json is not valid JSON \(.*\): expected the output of `pulumi stack export`/);
        });

        it("reports a state that holds no user pool", async () => {
            const exported = readFixture("dev");
            exported.deployment.resources = exported.deployment.resources
                .filter((resource: { type: string }) => !resource.type.startsWith("aws:cognito/"));
            const noPool = project.write("no-pool.json", JSON.stringify(exported));

            const { exitCode, stderr } = await run(project, "--stack", "dev", "--state", noPool);

            assert.strictEqual(exitCode, 2);
            assert.match(stderr, /^error: the state of stack dev holds no user pool \(aws:cognito\/userPool:UserPool\) among its 2 resources/);
        });

        it("reports the state of another stack", async () => {
            const { exitCode, stderr } = await run(project, "--stack", "dev", "--state", fixture("prod"));

            assert.strictEqual(exitCode, 2);
            assert.match(stderr, /it is the state of stack "prod", not "dev"/);
        });
    });

    describe("through the Pulumi CLI (no --state)", () => {
        let pulumi: FakePulumi;
        let restorePath: () => void;

        beforeEach(() => {
            pulumi = new FakePulumi();
            restorePath = pulumi.onPath();
        });

        afterEach(() => {
            restorePath();
            pulumi.remove();
        });

        it("runs `pulumi stack export --stack <name>`", async () => {
            pulumi.stateOf("staging", readFixture("staging"));

            const { exitCode } = await run(project, "--stack", "staging");

            assert.strictEqual(exitCode, 0);
            assert.strictEqual(baselineIn(path.join(project.dir, "policy-baseline.staging.json"))?.userPools[poolUrn("staging")].id,
                "ap-northeast-2_St4gR9wPz");
        });

        it("passes on the CLI's error for a stack it does not know", async () => {
            const { exitCode, stderr } = await run(project, "--stack", "nope");

            assert.strictEqual(exitCode, 2);
            assert.match(stderr, /^error: `pulumi stack export --stack nope` failed \(exit 255\): error: no stack named 'nope' found/);
        });

        it("says how to do without the CLI when it is not installed", async () => {
            const restore = withoutPulumiOnPath();
            try {
                const { exitCode, stderr } = await run(project, "--stack", "dev");

                assert.strictEqual(exitCode, 2);
                assert.match(stderr, /^error: the Pulumi CLI \(pulumi\) is not on PATH: install it .*, or pass --state/);
            } finally {
                restore();
            }
        });
    });

    describe("against the live pool (--from-aws, --check)", () => {
        let local: LocalAws;
        let restoreEnvironment: () => void;
        let cognito: CognitoIdentityProviderClient;

        before(async () => {
            local = await startLocalAws();
            restoreEnvironment = useLocalAws(local);
            cognito = new CognitoIdentityProviderClient({});
        });

        after(async () => {
            cognito?.destroy();
            restoreEnvironment?.();
            await local?.stop();
        });

        /** A console-made pool, adopted into stack `live` and deployed: its state export, as a file. */
        async function deployedPool() {
            const created = await createPool(cognito, local, poolShapes["username only"]);
            assert.strictEqual(await adopt(["--stack", "live", "--pool-id", created.poolId, "--region", region], capturingIO(project.dir)), 0);
            const evaluation = await evaluateStack(readStackConfig(project.dir, "live"));
            const exported = stateExportOf(evaluation, "cognito-user-pool", "live", region);
            return { ...created, exported, stateFile: project.write("state-live.json", JSON.stringify(exported)) };
        }

        it("reports no drift right after the deployment", async () => {
            const { poolId, stateFile } = await deployedPool();

            const { exitCode, stdout } = await run(project, "--stack", "live", "--state", stateFile, "--region", region, "--check");

            assert.strictEqual(exitCode, 0, stdout);
            assert.strictEqual(stdout, `No drift between stack live and user pool ${poolId} in ${region}.\n`);
        });

        it("reports a setting changed behind the program's back (UpdateUserPool), and exits 1", async () => {
            const { poolId, stateFile } = await deployedPool();
            await updatePool(cognito, poolId, {
                Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true,
                    RequireSymbols: true, TemporaryPasswordValidityDays: 7 } },
                MfaConfiguration: "OPTIONAL",
            });

            const { exitCode, stdout } = await run(project, "--stack", "live", "--state", stateFile, "--region", region, "--check");

            assert.strictEqual(exitCode, 1);
            assert.strictEqual(stdout, [
                `Drift between stack live and user pool ${poolId} in ${region}:`,
                "Changed outside Pulumi (`pulumi up --refresh` sets them back to the stack's config; to keep them, put them in the stack file first):",
                "  - auth-pool passwordPolicy.minimumLength: state 8, AWS 12",
                "  - auth-pool mfaConfiguration: state \"OFF\", AWS \"OPTIONAL\"",
                "",
            ].join("\n"));
        });

        it("reports a custom attribute added behind the program's back (AddCustomAttributes) as fixed-setting drift, first", async () => {
            const { poolId, stateFile } = await deployedPool();
            await cognito.send(new AddCustomAttributesCommand({
                UserPoolId: poolId, CustomAttributes: [{ Name: "plan", AttributeDataType: "String", Mutable: true }],
            }));
            await updatePool(cognito, poolId, { UserPoolTags: { team: "identity", owner: "console" } });

            const { exitCode, stdout } = await run(project, "--stack", "live", "--state", stateFile, "--region", region, "--check");

            assert.strictEqual(exitCode, 1);
            const fixedAt = stdout.indexOf("Fixed at creation");
            const changedAt = stdout.indexOf("Changed outside Pulumi");
            assert.ok(fixedAt > 0 && changedAt > fixedAt, stdout);
            assert.match(stdout, /  - auth-pool attribute "custom:plan": state \(absent\), AWS \{"name":"custom:plan","dataType":"String"/);
            assert.match(stdout, /  - auth-pool tags: state \{"team":"identity"\}, AWS \{"owner":"console","team":"identity"\}/);
        });

        it("reports an app client made in the console as fixed-setting drift", async () => {
            const { poolId, stateFile } = await deployedPool();
            const made = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "console-made" }));

            const { exitCode, stdout } = await run(project, "--stack", "live", "--state", stateFile, "--region", region, "--check");

            assert.strictEqual(exitCode, 1);
            assert.match(stdout, new RegExp(`  - auth-client-console-made app client: state \\(absent\\), AWS "${made.UserPoolClient!.ClientId}"`));
        });

        it("reports a group changed in the console (UpdateGroup) and one deleted there (DeleteGroup), by the group's resource, and the domain's managed login version (UpdateUserPoolDomain)", async () => {
            const created = await createPool(cognito, local, poolShapes["email as username"]);
            assert.strictEqual(await adopt(["--stack", "live-groups", "--pool-id", created.poolId, "--region", region], capturingIO(project.dir)), 0);
            const evaluation = await evaluateStack(readStackConfig(project.dir, "live-groups"));
            const stateFile = project.write("state-live-groups.json", JSON.stringify(stateExportOf(evaluation, "cognito-user-pool", "live-groups", region)));
            await cognito.send(new UpdateGroupCommand({ UserPoolId: created.poolId, GroupName: "admins", Description: "Operators", Precedence: 3,
                RoleArn: "arn:aws:iam::123456789012:role/admins" }));
            await cognito.send(new DeleteGroupCommand({ UserPoolId: created.poolId, GroupName: "readers" }));
            // Managed login turned back to the classic hosted UI in the console (UpdateUserPoolDomain, through the local front door).
            await cognito.send(new UpdateUserPoolDomainCommand({ UserPoolId: created.poolId, Domain: "console-email-username", ManagedLoginVersion: 1 }));

            const { exitCode, stdout } = await run(project, "--stack", "live-groups", "--state", stateFile, "--region", region, "--check");

            assert.strictEqual(exitCode, 1);
            assert.match(stdout, /Fixed at creation[^\n]*\n {2}- auth-group-readers user group: state "readers", AWS \(absent\)\n/);
            assert.match(stdout, /Changed outside Pulumi[^\n]*\n {2}- auth-group-admins precedence: state 1, AWS 3\n/);
            assert.match(stdout, /\n {2}- auth-domain managedLoginVersion: state 2, AWS 1\n/);
        });

        it("reports a log delivery and a client's refresh token rotation changed in the console (SetLogDeliveryConfiguration, UpdateUserPoolClient)", async () => {
            const created = await createPool(cognito, local, poolShapes["username only"]);
            const logGroup = (name: string) => `arn:aws:logs:${region}:123456789012:log-group:/shared/${name}`;
            const deliverTo = (name: string) => cognito.send(new SetLogDeliveryConfigurationCommand({ UserPoolId: created.poolId, LogConfigurations: [
                { EventSource: "userNotification", LogLevel: "ERROR", CloudWatchLogsConfiguration: { LogGroupArn: logGroup(name) } }] }));
            await deliverTo("cognito-messages");
            // A client as the console makes it, every setting the config model writes given.
            const client = { UserPoolId: created.poolId, ClientName: "rotating", ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH" as const],
                AccessTokenValidity: 60, IdTokenValidity: 60, RefreshTokenValidity: 30, AuthSessionValidity: 3, EnableTokenRevocation: true,
                TokenValidityUnits: { AccessToken: "minutes" as const, IdToken: "minutes" as const, RefreshToken: "days" as const },
                PreventUserExistenceErrors: "ENABLED" as const };
            const rotating = await cognito.send(new CreateUserPoolClientCommand({ ...client, RefreshTokenRotation: { Feature: "ENABLED", RetryGracePeriodSeconds: 10 } }));
            const adoptIo = capturingIO(project.dir);
            assert.strictEqual(await adopt(["--stack", "live-logs", "--pool-id", created.poolId, "--region", region], adoptIo), 0, adoptIo.out() + adoptIo.err());
            const evaluation = await evaluateStack(readStackConfig(project.dir, "live-logs"));
            const stateFile = project.write("state-live-logs.json", JSON.stringify(stateExportOf(evaluation, "cognito-user-pool", "live-logs", region)));
            const unchanged = await run(project, "--stack", "live-logs", "--state", stateFile, "--region", region, "--check");
            assert.strictEqual(unchanged.exitCode, 0, unchanged.stdout);
            await deliverTo("elsewhere");
            await cognito.send(new UpdateUserPoolClientCommand({ ...client, ClientId: rotating.UserPoolClient!.ClientId,
                RefreshTokenRotation: { Feature: "ENABLED", RetryGracePeriodSeconds: 60 } }));

            const { exitCode, stdout } = await run(project, "--stack", "live-logs", "--state", stateFile, "--region", region, "--check");

            assert.strictEqual(exitCode, 1);
            assert.match(stdout, /\n {2}- auth-client-rotating refreshTokenRotation\.retryGracePeriodSeconds: state 10, AWS 60\n/);
            assert.ok(stdout.includes(`  - auth-log-delivery logConfigurations: state ["userNotification ERROR → ${logGroup("cognito-messages")}"], ` +
                `AWS ["userNotification ERROR → ${logGroup("elsewhere")}"]`), stdout);
        });

        it("reports a branding style's settings changed in the console (UpdateManagedLoginBranding), and the style deleted there as fixed-setting drift", async () => {
            const created = await createPool(cognito, local, poolShapes["username with aliases"]);
            assert.strictEqual(await adopt(["--stack", "live-branding", "--pool-id", created.poolId, "--region", region], capturingIO(project.dir)), 0);
            // The shape's Google credential set as a secret, as the adoption's note says (the next test).
            const config = readStackConfig(project.dir, "live-branding");
            const evaluation = await evaluateStack({ ...config, secretKeys: [...config.secretKeys, "cognito-user-pool:identityProviders"] });
            const stateFile = project.write("state-live-branding.json", JSON.stringify(stateExportOf(evaluation, "cognito-user-pool", "live-branding", region)));
            const check = () => run(project, "--stack", "live-branding", "--state", stateFile, "--region", region, "--check");
            const style = await cognito.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: created.poolId, ClientId: created.clientIds.web }));
            const id = style.ManagedLoginBranding!.ManagedLoginBrandingId!;
            assert.strictEqual((await check()).exitCode, 0, "no drift right after the adoption");

            await cognito.send(new UpdateManagedLoginBrandingCommand({ UserPoolId: created.poolId, ManagedLoginBrandingId: id,
                Settings: { categories: { global: { colorSchemeMode: "LIGHT" } } } }));
            const changed = await check();
            assert.strictEqual(changed.exitCode, 1);
            assert.match(changed.stdout, /Changed outside Pulumi[^\n]*\n {2}- auth-branding-web settings: state \{"categories":\{"global":\{"colorSchemeMode":"DARK"\}\}\}, AWS \{"categories":\{"global":\{"colorSchemeMode":"LIGHT"\}\}\}\n/);

            await cognito.send(new DeleteManagedLoginBrandingCommand({ UserPoolId: created.poolId, ManagedLoginBrandingId: id }));
            const deleted = await check();
            assert.strictEqual(deleted.exitCode, 1);
            assert.match(deleted.stdout, new RegExp(`Fixed at creation[^\\n]*\\n {2}- auth-branding-web branding style: state "${created.clientIds.web}", AWS \\(absent\\)\\n`));
        });

        it("reports an identity provider's mapping changed in the console (UpdateIdentityProvider) and the provider deleted there (DeleteIdentityProvider)", async () => {
            // Its own domain: the previous test's pool holds the shape's (a domain is unique).
            const shape = poolShapes["username with aliases"];
            const created = await createPool(cognito, local, { ...shape, domain: { ...shape.domain, Domain: "idp.auth.example.org" } });
            assert.strictEqual(await adopt(["--stack", "live-idp", "--pool-id", created.poolId, "--region", region], capturingIO(project.dir)), 0);
            // As the adoption's note says: the credential set with `pulumi config set --secret --path` (a secret key).
            const config = readStackConfig(project.dir, "live-idp");
            const evaluation = await evaluateStack({ ...config, secretKeys: [...config.secretKeys, "cognito-user-pool:identityProviders"] });
            const stateFile = project.write("state-live-idp.json", JSON.stringify(stateExportOf(evaluation, "cognito-user-pool", "live-idp", region)));
            const check = () => run(project, "--stack", "live-idp", "--state", stateFile, "--region", region, "--check");
            assert.match((await check()).stdout, /^No drift between stack live-idp/);

            await cognito.send(new UpdateIdentityProviderCommand({ UserPoolId: created.poolId, ProviderName: "Google",
                AttributeMapping: { email: "email", username: "sub", name: "name" } }));
            const changed = await check();
            assert.strictEqual(changed.exitCode, 1);
            assert.match(changed.stdout, /Changed outside Pulumi[^\n]*\n {2}- auth-identity-provider-Google attributeMapping: state \{"email":"email","username":"sub"\}, AWS \{"email":"email","name":"name","username":"sub"\}\n/);

            await cognito.send(new DeleteIdentityProviderCommand({ UserPoolId: created.poolId, ProviderName: "Google" }));
            const deleted = await check();
            assert.strictEqual(deleted.exitCode, 1);
            assert.match(deleted.stdout, /Fixed at creation[^\n]*\n {2}- auth-identity-provider-Google identity provider: state "Google", AWS \(absent\)\n/);
        });

        it("takes the pool id from `pulumi stack output --json` and keys the baseline by the program's URNs", async () => {
            const { poolId, clientIds } = await deployedPool();
            const pulumi = new FakePulumi();
            const restorePath = pulumi.onPath();
            try {
                pulumi.outputsOf("live", { userPoolId: poolId });
                const out = path.join(project.dir, "from-aws.json");

                const { exitCode, stdout } = await run(project, "--stack", "live", "--from-aws", "--region", region, "--out", out);

                assert.strictEqual(exitCode, 0, stdout);
                assert.match(stdout, /baseline of stack live from the live pool in AWS: user pool auth-pool/);
                assert.match(stdout, /SES account in us-east-1: in the sandbox, up to 200 emails a day, 1 a second\. SES delivers only to verified addresses/,
                    "the SES sandbox reported (GetAccount)");
                const written = baselineIn(out)!;
                assert.strictEqual(written.source, "aws");
                assert.strictEqual(written.userPools[poolUrn("live")].id, poolId);
                assert.strictEqual(written.clients[clientUrn("live", "web")].id, clientIds.web);
            } finally {
                restorePath();
                pulumi.remove();
            }
        });

        it("reports a pool that does not exist, naming it and the region", async () => {
            const { exitCode, stderr } = await run(project, "--stack", "live", "--from-aws", "--pool-id", "us-east-1_Missing00", "--out", "x.json");

            assert.strictEqual(exitCode, 2);
            assert.match(stderr, /^error: user pool us-east-1_Missing00 not found in us-east-1 \(DescribeUserPool\)/);
        });
    });

    describe("usage", () => {
        for (const [argv, message] of [
            [["--stack", "dev", "--pool-id", "us-east-1_AbC"], "--pool-id and --region read from AWS: add --from-aws or --check"],
            [["--stack", "dev", "--check", "--out", "x.json"], "--check writes nothing: drop --out"],
            [["--stack", "../dev"], "--stack \"../dev\": a stack name has only letters, digits, -, _ and ."],
        ] as const) {
            it(`refuses ${argv.join(" ") || "no arguments"} with the usage, exit 2`, async () => {
                const { exitCode, stderr } = await run(project, ...argv);

                assert.strictEqual(exitCode, 2);
                assert.ok(stderr.startsWith(`error: ${message}\n\nusage: npm run baseline`), stderr);
            });
        }
    });

    it("as a process without AWS credentials: a message naming the pool and the region, exit 2", () => {
        const cli = spawnSync(process.execPath, [
            path.join(repoRoot, "bin", "cli", "baseline.js"),
            "--stack", "dev", "--state", fixture("dev"), "--from-aws", "--out", path.join(project.dir, "x.json"),
        ], {
            cwd: repoRoot,
            encoding: "utf8",
            env: {
                PATH: process.env.PATH,
                HOME: project.dir,
                AWS_CONFIG_FILE: path.join(project.dir, "no-config"),
                AWS_SHARED_CREDENTIALS_FILE: path.join(project.dir, "no-credentials"),
                AWS_EC2_METADATA_DISABLED: "true",
                AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
            },
        });

        assert.strictEqual(cli.status, 2, cli.stderr);
        assert.match(cli.stderr,
            /^error: no usable AWS credentials for DescribeUserPool on user pool ap-northeast-2_Dv7kQ2xLm in ap-northeast-2: .*Set AWS_PROFILE/);
        assert.ok(!fs.existsSync(path.join(project.dir, "x.json")));
    });
});
