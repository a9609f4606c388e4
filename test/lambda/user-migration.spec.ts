import {
    AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminGetUserCommand, AdminListGroupsForUserCommand,
    AdminSetUserPasswordCommand, CognitoIdentityProviderClient, CreateGroupCommand, ListUsersCommand, SchemaAttributeType,
} from "@aws-sdk/client-cognito-identity-provider";
import { AuthenticationDetails, CognitoUser, CognitoUserPool, CognitoUserSession } from "amazon-cognito-identity-js";
import { strict as assert } from "assert";
import { migrationEnvironment } from "../../lambda/migration-settings";
import { LocalAws, startLocalAws, useLocalAws } from "../aws/support/local-aws";
import { Invocation, LambdaInvokeEndpoint, startLambdaInvokeEndpoint } from "./support/lambda-invoke-endpoint";
import { createMigrationClient, createPool, createUser, LocalPool, signIn as signInTo } from "./support/local-pools";

/*
 * The compiled user-migration handler behind a local Lambda Invoke endpoint, called by cognito-local's
 * UserMigration and PostAuthentication triggers (its .cognito/config.json: TriggerFunctions and
 * LambdaClient.endpoint), with its AWS SDK pointed at the same cognito-local. cognito-local 5.3.0 runs the
 * migration on InitiateAuth and AdminInitiateAuth with USER_PASSWORD_AUTH only (targets/initiateAuth.js; it has
 * no SRP) and never for a forgotten password: that trigger is invoked here as Cognito would send it. It runs
 * PostAuthentication after every InitiateAuth sign-in but ignores its failure (services/triggers/
 * postAuthentication.js), where Cognito fails the sign-in: the handler's own answer is checked for that.
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

    async function createOldUser(username: string, attributes: Record<string, string>, password: string) {
        old.subs[username] = await createUser(cognito, old.poolId, username, attributes, password);
    }

    async function createGroups(poolId: string, ...groups: string[]) {
        for (const group of groups) {
            await cognito.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: group }));
        }
    }

    async function addToGroups(poolId: string, username: string, ...groups: string[]) {
        for (const group of groups) {
            await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName: group }));
        }
    }

    async function groupsOf(poolId: string, username: string) {
        const { Groups = [] } = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: username }));
        return Groups.map((group) => group.GroupName).sort();
    }

    async function usersOf(poolId: string) {
        return (await cognito.send(new ListUsersCommand({ UserPoolId: poolId }))).Users ?? [];
    }

    /** The UserMigration invocations for a user name (PostAuthentication follows every sign-in). */
    function migrations(userName: string): Invocation[] {
        return lambda.invocations.filter((call) => call.event.userName === userName && call.event.triggerSource.startsWith("UserMigration_"));
    }

    const signIn = (pool: LocalPool, username: string, password: string) => signInTo(cognito, pool, username, password);

    before(async () => {
        lambda = await startLambdaInvokeEndpoint();
        local = await startLocalAws({
            TriggerFunctions: { UserMigration: "user-migration", PostAuthentication: "user-migration" }, LambdaClient: { endpoint: lambda.url },
        });
        restore = useLocalAws(local);
        cognito = new CognitoIdentityProviderClient({});
        old.poolId = (await createPool(cognito, "myapp-prod", [tenant, retired])).poolId;
        old.clientId = await createMigrationClient(cognito, old.poolId);
        await createOldUser("alice", { email: "alice@example.com", email_verified: "true", given_name: "Alice", "custom:tenant": "acme", "custom:retired": "x" }, "Alice-Passw0rd!");
        await createOldUser("bob", { email: "bob@example.com", email_verified: "true" }, "Bob-Passw0rd!");
        await createOldUser("carol", { email: "carol@example.com", email_verified: "true" }, "Carol-Passw0rd!");
        Object.assign(byName, await createPool(cognito, "myapp-prod-v2", [tenant, legacySub]));
        Object.assign(byEmail, await createPool(cognito, "myapp-prod-v3", [tenant, legacySub], ["email"]));
        const environment = (usernameAttributes: string[]) => migrationEnvironment({
            oldUserPoolId: old.poolId, migrationClientId: old.clientId, customAttributes: ["custom:tenant", "custom:legacy_sub"],
            oldPool: { usernameAttributes: [], aliasAttributes: [], caseSensitive: true },
            newPool: { usernameAttributes, aliasAttributes: [], caseSensitive: true },
        });
        lambda.configure(byName.poolId, environment([]));
        lambda.configure(byEmail.poolId, environment(["email"]));
        await createGroups(old.poolId, "admins", "editors", "auditors");
        await createGroups(byName.poolId, "admins", "editors");
        await createGroups(byEmail.poolId, "editors");
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

        const [invocation] = migrations("alice");
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
        assert.equal(migrations("alice").length, 1, "no second migration");
    });

    it("refuses a wrong password with Cognito's usual error and creates nothing", async () => {
        await assert.rejects(signIn(byName, "bob", "not-bobs-password"), { name: "NotAuthorizedException" });
        assert.deepEqual((await usersOf(byName.poolId)).filter((user) => user.Username === "bob"), []);
        const [invocation] = migrations("bob");
        assert.equal(invocation.error, "Incorrect username or password.");
    });

    it("refuses an unknown user the same way and creates nothing", async () => {
        const before = (await usersOf(byName.poolId)).length;
        await assert.rejects(signIn(byName, "mallory", "Any-Passw0rd!"), { name: "NotAuthorizedException" });
        assert.equal((await usersOf(byName.poolId)).length, before);
        assert.equal(migrations("mallory")[0]?.error, "Incorrect username or password.");
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

    describe("group memberships, copied by the PostAuthentication trigger once the user exists in the new pool", () => {
        const postAuthentications = (userName: string) =>
            lambda.invocations.filter((call) => call.event.userName === userName && call.event.triggerSource === "PostAuthentication_Authentication");

        it("adds a migrated user to the new pool's groups named as its old ones, skipping those the new pool lacks, and brings later ones at the next sign-in", async () => {
            await createOldUser("dora", { email: "dora@example.com", email_verified: "true" }, "Dora-Passw0rd!");
            await addToGroups(old.poolId, "dora", "admins", "auditors");

            await signIn(byName, "dora", "Dora-Passw0rd!");
            assert.deepEqual(await groupsOf(byName.poolId, "dora"), ["admins"]);
            const [copy] = postAuthentications("dora");
            assert.equal(copy.error, undefined);
            assert.deepEqual(copy.answer, {}, "the event answered unchanged: the trigger expects no response");
            assert.deepEqual(copy.logs.map((line) => JSON.parse(line)), [{ groupMembershipsCopied: "d***", added: ["admins"], missing: ["auditors"] }]);
            assert.ok(copy.milliseconds < 4000, `answered in ${copy.milliseconds} ms, within Cognito's 5 s`);

            await addToGroups(old.poolId, "dora", "editors");
            const again = await signIn(byName, "dora", "Dora-Passw0rd!");
            assert.deepEqual(await groupsOf(byName.poolId, "dora"), ["admins", "editors"]);
            const idToken = JSON.parse(Buffer.from(again.AuthenticationResult!.IdToken!.split(".")[1], "base64url").toString("utf8"));
            assert.deepEqual(idToken["cognito:groups"], ["admins", "editors"]);
        });

        it("finds the old user by custom:legacy_sub when the new pool knows it by another name (email sign-in)", async () => {
            await createOldUser("erin", { email: "erin@example.com", email_verified: "true" }, "Erin-Passw0rd!");
            await addToGroups(old.poolId, "erin", "editors", "admins");
            await signIn(byEmail, "erin@example.com", "Erin-Passw0rd!");
            assert.deepEqual(await groupsOf(byEmail.poolId, "erin@example.com"), ["editors"]);
        });

        it("leaves a user the new pool had before alone, without a call to the old pool", async () => {
            await cognito.send(new AdminCreateUserCommand({ UserPoolId: byName.poolId, Username: "frank", MessageAction: "SUPPRESS" }));
            await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: byName.poolId, Username: "frank", Password: "Frank-Passw0rd!", Permanent: true }));
            const callsBefore = local.calls.length;
            await signIn(byName, "frank", "Frank-Passw0rd!");
            assert.deepEqual(local.calls.slice(callsBefore), ["InitiateAuth"], "no ListUsers, AdminListGroupsForUser or AdminAddUserToGroup");
            const [invocation] = postAuthentications("frank");
            assert.deepEqual([invocation.error, invocation.answer, invocation.logs], [undefined, {}, []]);
        });

        it("never fails the sign-in: a copy that cannot read the old pool is logged, and the event answered unchanged", async () => {
            local.failNext("ListUsers", { status: 500, type: "InternalErrorException", message: "try again" }, 2);
            const invocation = await lambda.invoke({
                triggerSource: "PostAuthentication_Authentication", userPoolId: byName.poolId, userName: "gina",
                request: { userAttributes: { sub: "new-sub", "custom:legacy_sub": "old-sub" } }, response: {},
            });
            assert.equal(invocation.error, undefined);
            assert.deepEqual(invocation.answer, {});
            assert.deepEqual(invocation.logs.map((line) => JSON.parse(line)),
                [{ groupMembershipsNotCopied: "g***", error: "InternalErrorException", message: "try again" }]);
        });
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
