import {
    CognitoIdentityProviderClient, InitiateAuthCommand, ListUsersCommand, SchemaAttributeType,
    SetUserMFAPreferenceCommand, SignUpCommand, UserType,
} from "@aws-sdk/client-cognito-identity-provider";
import { strict as assert } from "assert";
import { execFile } from "child_process";
import * as path from "path";
import { promisify } from "util";
import { migrationEnvironment, PoolSignIn } from "../../lambda/migration-settings";
import type { UserMigrationEvent } from "../../lambda/user-migration";
import { LocalAws, startLocalAws, useLocalAws } from "../aws/support/local-aws";
import { Invocation, LambdaInvokeEndpoint, startLambdaInvokeEndpoint } from "./support/lambda-invoke-endpoint";
import { createMigrationClient, createPool, createUser, LocalPool, signIn } from "./support/local-pools";

/*
 * The migration attacked as an outsider would: cognito-local runs the compiled handler behind a local Lambda
 * endpoint for UserMigration, PostAuthentication and PreSignUp (it runs PreSignUp on SignUp only:
 * targets/signUp.js), and every test asserts that the attacker is refused and that the honest user still gets
 * through. cognito-local's ADMIN_USER_PASSWORD_AUTH never answers with a challenge, so the MFA class runs
 * against the front door's stand-in for the old pool (LocalAws.challengeAfterPassword), which answers a right
 * password of a chosen user with each challenge AWS can give; enrolment itself is real (SetUserMFAPreference).
 * cognito-local looks user names up case-sensitively in every pool: the case-insensitive new pool here is
 * declared so to the function, and the tests check the function's own decision.
 */

const tenant: SchemaAttributeType = { Name: "tenant", AttributeDataType: "String", Mutable: true };
const legacySub: SchemaAttributeType = { Name: "legacy_sub", AttributeDataType: "String", Mutable: false };
const refused = { name: "NotAuthorizedException" };

/** Challenges AWS answers a right password with (API_AdminInitiateAuth, ChallengeName), and one it may add later. */
const secondFactorChallenges = ["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP", "SELECT_MFA_TYPE", "CUSTOM_CHALLENGE", "A_CHALLENGE_NOT_YET_INVENTED"];
/** Challenges that mean the user has no second factor yet: a temporary password, MFA to set up. */
const noSecondFactorChallenges = ["NEW_PASSWORD_REQUIRED", "MFA_SETUP"];

/** A UserMigration invocation's answer. */
const answerOf = (invocation: Invocation) => invocation.answer as UserMigrationEvent["response"] | undefined;

