import {
    AdminCreateUserCommand, AdminGetUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient,
    CreateUserPoolClientCommand, CreateUserPoolCommand, InitiateAuthCommand, ListUsersCommand, SchemaAttributeType,
    UsernameAttributeType,
} from "@aws-sdk/client-cognito-identity-provider";
import { AuthenticationDetails, CognitoUser, CognitoUserPool, CognitoUserSession } from "amazon-cognito-identity-js";
import { strict as assert } from "assert";
import { migrationEnvironment } from "../../lambda/migration-settings";
import { LocalAws, startLocalAws, useLocalAws } from "../aws/support/local-aws";
import { LambdaInvokeEndpoint, startLambdaInvokeEndpoint } from "./support/lambda-invoke-endpoint";

/*
 * The compiled user-migration handler behind a local Lambda Invoke endpoint, called by cognito-local's
 * UserMigration trigger (its .cognito/config.json: TriggerFunctions.UserMigration and LambdaClient.endpoint),
 * with its AWS SDK pointed at the same cognito-local. cognito-local 5.3.0 runs the trigger on InitiateAuth and
 * AdminInitiateAuth with USER_PASSWORD_AUTH only (targets/initiateAuth.js; it has no SRP) and never for a
 * forgotten password: that trigger is invoked here as Cognito would send it.
 */

const legacySub: SchemaAttributeType = { Name: "legacy_sub", AttributeDataType: "String", Mutable: false };
const tenant: SchemaAttributeType = { Name: "tenant", AttributeDataType: "String", Mutable: true };
const retired: SchemaAttributeType = { Name: "retired", AttributeDataType: "String", Mutable: true };

