import { strict as assert } from "assert";
import { RegisteredResource, SecretValue } from "../offline/evaluate";
import { evaluate, only, ofType, resourceTypes, stackConfig } from "./support/program";

describe("the program (index.ts) for each stack", () => {
    describe("dev: the console walkthrough's choices", () => {
        it("registers one SES identity, one user pool and one public client under a SignInBackend", async () => {
            const { resources } = await evaluate(stackConfig("dev"));
            assert.deepEqual(resources.map((resource) => `${resource.type}::${resource.name}`).sort(), [
                `${resourceTypes.client}::auth-client-web`,
                `${resourceTypes.userPool}::auth-pool`,
                `${resourceTypes.senderIdentity}::auth-sender`,
                `${resourceTypes.backend}::auth`,
            ].sort());
            const backend = only(resources, resourceTypes.backend);
            for (const child of resources.filter((resource) => resource.custom)) {
                assert.equal(child.parent, backend.urn, `${child.name} is parented to the component`);
            }
        });

        it("gives the pool exactly the seed's settings", async () => {
            const pool = only((await evaluate(stackConfig("dev"))).resources, resourceTypes.userPool).inputs;
            const sender = only((await evaluate(stackConfig("dev"))).resources, resourceTypes.senderIdentity).inputs;
            // 1. Sign-in with a user name only; no preferred-username alias; not case sensitive.
            assert.equal(pool.usernameAttributes, undefined);
            assert.equal(pool.aliasAttributes, undefined);
            assert.deepEqual(pool.usernameConfiguration, { caseSensitive: false });
            // 2. Cognito's default password policy, MFA off, recovery by email only.
            assert.deepEqual(pool.passwordPolicy, {
                minimumLength: 8, requireLowercase: true, requireUppercase: true, requireNumbers: true,
                requireSymbols: true, temporaryPasswordValidityDays: 7,
            });
            assert.equal(pool.mfaConfiguration, "OFF");
            assert.equal(pool.softwareTokenMfaConfiguration, undefined);
            assert.deepEqual(pool.accountRecoverySetting, { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] });
            // 3. Self sign-up; email verified automatically, by code; email the only required attribute.
            assert.deepEqual(pool.adminCreateUserConfig, { allowAdminCreateUserOnly: false });
            assert.deepEqual(pool.autoVerifiedAttributes, ["email"]);
            assert.deepEqual(pool.userAttributeUpdateSettings, { attributesRequireVerificationBeforeUpdates: ["email"] });
            assert.equal(pool.verificationMessageTemplate.defaultEmailOption, "CONFIRM_WITH_CODE");
            assert.deepEqual(pool.schemas, [{
                name: "email", attributeDataType: "String", required: true, mutable: true, developerOnlyAttribute: false,
                stringAttributeConstraints: { minLength: "0", maxLength: "2048" },
            }]);
            // 4. Email through SES from a FROM address: the stack's SES identity for it. On a first deployment SES
            // has not verified it yet, so the pool starts with Cognito's sender (test/components/ses-sender.spec.ts).
            assert.equal(sender.emailIdentity, "no-reply@dev.example.com");
            assert.deepEqual(pool.emailConfiguration, { emailSendingAccount: "COGNITO_DEFAULT" });
            // 5. Pool name.
            assert.equal(pool.name, "myapp-dev");
        });

        it("gives the web client exactly the seed's settings: public, revocation on, no user existence errors", async () => {
            const client = only((await evaluate(stackConfig("dev"))).resources, resourceTypes.client).inputs;
            assert.equal(client.name, "web");
            assert.equal(client.generateSecret, false);
            assert.deepEqual(client.explicitAuthFlows, ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
            assert.equal(client.enableTokenRevocation, true);
            assert.equal(client.preventUserExistenceErrors, "ENABLED");
            assert.equal(client.readAttributes, undefined, "all attributes readable: Cognito's default");
            assert.equal(client.writeAttributes, undefined, "all attributes writable: Cognito's default");
            assert.equal(client.allowedOauthFlowsUserPoolClient, false);
            assert.deepEqual(
                [client.accessTokenValidity, client.idTokenValidity, client.refreshTokenValidity, client.authSessionValidity],
                [60, 60, 30, 3]);
            assert.deepEqual(client.tokenValidityUnits, { accessToken: "minutes", idToken: "minutes", refreshToken: "days" });
        });
    });

    describe("staging and prod: protected environments", () => {
        for (const stack of ["staging", "prod"]) {
            it(`${stack}: protect on the pool, retainOnDelete on the pool and SES identity only; deletion protection on`, async () => {
                const { resources } = await evaluate(stackConfig(stack));
                const typesWhere = (kept: (resource: RegisteredResource) => boolean) =>
                    resources.filter(kept).map((resource) => resource.type).sort();
                assert.deepEqual(typesWhere((resource) => resource.protect), [resourceTypes.userPool]);
                // Not protected: a new FROM address must be able to replace the identity (the old one stays in SES).
                assert.deepEqual(typesWhere((resource) => resource.retainOnDelete), [resourceTypes.userPool, resourceTypes.senderIdentity].sort());
                assert.equal(only(resources, resourceTypes.userPool).inputs.deletionProtection, "ACTIVE");
            });

            it(`${stack}: MFA optional with TOTP, and a confidential server client with a secret`, async () => {
                const { resources } = await evaluate(stackConfig(stack));
                const pool = only(resources, resourceTypes.userPool).inputs;
                assert.equal(pool.mfaConfiguration, "OPTIONAL");
                assert.deepEqual(pool.softwareTokenMfaConfiguration, { enabled: true });
                const secrets = Object.fromEntries(ofType(resources, resourceTypes.client)
                    .map((client) => [client.inputs.name, client.inputs.generateSecret]));
                assert.deepEqual(secrets, { web: false, server: true });
            });
        }

        it("dev is neither protected nor deletion-protected", async () => {
            const { resources } = await evaluate(stackConfig("dev"));
            assert.deepEqual(resources.filter((resource) => resource.protect || resource.retainOnDelete), []);
            assert.equal(only(resources, resourceTypes.userPool).inputs.deletionProtection, "INACTIVE");
        });
    });

    it("gives every stack the same settings fixed at creation, so changes can be promoted", async () => {
        const fixed = async (stack: string) => {
            const { resources } = await evaluate(stackConfig(stack));
            const pool = only(resources, resourceTypes.userPool).inputs;
            return {
                usernameAttributes: pool.usernameAttributes, aliasAttributes: pool.aliasAttributes,
                usernameConfiguration: pool.usernameConfiguration, schemas: pool.schemas,
                webClientSecret: ofType(resources, resourceTypes.client).find((client) => client.inputs.name === "web")?.inputs.generateSecret,
            };
        };
        const dev = await fixed("dev");
        assert.deepEqual(await fixed("staging"), dev);
        assert.deepEqual(await fixed("prod"), dev);
    });

    describe("outputs", () => {
        it("exports the pool's id, ARN, endpoint, issuer and JWKS URLs, region, and a front end's config", async () => {
            const { outputs } = await evaluate(stackConfig("dev"));
            const poolId = outputs.userPoolId as string;
            assert.match(poolId, /^ap-northeast-2_/);
            assert.equal(outputs.userPoolArn, `arn:aws:cognito-idp:ap-northeast-2:123456789012:userpool/${poolId}`);
            assert.equal(outputs.issuerUrl, `https://cognito-idp.ap-northeast-2.amazonaws.com/${poolId}`);
            assert.equal(outputs.jwksUrl, `https://cognito-idp.ap-northeast-2.amazonaws.com/${poolId}/.well-known/jwks.json`);
            assert.equal(outputs.region, "ap-northeast-2");
            const clients = outputs.clients as Record<string, { id: string }>;
            assert.deepEqual(outputs.frontendConfig, { UserPoolId: poolId, ClientId: clients.web.id, region: "ap-northeast-2" });
        });

        it("exports the SES identity's ARN and verification status", async () => {
            const { outputs } = await evaluate(stackConfig("dev"));
            assert.deepEqual(outputs.senderIdentity, {
                arn: "arn:aws:ses:ap-northeast-2:123456789012:identity/no-reply@dev.example.com",
                identity: "no-reply@dev.example.com",
                verifiedForSending: false,
            });
        });

        it("exports a confidential client's secret as a secret, and no secret for a public client", async () => {
            const { outputs } = await evaluate(stackConfig("prod"));
            const clients = outputs.clients as Record<string, { id: string; secret?: unknown }>;
            assert.ok(clients.server.secret instanceof SecretValue, "the server client's secret is a secret output");
            assert.equal(JSON.stringify(clients.server), JSON.stringify({ id: clients.server.id, secret: "[secret]" }));
            assert.equal(clients.web.secret, undefined);
            assert.equal((outputs.frontendConfig as { ClientId: string }).ClientId, clients.web.id, "the front end uses the public client");
        });
    });
});