/** Whether a log line holds the value whole (not inside a longer word: "tim" in "timeout" is no leak). */
function mentions(line: string, value: string): boolean {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^\\w@.+-])${escaped}($|[^\\w@.+-])`).test(line);
}

describe("attacks on the user-migration trigger (lambda/user-migration.ts), each refused while the honest user migrates", function () {
    let lambda: LambdaInvokeEndpoint;
    let local: LocalAws;
    let restore: () => void;
    let cognito: CognitoIdentityProviderClient;
    let old: LocalPool & { migrationClientId: string };
    /** New pools: user name sign-in (case sensitive), user name sign-in declared case-insensitive, email sign-in. */
    let byName: LocalPool, byFoldedName: LocalPool, byEmail: LocalPool;
    const subs: Record<string, string> = {};
    /** Every password and identity the suite uses: none may appear in the function's logs. */
    const secrets = new Set<string>();

    async function oldUser(username: string, attributes: Record<string, string>, password: string) {
        subs[username] = await createUser(cognito, old.poolId, username, attributes, password);
        [username, password, subs[username], ...Object.values(attributes).filter((value) => value !== "true")].forEach((secret) => secrets.add(secret));
    }

    const attributesOf = (user: { Attributes?: { Name?: string; Value?: string }[]; UserAttributes?: { Name?: string; Value?: string }[] }) =>
        Object.fromEntries((user.Attributes ?? user.UserAttributes ?? []).map(({ Name, Value }) => [Name, Value]));

    /** The new pool's users that came from an old user, by its sub. */
    async function migratedFrom(pool: LocalPool, oldUsername: string): Promise<UserType[]> {
        const { Users = [] } = await cognito.send(new ListUsersCommand({ UserPoolId: pool.poolId }));
        return Users.filter((user) => attributesOf(user)["custom:legacy_sub"] === subs[oldUsername]);
    }

    const migrations = (pool: LocalPool, userName: string): Invocation[] => lambda.invocations.filter((call) =>
        call.event.userPoolId === pool.poolId && call.event.userName === userName && call.event.triggerSource.startsWith("UserMigration_"));

    const signUp = (pool: LocalPool, username: string, email: string) => cognito.send(new SignUpCommand({
        ClientId: pool.clientId, Username: username, Password: "Signup-Passw0rd!", UserAttributes: [{ Name: "email", Value: email }],
    }));

    const forgotPassword = (pool: LocalPool, userName: string) => lambda.invoke({
        triggerSource: "UserMigration_ForgotPassword", userPoolId: pool.poolId, userName, request: {}, response: {},
    });

    before(async () => {
        lambda = await startLambdaInvokeEndpoint();
        local = await startLocalAws({
            TriggerFunctions: { UserMigration: "user-migration", PostAuthentication: "user-migration", PreSignUp: "user-migration" },
            LambdaClient: { endpoint: lambda.url },
        });
        restore = useLocalAws(local);
        cognito = new CognitoIdentityProviderClient({});
        const legacy = await createPool(cognito, "legacy", [tenant]);
        old = { ...legacy, migrationClientId: await createMigrationClient(cognito, legacy.poolId) };
        byName = await createPool(cognito, "by-name", [tenant, legacySub]);
        byFoldedName = await createPool(cognito, "by-folded-name", [tenant, legacySub], [], false);
        byEmail = await createPool(cognito, "by-email", [tenant, legacySub], ["email"]);
        const environment = (newPool: PoolSignIn) => migrationEnvironment({
            oldUserPoolId: old.poolId, migrationClientId: old.migrationClientId, customAttributes: ["custom:tenant", "custom:legacy_sub"],
            oldPool: { usernameAttributes: [], aliasAttributes: [], caseSensitive: true }, newPool,
        });
        lambda.configure(byName.poolId, environment({ usernameAttributes: [], aliasAttributes: [], caseSensitive: true }));
        lambda.configure(byFoldedName.poolId, environment({ usernameAttributes: [], aliasAttributes: [], caseSensitive: false }));
        lambda.configure(byEmail.poolId, environment({ usernameAttributes: ["email"], aliasAttributes: [], caseSensitive: false }));

        await oldUser("alice", { email: "alice@example.com", email_verified: "true" }, "Alice-Passw0rd!");
        await oldUser("alice@example.com", { email: "mallory@example.net", email_verified: "true" }, "Mallory-Passw0rd!");
        await oldUser("bob", { email: "bob@example.com", email_verified: "true" }, "Bob-Passw0rd!");
        await oldUser("eve", { email: "bob@example.com" }, "Eve-Passw0rd!");
        await oldUser("dave", { email: "dave@example.com", email_verified: "true" }, "Dave-Passw0rd!");
        await oldUser("frank", { email: "frank@example.com" }, "Frank-Passw0rd!");
        await oldUser("kim", { email: "kim@example.com", email_verified: "true" }, "Kim-Passw0rd!");
        await oldUser("Kim", { email: "kim.other@example.com", email_verified: "true" }, "Other-Kim-Passw0rd!");
        await oldUser("lee", { email: "lee@example.com", email_verified: "true" }, "Lee-Passw0rd!");
        await oldUser("nina", { email: "nina@example.com", email_verified: "true" }, "Nina-Passw0rd!");
        await oldUser("carol", { email: "carol@example.com", email_verified: "true" }, "Carol-Passw0rd!");
        await oldUser("sam", { email: "sam@example.com", email_verified: "true", phone_number: "+15550100" }, "Sam-Passw0rd!");
        await oldUser("tim", { email: "tim@example.com", email_verified: "true" }, "Tim-Passw0rd!");
        for (const challenge of [...secondFactorChallenges, ...noSecondFactorChallenges]) {
            const username = `challenged-${challenge.toLowerCase()}`;
            await oldUser(username, { email: `${username}@example.com`, email_verified: "true" }, "Challenged-Passw0rd!");
            local.challengeAfterPassword.set(`${old.poolId}/${username}`, challenge);
        }
    });

    after(async () => {
        restore?.();
        await local?.stop();
        await lambda?.stop();
    });

    it("an old user named like another user's email cannot sign in as that email where the new pool signs in with email; the address's owner migrates", async () => {
        await assert.rejects(signIn(cognito, byEmail, "alice@example.com", "Mallory-Passw0rd!"), refused);
        assert.deepEqual(await migratedFrom(byEmail, "alice@example.com"), []);

        await signIn(cognito, byEmail, "alice@example.com", "Alice-Passw0rd!");
        const [alice] = await migratedFrom(byEmail, "alice");
        assert.equal(attributesOf(alice).email, "alice@example.com");
        assert.equal(attributesOf(alice).email_verified, "true");
    });

    it("an old user holding another's email unverified neither signs in by it, nor by its user name on an email pool, nor carries it as verified; the owner migrates", async () => {
        await assert.rejects(signIn(cognito, byEmail, "eve", "Eve-Passw0rd!"), refused, "an email pool is not signed in to by user name");
        await assert.rejects(signIn(cognito, byEmail, "bob@example.com", "Eve-Passw0rd!"), refused);
        assert.deepEqual(await migratedFrom(byEmail, "eve"), []);

        await signIn(cognito, byEmail, "bob@example.com", "Bob-Passw0rd!");
        assert.equal((await migratedFrom(byEmail, "bob")).length, 1, "the unverified copy does not block the owner");

        await signIn(cognito, byName, "eve", "Eve-Passw0rd!");
        const [eve] = await migratedFrom(byName, "eve");
        const attributes = attributesOf(eve);
        assert.ok(attributes.email === undefined || attributes.email_verified === "false",
            `eve's unproven address is not hers in the new pool: ${JSON.stringify(attributes)}`);
    });

    describe("a correct password answered with a challenge never migrates as CONFIRMED", () => {
        for (const challenge of secondFactorChallenges) {
            it(`${challenge}: refused, nothing created (the second factor is not checked here, and does not move)`, async () => {
                const username = `challenged-${challenge.toLowerCase()}`;
                await assert.rejects(signIn(cognito, byName, username, "Challenged-Passw0rd!"), refused);
                assert.deepEqual(await migratedFrom(byName, username), []);
                assert.equal(migrations(byName, username)[0].error, "Incorrect username or password.");
            });
        }

        for (const challenge of noSecondFactorChallenges) {
            it(`${challenge}: migrates as RESET_REQUIRED, so the user proves the verified contact before the first sign-in`, async () => {
                const username = `challenged-${challenge.toLowerCase()}`;
                await assert.rejects(signIn(cognito, byName, username, "Challenged-Passw0rd!"), { name: "PasswordResetRequiredException" });
                assert.equal(answerOf(migrations(byName, username)[0])?.finalUserStatus, "RESET_REQUIRED");
                const [user] = await migratedFrom(byName, username);
                assert.equal(user.UserStatus, "RESET_REQUIRED");
            });
        }

        it("a user without a challenge still migrates as CONFIRMED", async () => {
            await signIn(cognito, byName, "nina", "Nina-Passw0rd!");
            assert.equal(answerOf(migrations(byName, "nina")[0])?.finalUserStatus, "CONFIRMED");
        });
    });

    it("a password reset cannot migrate a user with MFA enrolled in the old pool (the reset code alone would replace both factors), nor one without a verified contact", async () => {
        const { AuthenticationResult } = await cognito.send(new InitiateAuthCommand({
            ClientId: old.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "sam", PASSWORD: "Sam-Passw0rd!" },
        }));
        await cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: AuthenticationResult!.AccessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: true } }));
        assert.equal((await forgotPassword(byName, "sam")).error, "Incorrect username or password.");
        assert.equal((await forgotPassword(byName, "frank")).error, "Incorrect username or password.", "no verified contact for the code");

        const carol = await forgotPassword(byName, "carol");
        assert.equal(carol.error, undefined);
        assert.equal(answerOf(carol)?.userAttributes?.["custom:legacy_sub"], subs.carol);
    });

    describe("sign-up in the new pool cannot take an identity an old user holds (PreSignUp)", () => {
        it("refuses an old user's user name, also as a case variant where the new pool ignores case; the old user then migrates", async () => {
            await assert.rejects(signUp(byName, "dave", "mallory@example.net"), { name: "UserLambdaValidationException" });
            await assert.rejects(signUp(byFoldedName, "DAVE", "mallory@example.net"), { name: "UserLambdaValidationException" });
            await signIn(cognito, byName, "dave", "Dave-Passw0rd!");
            assert.equal((await migratedFrom(byName, "dave")).length, 1);
        });

        it("refuses an email an old user holds, verified or not, where the new pool signs in with email", async () => {
            await assert.rejects(signUp(byEmail, "dave@example.com", "dave@example.com"), { name: "UserLambdaValidationException" });
            await assert.rejects(signUp(byEmail, "frank@example.com", "frank@example.com"), { name: "UserLambdaValidationException" });
        });

        it("lets a new user sign up with a name and an email no old user holds", async () => {
            assert.equal((await signUp(byName, "newcomer", "newcomer@example.com")).UserConfirmed, false);
            assert.equal((await signUp(byEmail, "newcomer@example.com", "newcomer@example.com")).UserConfirmed, false);
        });

        it("refuses an administrator's AdminCreateUser of an old user's name too (PreSignUp_AdminCreateUser; cognito-local does not send it)", async () => {
            const event = (userName: string) => ({
                triggerSource: "PreSignUp_AdminCreateUser" as const, userPoolId: byName.poolId, userName,
                request: { userAttributes: { email: "ops@example.com" } }, response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
            });
            assert.ok((await lambda.invoke(event("carol"))).error);
            assert.equal((await lambda.invoke(event("operator-made"))).error, undefined);
        });
    });

    describe("one old user becomes one new user", () => {
        it("the old user's sub typed as a user name creates no second user; the user name migrates once", async () => {
            await assert.rejects(signIn(cognito, byName, subs.bob, "Bob-Passw0rd!"), refused);
            await signIn(cognito, byName, "bob", "Bob-Passw0rd!");
            assert.equal((await migratedFrom(byName, "bob")).length, 1);
        });

        it("where the new pool ignores case and the old pool did not, names that fold together migrate neither; a name that folds alone migrates", async () => {
            await assert.rejects(signIn(cognito, byFoldedName, "Kim", "Other-Kim-Passw0rd!"), refused);
            await assert.rejects(signIn(cognito, byFoldedName, "kim", "Kim-Passw0rd!"), refused);
            assert.deepEqual([...await migratedFrom(byFoldedName, "kim"), ...await migratedFrom(byFoldedName, "Kim")], []);

            await signIn(cognito, byFoldedName, "LEE", "Lee-Passw0rd!");
            assert.equal((await migratedFrom(byFoldedName, "lee")).length, 1);
        });
    });

    describe("time: every call to the old pool is cut off and retried within Cognito's 5 s", () => {
        it("a call that hangs past its request timeout is retried, and the user migrates before the hung answer would have come", async () => {
            const before = local.calls.length;
            local.delayNext("AdminInitiateAuth", 3000);
            await signIn(cognito, byName, "tim", "Tim-Passw0rd!");
            const [invocation] = migrations(byName, "tim");
            assert.equal(answerOf(invocation)?.finalUserStatus, "CONFIRMED");
            assert.equal(local.calls.slice(before).filter((call) => call === "AdminInitiateAuth").length, 2, "one retry");
            assert.ok(invocation.milliseconds < 3000, `answered in ${invocation.milliseconds} ms, not after the hung call's 3000`);
        });

        it("an old pool that never answers refuses the sign-in within the function's budget", async () => {
            local.delayNext("AdminInitiateAuth", 4500, 2);
            const invocation = await lambda.invoke({
                triggerSource: "UserMigration_Authentication", userPoolId: byName.poolId, userName: "lee", request: { password: "Lee-Passw0rd!" }, response: {},
            });
            assert.ok(invocation.error);
            assert.ok(invocation.milliseconds < 4500, `gave up after ${invocation.milliseconds} ms`);
        });

        it("a cold start (a fresh process requiring the compiled handler, then its first invocation) answers within Cognito's 5 s", async () => {
            const handlerPath = path.join(__dirname, "..", "..", "bin", "lambda", "user-migration.js");
            const script = `
                const started = process.hrtime.bigint();
                const { handler } = require(${JSON.stringify(handlerPath)});
                const required = process.hrtime.bigint();
                handler(JSON.parse(process.env.EVENT)).then((answer) => {
                    const ms = (from, to) => Number(to - from) / 1e6;
                    console.log(JSON.stringify({ requireMs: ms(started, required), firstInvokeMs: ms(required, process.hrtime.bigint()), answer: answer.response }));
                });`;
            const event = { triggerSource: "UserMigration_ForgotPassword", userPoolId: byName.poolId, userName: "carol", request: {}, response: {} };
            const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], {
                env: { ...process.env, ...lambda.environmentOf(byName.poolId), EVENT: JSON.stringify(event) },
            });
            const { requireMs, firstInvokeMs, answer } = JSON.parse(stdout.trim().split("\n").at(-1)!);
            assert.equal(answer.userAttributes["custom:legacy_sub"], subs.carol);
            assert.ok(requireMs + firstInvokeMs < 5000, `require ${requireMs} ms + first invocation ${firstInvokeMs} ms`);
        });
    });

    describe("logs, after every attack above", () => {
        it("no invocation logged a password, a token or a whole user name, email or sub", () => {
            const logs = lambda.invocations.flatMap((invocation) => invocation.logs);
            assert.ok(logs.some((line) => JSON.parse(line).migrationRefused), "the function logs what it decides");
            const leaks = logs.filter((line) => /eyJ[\w-]+\./.test(line) || [...secrets].some((secret) => mentions(line, secret)));
            assert.deepEqual(leaks, []);
        });
    });
});
