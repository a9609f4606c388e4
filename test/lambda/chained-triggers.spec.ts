import { CognitoIdentityProviderClient, ListUsersCommand, SchemaAttributeType, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { strict as assert } from "assert";
import { chainedTriggerVariables, migrationEnvironment, PoolSignIn } from "../../lambda/migration-settings";
import { LocalAws, startLocalAws, useLocalAws } from "../aws/support/local-aws";
import { LambdaInvokeEndpoint, startLambdaInvokeEndpoint } from "./support/lambda-invoke-endpoint";
import { createMigrationClient, createPool, createUser, LocalPool, signIn } from "./support/local-pools";

/*
 * The successor pool's PreSignUp and PostAuthentication are the migration function's (until the finish phase); the
 * user's own functions for them run after its work, invoked by it (lambda/chained-triggers.ts). Against
 * cognito-local, which runs PreSignUp and PostAuthentication through the local Lambda endpoint: the user's
 * function auto-confirms every sign-up it sees (the classic PreSignUp that "lets everyone in"), and a squatter of
 * an old user's identity is still refused by the guard, before the user's function ever runs; the honest
 * newcomer gets through, confirmed by the user's function.
 */

const legacySub: SchemaAttributeType = { Name: "legacy_sub", AttributeDataType: "String", Mutable: false };
const autoConfirmArn = "arn:aws:lambda:us-east-1:123456789012:function:app-auto-confirm";
const auditArn = "arn:aws:lambda:us-east-1:123456789012:function:app-audit";
const allowListArn = "arn:aws:lambda:us-east-1:123456789012:function:app-allow-list";

describe("the user's own PreSignUp and PostAuthentication chained after the migration function's (lambda/chained-triggers.ts)", function () {
    let lambda: LambdaInvokeEndpoint;
    let local: LocalAws;
    let restore: () => void;
    let cognito: CognitoIdentityProviderClient;
    /** New pools: user name sign-in chaining the auto-confirming function, email sign-in chaining it, one chaining an allow list. */
    let byName: LocalPool, byEmail: LocalPool, allowList: LocalPool;

    const signUp = (pool: LocalPool, username: string, email: string) => cognito.send(new SignUpCommand({
        ClientId: pool.clientId, Username: username, Password: "Signup-Passw0rd!", UserAttributes: [{ Name: "email", Value: email }],
    }));
    const callsOf = (functionName: string, pool: LocalPool) =>
        lambda.invocations.filter((call) => call.functionName === functionName && call.event.userPoolId === pool.poolId);
    const usersOf = async (pool: LocalPool) => ((await cognito.send(new ListUsersCommand({ UserPoolId: pool.poolId }))).Users ?? [])
        .map((user) => user.Username);

    before(async () => {
        lambda = await startLambdaInvokeEndpoint({
            [autoConfirmArn]: async (event) => ({ ...event, response: { ...event.response, autoConfirmUser: true, autoVerifyEmail: true } }),
            [auditArn]: async (event) => event,
            [allowListArn]: async (event) => {
                if (!String(event.request.userAttributes.email).endsWith("@example.org")) {
                    throw new Error("sign-up is open to example.org only");
                }
                return event;
            },
        });
        local = await startLocalAws({
            TriggerFunctions: { UserMigration: "user-migration", PostAuthentication: "user-migration", PreSignUp: "user-migration" },
            LambdaClient: { endpoint: lambda.url },
        });
        restore = useLocalAws(local);
        cognito = new CognitoIdentityProviderClient({});
        const old = await createPool(cognito, "legacy", []);
        const migrationClientId = await createMigrationClient(cognito, old.poolId);
        byName = await createPool(cognito, "by-name", [legacySub]);
        byEmail = await createPool(cognito, "by-email", [legacySub], ["email"]);
        allowList = await createPool(cognito, "allow-list", [legacySub]);
        const environment = (newPool: PoolSignIn, chained: Record<string, string>) => ({
            ...migrationEnvironment({
                oldUserPoolId: old.poolId, migrationClientId, customAttributes: ["custom:legacy_sub"],
                oldPool: { usernameAttributes: [], aliasAttributes: [], caseSensitive: true }, newPool,
            }),
            ...chained,
            // The function reaches Lambda where the tests' Lambda is.
            AWS_ENDPOINT_URL_LAMBDA: lambda.url,
        });
        lambda.configure(byName.poolId, environment({ usernameAttributes: [], aliasAttributes: [], caseSensitive: true },
            { [chainedTriggerVariables.PreSignUp]: autoConfirmArn, [chainedTriggerVariables.PostAuthentication]: auditArn }));
        lambda.configure(byEmail.poolId, environment({ usernameAttributes: ["email"], aliasAttributes: [], caseSensitive: false },
            { [chainedTriggerVariables.PreSignUp]: autoConfirmArn }));
        lambda.configure(allowList.poolId, environment({ usernameAttributes: [], aliasAttributes: [], caseSensitive: true },
            { [chainedTriggerVariables.PreSignUp]: allowListArn }));
        await createUser(cognito, old.poolId, "dave", { email: "dave@example.com", email_verified: "true" }, "Dave-Passw0rd!");
    });

    after(async () => {
        restore?.();
        await local?.stop();
        await lambda?.stop();
    });

    it("a squatter of an old user's name is refused by the guard, and the user's auto-confirming function never sees the sign-up", async () => {
        await assert.rejects(signUp(byName, "dave", "mallory@example.net"), { name: "UserLambdaValidationException" });
        assert.deepEqual(callsOf(autoConfirmArn, byName).filter((call) => call.event.userName === "dave"), []);
        assert.ok(!(await usersOf(byName)).includes("dave"));
    });

    it("a squatter of an old user's email is refused where the new pool signs in with email, whatever the user's function would answer", async () => {
        await assert.rejects(signUp(byEmail, "dave@example.com", "dave@example.com"), { name: "UserLambdaValidationException" });
        assert.deepEqual(callsOf(autoConfirmArn, byEmail), []);
        assert.deepEqual(await usersOf(byEmail), []);
    });

    it("the honest newcomer gets through, confirmed by the user's function after the guard", async () => {
        assert.equal((await signUp(byName, "newcomer", "newcomer@example.com")).UserConfirmed, true);
        assert.equal((await signUp(byEmail, "newcomer@example.com", "newcomer@example.com")).UserConfirmed, true);
        const guarded = lambda.invocations.findIndex((call) => call.functionName === "user-migration" && call.event.userName === "newcomer");
        const chained = lambda.invocations.findIndex((call) => call.functionName === autoConfirmArn && call.event.userName === "newcomer");
        assert.ok(guarded >= 0 && chained >= 0, "both functions ran");
    });

    it("the user's function may refuse a sign-up the guard let through, with its own message", async () => {
        await assert.rejects(signUp(allowList, "outsider", "outsider@example.net"), { name: "UserLambdaValidationException", message: /open to example\.org only/ });
        assert.equal((await signUp(allowList, "insider", "insider@example.org")).UserConfirmed, false);
        assert.deepEqual(await usersOf(allowList), ["insider"]);
    });

    it("the user's PostAuthentication runs after the group copy of a migrated user's sign-in", async () => {
        await signIn(cognito, byName, "dave", "Dave-Passw0rd!");
        assert.equal(callsOf(auditArn, byName).filter((call) => call.event.userName === "dave" && call.event.triggerSource === "PostAuthentication_Authentication").length, 1);
    });
});
