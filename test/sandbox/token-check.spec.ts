import {
    CognitoIdentityProviderClient, ConfirmSignUpCommand, CreateUserPoolClientCommand, InitiateAuthCommand, SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { strict as assert } from "assert";
import { generateKeyPairSync, sign } from "crypto";
import { Sandbox, startSandbox } from "../../sandbox/sandbox";
import { ProjectCopy } from "../cli/support/project-copy";
import { codeFor } from "./support/page-steps";

/*
 * The page's back end (POST /verify) stands for an app's API: the attacker is anyone who can send it a token they
 * made or altered. It must accept only tokens cognito-local signed, for a pool and client the stack exports, each
 * used as what it is (ID or access).
 */

const base64url = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const parts = (token: string) => token.split(".").map((part, index) => index < 2 ? JSON.parse(Buffer.from(part, "base64url").toString("utf8")) : part);

describe("npm run sandbox: the page's back end verifies tokens with aws-jwt-verify", () => {
    let project: ProjectCopy;
    let sandbox: Sandbox;
    let cognito: CognitoIdentityProviderClient;
    let pool: { UserPoolId: string; ClientId: string };
    let tokens: { IdToken: string; AccessToken: string };

    const verify = (body: Record<string, unknown>) => fetch(new URL("/verify", sandbox.pageUrl), {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
    }).then(async (answer) => ({ status: answer.status, body: await answer.json() as Record<string, any> }));
    const exported = (idToken: string, accessToken: string) => verify({ userPoolId: pool.UserPoolId, clientId: pool.ClientId, idToken, accessToken });

    before(async () => {
        project = new ProjectCopy();
        sandbox = await startSandbox({ projectDir: project.dir, stack: "dev", port: 0, pagePort: 0, reset: false });
        cognito = new CognitoIdentityProviderClient({ endpoint: sandbox.endpoint, region: sandbox.region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
        pool = sandbox.outputs.frontendConfig as typeof pool;
        await cognito.send(new SignUpCommand({ ClientId: pool.ClientId, Username: "dana", Password: "Passw0rd!", UserAttributes: [{ Name: "email", Value: "dana@example.com" }] }));
        await cognito.send(new ConfirmSignUpCommand({ ClientId: pool.ClientId, Username: "dana", ConfirmationCode: await codeFor(sandbox, "dana") }));
        const signedIn = await cognito.send(new InitiateAuthCommand({ ClientId: pool.ClientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "dana", PASSWORD: "Passw0rd!" } }));
        tokens = signedIn.AuthenticationResult as typeof tokens;
    });

    after(async () => {
        cognito?.destroy();
        await sandbox?.stop();
        project?.remove();
    });

    it("answers the claims of the honest user's tokens", async () => {
        const answer = await exported(tokens.IdToken, tokens.AccessToken);
        assert.equal(answer.status, 200);
        assert.deepEqual([answer.body.id["cognito:username"], answer.body.access.username, answer.body.access.client_id], ["dana", "dana", pool.ClientId]);
    });

    it("refuses a token whose claims the attacker changed (the signature no longer matches)", async () => {
        const [header, payload, signature] = parts(tokens.IdToken);
        const altered = `${base64url(header)}.${base64url({ ...payload, "cognito:username": "admin" })}.${signature}`;
        const answer = await exported(altered, tokens.AccessToken);
        assert.equal(answer.status, 401);
        assert.match(answer.body.error, /^not verified: .*signature/i);
    });

    it("refuses a token the attacker signed with a key of their own under the pool's key id", async () => {
        const [header, payload] = parts(tokens.AccessToken);
        const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
        const unsigned = `${base64url(header)}.${base64url(payload)}`;
        const forged = `${unsigned}.${sign("sha256", Buffer.from(unsigned), privateKey).toString("base64url")}`;
        assert.equal((await exported(tokens.IdToken, forged)).status, 401);
    });

    it("refuses an ID token offered as the access token, and the other way round", async () => {
        assert.equal((await exported(tokens.IdToken, tokens.IdToken)).status, 401);
        assert.equal((await exported(tokens.AccessToken, tokens.AccessToken)).status, 401);
    });

    it("refuses the tokens of a client the stack does not export, whichever client the request names", async () => {
        const other = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPoolId, ClientName: "attacker" }));
        const otherTokens = (await cognito.send(new InitiateAuthCommand({
            ClientId: other.UserPoolClient!.ClientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "dana", PASSWORD: "Passw0rd!" },
        }))).AuthenticationResult!;
        assert.equal((await exported(otherTokens.IdToken!, otherTokens.AccessToken!)).status, 401);
        const named = await verify({ userPoolId: pool.UserPoolId, clientId: other.UserPoolClient!.ClientId, idToken: otherTokens.IdToken, accessToken: otherTokens.AccessToken });
        assert.equal(named.status, 400);
    });
});
