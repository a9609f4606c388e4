import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseStackSettings, StackConfigError } from "../../config";
import { RegisteredResource, StackEvaluation } from "../../offline/evaluate";
import { evaluate, only, ofType, repoRoot, resourceTypes, stackConfig, withSettings } from "../support/program";

const types = {
    ...resourceTypes,
    function: "aws:lambda/function:Function",
    role: "aws:iam/role:Role",
    policy: "aws:iam/rolePolicy:RolePolicy",
    permission: "aws:lambda/permission:Permission",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
} as const;

const successor = { name: "myapp-prod-v2", signIn: { with: ["email"] } };

function prodWithSuccessor(phase: string): Promise<StackEvaluation> {
    return evaluate(withSettings(stackConfig("prod"), { successor: { ...successor, phase } }));
}

function named(resources: readonly RegisteredResource[], name: string): RegisteredResource {
    const found = resources.find((resource) => resource.name === name);
    assert.ok(found, `no resource named ${name}`);
    return found;
}

const currentPoolArn = (evaluation: StackEvaluation) => (evaluation.outputs.migration as any).from.userPoolArn;

describe("a successor pool (components/successor-pool.ts), per phase", () => {
    describe("side-by-side", () => {
        let evaluation: StackEvaluation;
        before(async () => {
            evaluation = await prodWithSuccessor("side-by-side");
        });

        it("leaves the current pool, its clients and its SES identity exactly as without a successor", async () => {
            const without = await evaluate(stackConfig("prod"));
            for (const resource of without.resources) {
                const same = evaluation.resources.find((other) => other.urn === resource.urn);
                assert.ok(same, `${resource.name} keeps its URN`);
                assert.deepEqual(same.inputs, resource.inputs, `${resource.name} keeps its inputs`);
                assert.equal(same.protect, resource.protect || resource.type === types.userPool);
            }
        });

        it("builds the new pool with the changed fixed settings, custom:legacy_sub and the shared SES sender", () => {
            const pool = named(evaluation.resources, "successor-pool").inputs;
            const current = named(evaluation.resources, "auth-pool").inputs;
            assert.equal(pool.name, "myapp-prod-v2");
            assert.deepEqual(pool.usernameAttributes, ["email"]);
            assert.equal(pool.aliasAttributes, undefined);
            assert.deepEqual(pool.schemas.at(-1), {
                name: "legacy_sub", attributeDataType: "String", required: false, mutable: false, developerOnlyAttribute: false,
                stringAttributeConstraints: { minLength: "0", maxLength: "2048" },
            });
            assert.deepEqual(pool.emailConfiguration, current.emailConfiguration, "the same SES identity and FROM address");
            assert.equal(pool.mfaConfiguration, current.mfaConfiguration);
            assert.ok(named(evaluation.resources, "successor-pool").protect, "protected like the current pool of prod");
        });

        it("wires the function as the new pool's UserMigration, PreSignUp and PostAuthentication triggers, invocable by that pool only", () => {
            const pool = named(evaluation.resources, "successor-pool");
            const permission = only(evaluation.resources, types.permission).inputs;
            const fn = only(evaluation.resources, types.function);
            const functionArn = `arn:aws:lambda:ap-northeast-2:123456789012:function:${permission.function}`;
            assert.deepEqual(pool.inputs.lambdaConfig, { userMigration: functionArn, preSignUp: functionArn, postAuthentication: functionArn });
            assert.deepEqual(permission, {
                action: "lambda:InvokeFunction",
                function: permission.function,
                principal: "cognito-idp.amazonaws.com",
                sourceArn: (evaluation.outputs.migration as any).to.userPoolArn,
            });
            // Named in the deployer's scope (components/deploy-scope.ts).
            assert.strictEqual(permission.function, "cognito-user-pool-prod-user-migration");
            assert.equal(fn.inputs.runtime, "nodejs24.x");
            assert.equal(fn.inputs.handler, "lambda/user-migration.handler");
            assert.equal(fn.inputs.timeout, 5, "within Cognito's 5 s for a trigger");
        });

        it("packages the compiled handler, with what it requires, as the function's code", async () => {
            const code = only(evaluation.resources, types.function).inputs.code;
            const assets: Record<string, any> = await code.assets;
            const files = await Promise.all(Object.entries(assets).map(async ([name, asset]) => [name, await asset.path]));
            // Exactly the handler and every module it requires by a relative path, followed through the compiled files.
            const bin = path.join(repoRoot, "bin");
            const closure = new Set<string>();
            const follow = (file: string) => {
                if (closure.has(file)) {
                    return;
                }
                closure.add(file);
                for (const [, required] of fs.readFileSync(path.join(bin, file), "utf8").matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
                    follow(path.posix.join(path.posix.dirname(file), `${required}.js`));
                }
            };
            follow("lambda/user-migration.js");
            assert.deepEqual(Object.fromEntries(files), Object.fromEntries([...closure].map((file) => [file, path.join(bin, file)])));
        });

        it("hands the function the old pool, its migration client and what each pool signs in with", () => {
            const variables = only(evaluation.resources, types.function).inputs.environment.variables;
            const migrationClient = named(evaluation.resources, "successor-migration-client");
            const { MIGRATION_CLIENT_ID: clientId, ...others } = variables;
            assert.deepEqual(others, {
                OLD_USER_POOL_ID: currentPoolArn(evaluation).split("/")[1],
                OLD_POOL_SIGN_IN: JSON.stringify({ usernameAttributes: [], aliasAttributes: [], caseSensitive: false }),
                NEW_POOL_SIGN_IN: JSON.stringify({ usernameAttributes: ["email"], aliasAttributes: [], caseSensitive: false }),
                NEW_POOL_CUSTOM_ATTRIBUTES: "custom:legacy_sub",
            });
            const poolClientIds = Object.values((evaluation.outputs.clients as Record<string, { id: string }>)).map((client) => client.id);
            assert.ok(clientId && !poolClientIds.includes(clientId), "a client of its own, not one of the apps'");
            assert.equal(migrationClient.inputs.userPoolId, variables.OLD_USER_POOL_ID, "the migration client is the old pool's");
        });

        it("gives the old pool a migration client that allows ADMIN_USER_PASSWORD_AUTH only, without a secret", () => {
            const client = named(evaluation.resources, "successor-migration-client").inputs;
            assert.deepEqual(client.explicitAuthFlows, ["ALLOW_ADMIN_USER_PASSWORD_AUTH"]);
            assert.equal(client.generateSecret, false);
            assert.deepEqual(client.writeAttributes, []);
        });

        it("lets the function's role read users and their groups in the old pool, check passwords there, add users to the new pool's groups, and write to its log group: nothing else", () => {
            const role = only(evaluation.resources, types.role).inputs;
            const policy = JSON.parse(named(evaluation.resources, "successor-migration-policy").inputs.policy);
            const groupWrites = JSON.parse(named(evaluation.resources, "successor-group-writes").inputs.policy);
            assert.deepEqual(ofType(evaluation.resources, types.policy).map((resource) => resource.name).sort(),
                ["successor-group-writes", "successor-migration-policy"]);
            const functionName = only(evaluation.resources, types.permission).inputs.function;
            const logGroup = `arn:aws:logs:ap-northeast-2:123456789012:log-group:/aws/lambda/${functionName}`;
            assert.deepEqual(JSON.parse(role.assumeRolePolicy).Statement,
                [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }]);
            assert.deepEqual(policy.Statement.map(({ Effect, Action, Resource }: any) => ({ Effect, Action, Resource })), [
                {
                    Effect: "Allow",
                    Action: ["cognito-idp:AdminGetUser", "cognito-idp:ListUsers", "cognito-idp:AdminInitiateAuth", "cognito-idp:AdminListGroupsForUser"],
                    Resource: currentPoolArn(evaluation),
                },
                {
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: [logGroup, `${logGroup}:*`],
                },
            ]);
            assert.deepEqual(groupWrites.Statement.map(({ Effect, Action, Resource }: any) => ({ Effect, Action, Resource })), [
                { Effect: "Allow", Action: ["cognito-idp:AdminAddUserToGroup"], Resource: (evaluation.outputs.migration as any).to.userPoolArn },
            ]);
            assert.equal(named(evaluation.resources, "successor-group-writes").inputs.role,
                named(evaluation.resources, "successor-migration-policy").inputs.role, "the function's role");
        });

        it("makes the function's log group, /aws/lambda/<function name>, with a retention, before the function", () => {
            const fn = only(evaluation.resources, types.function);
            const logGroup = only(evaluation.resources, types.logGroup);
            assert.deepEqual(logGroup.inputs, { name: `/aws/lambda/${fn.inputs.name}`, retentionInDays: 90, tags: fn.inputs.tags });
            assert.ok(fn.dependencies?.includes(logGroup.urn), "the function depends on it");
        });

        it("inherits the current clients, adding USER_PASSWORD_AUTH where no flow hands the trigger the password", () => {
            const web = named(evaluation.resources, "successor-client-web").inputs;
            const server = named(evaluation.resources, "successor-client-server").inputs;
            assert.deepEqual(web.explicitAuthFlows, ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH"]);
            assert.deepEqual(server.explicitAuthFlows, ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
            assert.equal(server.generateSecret, true);
            assert.equal(web.accessTokenValidity, named(evaluation.resources, "auth-client-web").inputs.accessTokenValidity);
        });

        it("lets no client of the new pool write custom:legacy_sub, and every other attribute as before", () => {
            const web = named(evaluation.resources, "successor-client-web").inputs;
            assert.ok(web.writeAttributes.includes("email"));
            assert.ok(web.writeAttributes.includes("zoneinfo"));
            assert.ok(!web.writeAttributes.includes("custom:legacy_sub"));
        });

        it("keeps the current pool primary in the outputs and adds the successor's", () => {
            const outputs = evaluation.outputs as any;
            assert.equal(outputs.migration.phase, "side-by-side");
            assert.equal(outputs.userPoolArn, outputs.migration.from.userPoolArn);
            assert.deepEqual(outputs.frontendConfig, outputs.migration.from.frontendConfig);
            assert.notEqual(outputs.migration.to.userPoolId, outputs.userPoolId);
            assert.equal(outputs.migration.to.frontendConfig.UserPoolId, outputs.migration.to.userPoolId);
            assert.equal(outputs.migration.to.frontendConfig.ClientId, outputs.migration.to.clients.web.id);
        });
    });

    describe("cutover", () => {
        it("points the primary outputs, frontendConfig included, at the new pool; the trigger still runs", async () => {
            const evaluation = await prodWithSuccessor("cutover");
            const outputs = evaluation.outputs as any;
            assert.equal(outputs.userPoolId, outputs.migration.to.userPoolId);
            assert.deepEqual(outputs.frontendConfig, outputs.migration.to.frontendConfig);
            assert.deepEqual(outputs.clients.web, outputs.migration.to.clients.web);
            assert.equal(outputs.senderIdentity.identity, "no-reply@example.com", "the shared SES identity");
            assert.ok(named(evaluation.resources, "successor-pool").inputs.lambdaConfig.userMigration);
            assert.equal(ofType(evaluation.resources, types.function).length, 1);
        });
    });

    describe("finish", () => {
        let evaluation: StackEvaluation;
        before(async () => {
            evaluation = await prodWithSuccessor("finish");
        });

        it("removes the trigger, its function, role, policy, permission and the old pool's migration client", () => {
            for (const type of [types.function, types.role, types.policy, types.permission, types.logGroup]) {
                assert.deepEqual(ofType(evaluation.resources, type), [], `no ${type}`);
            }
            assert.equal(evaluation.resources.some((resource) => resource.name === "successor-migration-client"), false);
            assert.equal(named(evaluation.resources, "successor-pool").inputs.lambdaConfig, undefined);
        });

        it("keeps the old pool, protected, and the new pool's clients back to their own flows", () => {
            const old = named(evaluation.resources, "auth-pool");
            assert.equal(old.protect, true);
            assert.equal(old.retainOnDelete, true);
            assert.deepEqual(named(evaluation.resources, "successor-client-web").inputs.explicitAuthFlows,
                ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
            assert.equal((evaluation.outputs as any).userPoolId, (evaluation.outputs as any).migration.to.userPoolId);
        });
    });

    it("gives the new pool the current pool's groups and resource servers (the groups memberships are copied into), or its own", async () => {
        const pools = {
            groups: [{ name: "admins", precedence: 1 }, { name: "readers" }],
            resourceServers: [{ identifier: "orders-api", name: "Orders API", scopes: { read: "Read orders" } }],
            clients: [{ name: "web" }, { name: "jobs", type: "confidential", oauth: { flows: ["client_credentials"], scopes: ["orders-api/read"] } }],
            domain: { prefix: "example-auth" },
        };
        const inherited = (await evaluate(withSettings(stackConfig("dev"), { ...pools, successor: { name: "myapp-dev-v2", domain: { prefix: "example-auth-v2" } } }))).resources;
        const newPool = named(inherited, "successor-pool");
        const successorComponent = only(inherited, "cognito-user-pool:index:SuccessorPool").urn;
        const groupsOf = (resources: readonly RegisteredResource[]) => ofType(resources, "aws:cognito/userGroup:UserGroup")
            .filter((group) => group.name.startsWith("successor-"));
        assert.deepEqual(groupsOf(inherited).map((group) => [group.name, group.parent, group.inputs.precedence]).sort(),
            [["successor-group-admins", successorComponent, 1], ["successor-group-readers", successorComponent, undefined]]);
        assert.deepEqual(named(inherited, "successor-resource-server-orders-api").inputs.scopes, [{ scopeName: "read", scopeDescription: "Read orders" }]);
        for (const member of ["successor-group-admins", "successor-resource-server-orders-api"]) {
            assert.ok(named(inherited, member).dependencies?.includes(newPool.urn), `${member} belongs to the new pool`);
        }
        assert.ok(named(inherited, "successor-client-jobs").dependencies?.includes(named(inherited, "successor-resource-server-orders-api").urn));

        const own = (await evaluate(withSettings(stackConfig("dev"), { ...pools, successor: { name: "myapp-dev-v2", domain: { prefix: "example-auth-v2" }, groups: [{ name: "staff" }] } }))).resources;
        assert.deepEqual(groupsOf(own).map((group) => group.name), ["successor-group-staff"]);
    });

    it("gives the new pool the current pool's identity providers, secret details and all, and its clients offer them", async () => {
        const settings = {
            domain: { prefix: "example-auth" },
            identityProviders: [{ name: "Google", type: "google", clientId: "1example.apps.googleusercontent.com", clientSecret: "[secret]",
                scopes: ["openid", "email"], attributeMapping: { email: "email", username: "sub" } }],
            clients: [{ name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/cb"], identityProviders: ["COGNITO", "Google"] } }],
            successor: { name: "myapp-dev-v2", domain: { prefix: "example-auth-v2" } },
        };
        const { resources } = await evaluate({ ...withSettings(stackConfig("dev"), settings), secretKeys: ["cognito-user-pool:identityProviders"] });
        const providers = ofType(resources, "aws:cognito/identityProvider:IdentityProvider");
        assert.deepStrictEqual(providers.map((provider) => provider.name).sort(), ["auth-identity-provider-Google", "successor-identity-provider-Google"]);
        const inNewPool = named(resources, "successor-identity-provider-Google");
        assert.equal(inNewPool.parent, only(resources, "cognito-user-pool:index:SuccessorPool").urn);
        assert.ok(inNewPool.dependencies?.includes(named(resources, "successor-pool").urn), "the provider belongs to the new pool");
        assert.deepStrictEqual(inNewPool.secretInputs, ["providerDetails"]);
        assert.ok(named(resources, "successor-client-web").dependencies?.includes(inNewPool.urn), "the new pool's client waits for its provider");
    });

    it("gives the new pool its own domain (successor.domain), never the current pool's; the primary pool's domain is the stack's output", async () => {
        const web = { name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/cb"] } };
        const settings = (phase: string) => ({ domain: { prefix: "example-auth" }, clients: [web],
            successor: { name: "myapp-dev-v2", phase, domain: { prefix: "example-auth-v2" } } });
        const sideBySide = await evaluate(withSettings(stackConfig("dev"), settings("side-by-side")));
        const domains = ofType(sideBySide.resources, "aws:cognito/userPoolDomain:UserPoolDomain");
        assert.deepStrictEqual(domains.map((domain) => [domain.name, domain.inputs.domain]).sort(),
            [["auth-domain", "example-auth"], ["successor-domain", "example-auth-v2"]]);
        const successorDomain = named(sideBySide.resources, "successor-domain");
        assert.equal(successorDomain.parent, only(sideBySide.resources, "cognito-user-pool:index:SuccessorPool").urn);
        assert.ok(successorDomain.dependencies?.includes(named(sideBySide.resources, "successor-pool").urn));
        const region = stackConfig("dev").config["aws:region"];
        const migration = sideBySide.outputs.migration as { from: { domain: string }; to: { domain: string; clients: Record<string, Record<string, string>> } };
        assert.equal(migration.from.domain, `https://example-auth.auth.${region}.amazoncognito.com`);
        assert.equal(migration.to.domain, `https://example-auth-v2.auth.${region}.amazoncognito.com`);
        assert.equal(migration.to.clients.web.tokenUrl, `https://example-auth-v2.auth.${region}.amazoncognito.com/oauth2/token`);
        assert.equal(sideBySide.outputs.domain, migration.from.domain);
        const cutover = await evaluate(withSettings(stackConfig("dev"), settings("cutover")));
        assert.equal(cutover.outputs.domain, `https://example-auth-v2.auth.${region}.amazoncognito.com`);
    });

    describe("log delivery (logs, successor.logs)", () => {
        const bucket = "arn:aws:s3:::sign-in-activity";
        const delivery = (resources: readonly RegisteredResource[], pool: string) => {
            const poolResource = named(resources, `${pool}-pool`);
            const found = ofType(resources, "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration")
                .filter((configuration) => configuration.inputs.userPoolId === (poolResource.outputs!.id ?? poolResource.id));
            assert.equal(found.length, 1, `one delivery of ${pool}-pool`);
            return found[0];
        };

        it("delivers the new pool's logs as the current pool's: to a log group of its own where the stack makes one, to the destination given otherwise", async () => {
            const { resources } = await evaluate(withSettings(stackConfig("prod"), {
                tier: "plus", logs: { userNotification: {}, userAuthEvents: { bucketArn: bucket }, retentionDays: 30 }, successor,
            }));
            const group = named(resources, "successor-logs-user-notification");
            assert.equal(group.parent, only(resources, "cognito-user-pool:index:SuccessorPool").urn);
            assert.deepEqual(ofType(resources, types.logGroup).map((logGroup) => logGroup.inputs.name).sort(), [
                "/aws/cognito/cognito-user-pool/prod/successor/user-notification",
                "/aws/cognito/cognito-user-pool/prod/user-notification",
                "/aws/lambda/cognito-user-pool-prod-user-migration",
            ]);
            assert.equal(group.inputs.retentionInDays, 30);
            assert.equal(group.inputs.tags["cognito-user-pool:stack"], "prod");
            const policy = named(resources, "successor-logs-user-notification-delivery");
            assert.equal(policy.inputs.resourceArn, group.outputs!.arn);
            const ofNewPool = delivery(resources, "successor");
            assert.equal(ofNewPool.name, "successor-log-delivery");
            assert.deepStrictEqual(ofNewPool.inputs.logConfigurations, [
                { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: group.outputs!.arn } },
                { eventSource: "userAuthEvents", logLevel: "INFO", s3Configuration: { bucketArn: bucket } },
            ]);
            assert.ok(ofNewPool.dependencies?.includes(policy.urn), "its log group's policy first");
            assert.equal(delivery(resources, "auth").inputs.logConfigurations[0].cloudWatchLogsConfiguration.logGroupArn,
                named(resources, "auth-logs-user-notification").outputs!.arn, "the current pool keeps its own");
        });

        it("takes successor.logs in place of the current pool's, and delivers nothing for a stack without logs", async () => {
            const logGroup = "arn:aws:logs:ap-northeast-2:123456789012:log-group:/shared/cognito-v2";
            const { resources } = await evaluate(withSettings(stackConfig("prod"), {
                logs: { userNotification: {} }, successor: { ...successor, logs: { userNotification: { logGroupArn: logGroup } } },
            }));
            assert.deepStrictEqual(delivery(resources, "successor").inputs.logConfigurations,
                [{ eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: logGroup } }]);
            assert.equal(resources.some((resource) => resource.name.startsWith("successor-logs-")), false, "no log group made for it");
            const without = await prodWithSuccessor("side-by-side");
            assert.deepStrictEqual(ofType(without.resources, "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration"), []);
        });

        it("delivers nothing of the new pool for successor.logs: {}, the current pool's logs as before", async () => {
            const { resources } = await evaluate(withSettings(stackConfig("prod"), { logs: { userNotification: {} }, successor: { ...successor, logs: {} } }));
            assert.deepStrictEqual(ofType(resources, "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration").map((resource) => resource.name),
                ["auth-log-delivery"]);
            assert.equal(resources.some((resource) => resource.name.startsWith("successor-logs-")), false, "no log group made for it");
        });
    });

    describe("threat protection (threatProtection, successor.threatProtection)", () => {
        const riskConfigurationType = "aws:cognito/riskConfiguration:RiskConfiguration";
        const threatProtection = {
            mode: "enforced", compromisedCredentials: { action: "block" },
            accountTakeover: { high: { action: "block", notify: true }, medium: { action: "mfa_if_configured" } },
            ipRanges: { alwaysBlock: ["203.0.113.0/24"] },
        };
        const poolId = (resources: readonly RegisteredResource[], pool: string) => {
            const poolResource = named(resources, `${pool}-pool`);
            return poolResource.outputs!.id ?? poolResource.id;
        };

        it("gives the new pool the current pool's add-ons and a risk configuration of its own, notifying through the shared SES sender", async () => {
            const { resources } = await evaluate(withSettings(stackConfig("prod"), { tier: "plus", threatProtection, successor }));
            const current = named(resources, "auth-risk");
            const own = named(resources, "successor-risk");
            assert.equal(own.parent, only(resources, "cognito-user-pool:index:SuccessorPool").urn);
            assert.deepEqual([current.inputs.userPoolId, own.inputs.userPoolId], [poolId(resources, "auth"), poolId(resources, "successor")]);
            const { userPoolId: _current, ...currentInputs } = current.inputs;
            const { userPoolId: _own, ...ownInputs } = own.inputs;
            assert.deepStrictEqual(ownInputs, currentInputs, "the same actions, notifications and IP ranges");
            assert.equal(own.inputs.accountTakeoverRiskConfiguration.notifyConfiguration.sourceArn, named(resources, "auth-sender").outputs!.arn);
            assert.deepStrictEqual(named(resources, "successor-pool").inputs.userPoolAddOns, { advancedSecurityMode: "ENFORCED" });
        });

        it("takes successor.threatProtection in place of the current pool's, and makes none for a successor that turns it off", async () => {
            const own = { mode: "audit", compromisedCredentials: { action: "no_action", events: ["sign_up"] } };
            const { resources } = await evaluate(withSettings(stackConfig("prod"), { tier: "plus", threatProtection, successor: { ...successor, threatProtection: own } }));
            assert.deepStrictEqual(named(resources, "successor-risk").inputs, {
                compromisedCredentialsRiskConfiguration: { actions: { eventAction: "NO_ACTION" }, eventFilters: ["SIGN_UP"] },
                userPoolId: poolId(resources, "successor"),
            });
            assert.deepStrictEqual(named(resources, "successor-pool").inputs.userPoolAddOns, { advancedSecurityMode: "AUDIT" });
            const off = await evaluate(withSettings(stackConfig("prod"), { tier: "plus", threatProtection, successor: { ...successor, threatProtection: { mode: "off" } } }));
            assert.deepStrictEqual(ofType(off.resources, riskConfigurationType).map((resource) => resource.name), ["auth-risk"]);
        });
    });

    it("protects the current pool of an unprotected stack (dev) once it has a successor, and keeps the shared SES identity", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("dev"), { successor: { name: "myapp-dev-v2" } }));
        assert.deepEqual([named(resources, "auth-pool").protect, named(resources, "auth-pool").retainOnDelete], [true, true]);
        assert.equal(named(resources, "auth-sender").retainOnDelete, true);
        assert.equal(named(resources, "successor-pool").protect, false, "the new pool as the stack's protect says");
    });

    describe("with the user's own triggers (triggers)", () => {
        const fn = (name: string) => `arn:aws:lambda:ap-northeast-2:123456789012:function:${name}`;
        const triggers = { preSignUp: fn("app-pre-sign-up"), postAuthentication: fn("app-audit"), customMessage: fn("app-messages") };
        const withTriggers = (phase: string) => evaluate(withSettings(stackConfig("prod"), { triggers, successor: { ...successor, phase } }));
        const permissionsOf = (evaluation: StackEvaluation, poolName: string) => ofType(evaluation.resources, types.permission)
            .filter((permission) => permission.inputs.sourceArn === named(evaluation.resources, poolName).outputs!.arn)
            .map((permission) => permission.inputs.function).filter((name: string) => name.startsWith("arn:")).sort();

        it("while migrating: the migration function chains the user's PreSignUp and PostAuthentication, may invoke exactly those, and the rest are the new pool's own", async () => {
            const evaluation = await withTriggers("side-by-side");
            const migration = only(evaluation.resources, types.function);
            assert.deepEqual(named(evaluation.resources, "successor-pool").inputs.lambdaConfig, {
                customMessage: fn("app-messages"),
                userMigration: migration.outputs!.arn, preSignUp: migration.outputs!.arn, postAuthentication: migration.outputs!.arn,
            });
            const { CHAINED_PRE_SIGN_UP, CHAINED_POST_AUTHENTICATION } = migration.inputs.environment.variables;
            assert.deepEqual([CHAINED_PRE_SIGN_UP, CHAINED_POST_AUTHENTICATION], [fn("app-pre-sign-up"), fn("app-audit")]);
            const statements = ofType(evaluation.resources, types.policy).flatMap((policy) => JSON.parse(policy.inputs.policy).Statement);
            assert.deepEqual(statements.filter((statement: any) => [statement.Action].flat().includes("lambda:InvokeFunction")),
                [{ Sid: "InvokeTheUsersChainedTriggers", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [fn("app-pre-sign-up"), fn("app-audit")] }]);
            assert.deepEqual(permissionsOf(evaluation, "auth-pool"), [fn("app-audit"), fn("app-messages"), fn("app-pre-sign-up")]);
            assert.deepEqual(permissionsOf(evaluation, "successor-pool"), [fn("app-messages")], "Cognito invokes only the unchained function on the new pool");
        });

        it("finished: the new pool's triggers are the user's own, each with its permission", async () => {
            const evaluation = await withTriggers("finish");
            assert.deepEqual(named(evaluation.resources, "successor-pool").inputs.lambdaConfig, triggers);
            assert.deepEqual(permissionsOf(evaluation, "successor-pool"), [fn("app-audit"), fn("app-messages"), fn("app-pre-sign-up")]);
        });

        it("refuses the user's own UserMigration on the new pool while migrating, naming the key, and takes it once finished", () => {
            const settings = { triggers: { userMigration: fn("app-import") }, successor: { ...successor, phase: "cutover" } };
            assert.throws(() => parseStackSettings(settings, { project: "myapp", stack: "prod" }), (error: StackConfigError) => {
                assert.deepEqual(error.problems, [`cognito-user-pool:triggers.userMigration: got "${fn("app-import")}"; until successor.phase is finish ` +
                    "the new pool's user migration trigger is the stack's migration function: the successor inherits triggers; give it successor.triggers " +
                    "without userMigration (the current pool keeps its own)"]);
                return true;
            });
            assert.throws(() => parseStackSettings({ successor: { ...successor, triggers: { userMigration: fn("app-import") } } }, { project: "myapp", stack: "prod" }),
                /successor\.triggers\.userMigration: .*remove userMigration from successor\.triggers/);
            assert.equal(parseStackSettings({ ...settings, successor: { ...successor, phase: "finish" } }, { project: "myapp", stack: "prod" })
                .successor?.userPool.triggers?.userMigration, fn("app-import"));
        });
    });
});