describe("the user-migration trigger (lambda/user-migration.ts) against cognito-local", function () {
    let lambda: LambdaInvokeEndpoint;
    let local: LocalAws;
    let restore: () => void;
    let cognito: CognitoIdentityProviderClient;
    const old = { poolId: "", clientId: "", subs: {} as Record<string, string> };
    const byName = { poolId: "", clientId: "" };
    const byEmail = { poolId: "", clientId: "" };

    async function createPool(name: string, schema: SchemaAttributeType[], usernameAttributes: UsernameAttributeType[] = []) {
        const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: name, Schema: schema, UsernameAttributes: usernameAttributes }));
        const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
            UserPoolId: UserPool!.Id, ClientName: "web", ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        }));
        return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
    }

    async function createOldUser(username: string, attributes: Record<string, string>, password: string) {
        const { User } = await cognito.send(new AdminCreateUserCommand({
            UserPoolId: old.poolId, Username: username, MessageAction: "SUPPRESS",
            UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
        }));
        await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: old.poolId, Username: username, Password: password, Permanent: true }));
        old.subs[username] = User!.Attributes!.find((attribute) => attribute.Name === "sub")!.Value!;
    }

    async function usersOf(poolId: string) {
        return (await cognito.send(new ListUsersCommand({ UserPoolId: poolId }))).Users ?? [];
    }

    function signIn(pool: { poolId: string; clientId: string }, username: string, password: string) {
        return cognito.send(new InitiateAuthCommand({
            ClientId: pool.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: username, PASSWORD: password },
        }));
    }

    before(async () => {
        lambda = await startLambdaInvokeEndpoint();
        local = await startLocalAws({ TriggerFunctions: { UserMigration: "user-migration" }, LambdaClient: { endpoint: lambda.url } });
        restore = useLocalAws(local);
        cognito = new CognitoIdentityProviderClient({});
        Object.assign(old, await createPool("myapp-prod", [tenant, retired]));
        const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
            UserPoolId: old.poolId, ClientName: "user-migration", ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH"],
        }));
        old.clientId = UserPoolClient!.ClientId!;
        await createOldUser("alice", { email: "alice@example.com", email_verified: "true", given_name: "Alice", "custom:tenant": "acme", "custom:retired": "x" }, "Alice-Passw0rd!");
        await createOldUser("bob", { email: "bob@example.com", email_verified: "true" }, "Bob-Passw0rd!");
        await createOldUser("carol", { email: "carol@example.com", email_verified: "true" }, "Carol-Passw0rd!");
        Object.assign(byName, await createPool("myapp-prod-v2", [tenant, legacySub]));
        Object.assign(byEmail, await createPool("myapp-prod-v3", [tenant, legacySub], ["email"]));
        const environment = (lookupAttributes: string[]) => migrationEnvironment({
            oldUserPoolId: old.poolId, migrationClientId: old.clientId, lookupAttributes, customAttributes: ["custom:tenant", "custom:legacy_sub"],
        });
        lambda.configure(byName.poolId, environment([]));
        lambda.configure(byEmail.poolId, environment(["email"]));
    });

    after(async () => {
        restore?.();
        await local?.stop();
        await lambda?.stop();
    });

    it("signs an old user in on the new pool through amazon-cognito-identity-js (USER_PASSWORD_AUTH), and the user now lives there", async () => {
        const userPool = new CognitoUserPool({ UserPoolId: byName.poolId, ClientId: byName.clientId, endpoint: local.endpoint });
        const user = new CognitoUser({ Username: "alice", Pool: userPool });
        user.setAuthenticationFlowType("USER_PASSWORD_AUTH");
        const session = await new Promise<CognitoUserSession>((signedIn, failed) => user.authenticateUser(
            new AuthenticationDetails({ Username: "alice", Password: "Alice-Passw0rd!" }), { onSuccess: signedIn, onFailure: failed }));
        assert.equal(session.getIdToken().payload["cognito:username"], "alice");

        const migrated = await cognito.send(new AdminGetUserCommand({ UserPoolId: byName.poolId, Username: "alice" }));
        const attributes = Object.fromEntries(migrated.UserAttributes!.map(({ Name, Value }) => [Name, Value]));
        assert.equal(migrated.UserStatus, "CONFIRMED");
        assert.equal(attributes.email, "alice@example.com");
        assert.equal(attributes.email_verified, "true");
        assert.equal(attributes.given_name, "Alice");
        assert.equal(attributes["custom:tenant"], "acme");
        assert.equal(attributes["custom:legacy_sub"], old.subs.alice);
        assert.notEqual(attributes.sub, old.subs.alice, "a new sub in the new pool");
        assert.equal(attributes["custom:retired"], undefined, "dropped: the new pool does not declare it");

        const [invocation] = lambda.invocations.filter((call) => call.event.userName === "alice");
        assert.equal(invocation.event.triggerSource, "UserMigration_Authentication");
        assert.deepEqual(invocation.answer, {
            ...invocation.event.response,
            userAttributes: {
                email: "alice@example.com", email_verified: "true", given_name: "Alice", "custom:tenant": "acme",
                "custom:legacy_sub": old.subs.alice,
            },
            finalUserStatus: "CONFIRMED",
            messageAction: "SUPPRESS",
        });
        assert.ok(invocation.milliseconds < 4000, `answered in ${invocation.milliseconds} ms, within Cognito's 5 s`);

        const again = await signIn(byName, "alice", "Alice-Passw0rd!");
        assert.ok(again.AuthenticationResult?.IdToken, "the next sign-in is the new pool's own");
        assert.equal(lambda.invocations.filter((call) => call.event.userName === "alice").length, 1, "no second migration");
    });

    it("refuses a wrong password with Cognito's usual error and creates nothing", async () => {
        await assert.rejects(signIn(byName, "bob", "not-bobs-password"), { name: "NotAuthorizedException" });
        assert.deepEqual((await usersOf(byName.poolId)).filter((user) => user.Username === "bob"), []);
        const [invocation] = lambda.invocations.filter((call) => call.event.userName === "bob");
        assert.equal(invocation.error, "Incorrect username or password.");
    });

    it("refuses an unknown user the same way and creates nothing", async () => {
        const before = (await usersOf(byName.poolId)).length;
        await assert.rejects(signIn(byName, "mallory", "Any-Passw0rd!"), { name: "NotAuthorizedException" });
        assert.equal((await usersOf(byName.poolId)).length, before);
        assert.equal(lambda.invocations.find((call) => call.event.userName === "mallory")?.error, "Incorrect username or password.");
    });

    it("finds a user-name user of the old pool by email when the new pool signs in with email", async () => {
        const answer = await signIn(byEmail, "bob@example.com", "Bob-Passw0rd!");
        assert.ok(answer.AuthenticationResult?.IdToken);
        const users = (await cognito.send(new ListUsersCommand({ UserPoolId: byEmail.poolId, Filter: `email = "bob@example.com"` }))).Users!;
        assert.equal(users.length, 1);
        const attributes = Object.fromEntries(users[0].Attributes!.map(({ Name, Value }) => [Name, Value]));
        assert.equal(attributes["custom:legacy_sub"], old.subs.bob);
        assert.equal(attributes.email_verified, "true");
        await assert.rejects(signIn(byEmail, "carol@example.com", "wrong"), { name: "NotAuthorizedException" });
    });

    describe("UserMigration_ForgotPassword (cognito-local never sends it: invoked as Cognito would)", () => {
        const forgotPassword = (userName: string) => lambda.invoke({
            triggerSource: "UserMigration_ForgotPassword", userPoolId: byName.poolId, userName, request: {}, response: {},
        });

        it("finds the user without a password and keeps the verified email, so Cognito can send the reset code", async () => {
            const { answer, error } = await forgotPassword("carol");
            assert.equal(error, undefined);
            assert.deepEqual(answer, {
                userAttributes: { email: "carol@example.com", email_verified: "true", "custom:legacy_sub": old.subs.carol },
                messageAction: "SUPPRESS",
            });
        });

        it("refuses an unknown user", async () => {
            assert.equal((await forgotPassword("mallory")).error, "Incorrect username or password.");
        });
    });
});
