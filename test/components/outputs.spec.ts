import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { strict as assert } from "assert";
import { JwtInvalidClaimError, JwtInvalidIssuerError } from "aws-jwt-verify/error";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bindablePort, CognitoLocal, startCognitoLocal } from "../../sandbox/cognito-local";
import { Invocation, LambdaEndpoint, LocalFunction, startLambdaEndpoint } from "../../sandbox/lambda-endpoint";
import { createRegistered } from "../../sandbox/local-resources";
import { IdMap } from "../../sandbox/registered";
import { localOutputs } from "../../sandbox/sandbox";
import { TokenAudience, verifyTokens } from "../../sandbox/token-check";
import { createPool, createUser, LocalPool, signIn } from "../lambda/support/local-pools";
import { evaluate, stackConfig, withSettings } from "../support/program";
import { preTokenV1, preTokenV2 } from "./support/pre-token-claims";

/*
 * The stack's issuerUrl and jwksUrl (components/outputs.ts), as the program computes them under Pulumi's mocks,
 * verify tokens with aws-jwt-verify as an app's back end would. The program runs against cognito-local: what it
 * registers is created there (sandbox/local-resources.ts), the mock pool id is replaced by cognito-local's
 * (IdMap), and the Cognito endpoint `https://cognito-idp.<region>.amazonaws.com` by cognito-local's URL
 * (sandbox.ts localOutputs), which is the issuer of its tokens (`<IssuerDomain>/<pool id>`,
 * cognito-local 5.3.0 lib/services/tokenGenerator.js). The attacker holds tokens of another pool, or an ID token,
 * and offers them where the stack's access token is expected. cognito-local signs every pool's tokens with one
 * key (lib/keys/cognitoLocal.private.json), so a token of another pool has a valid signature here and only the
 * issuer claim tells it apart: the verifier must check it.
 */

const password = "Passw0rd!";
const email = "dana@acme.example";
const credentials = { accessKeyId: "local", secretAccessKey: "local" };

/** aws-jwt-verify's refusal: an error of its class (its errors keep the name "Error"), with its message. */
const refusal = (errorClass: typeof JwtInvalidClaimError, message: RegExp) => (error: unknown) =>
    error instanceof errorClass && message.test(error.message);

describe("the stack's issuerUrl and jwksUrl outputs verify cognito-local's tokens with aws-jwt-verify", function () {
    let dir: string;
    let lambda: LambdaEndpoint;
    let local: CognitoLocal;
    let cognito: CognitoIdentityProviderClient;
    let outputs: { issuerUrl: string; jwksUrl: string; userPoolId: string; clients: { web: { id: string } } };
    let stackPool: LocalPool;
    let stackAudience: TokenAudience;
    /** The pre token generation function the stack's pool runs; none: the trigger answers the event unchanged. */
    let preToken: LocalFunction | undefined;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "outputs-"));
        // The web client signs in with USER_PASSWORD_AUTH: cognito-local has no SRP.
        const stack = withSettings(stackConfig("dev"), {
            clients: [{ name: "web", type: "public", authFlows: ["user_password", "refresh_token"], tokenRevocation: true }],
        });
        const evaluating = evaluate(stack);
        lambda = await startLambdaEndpoint({ route: (name, event) => name === "PreTokenGeneration" && event.userPoolId === stackPool?.poolId ? preToken : undefined });
        local = await startCognitoLocal({
            dir, port: await bindablePort(0, "cognito-local"),
            config: { TriggerFunctions: { PreTokenGeneration: "PreTokenGeneration" }, LambdaClient: { endpoint: lambda.url, region: "local", credentials } },
        });
        const region = stack.config["aws:region"];
        cognito = new CognitoIdentityProviderClient({ endpoint: local.endpoint, region, credentials });
        const evaluation = await evaluating;
        const ids = new IdMap();
        await createRegistered(cognito, evaluation.resources, ids);
        outputs = localOutputs(ids.apply(evaluation.outputs), region, local.endpoint) as typeof outputs;
        stackPool = { poolId: outputs.userPoolId, clientId: outputs.clients.web.id };
        stackAudience = { issuer: outputs.issuerUrl, jwksUri: outputs.jwksUrl, clientId: stackPool.clientId };
        await createUser(cognito, stackPool.poolId, "dana", { email, email_verified: "true" }, password);
    });

    after(async () => {
        cognito?.destroy();
        await local?.stop();
        await lambda?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    const tokensOf = async (pool: LocalPool) => {
        const { AuthenticationResult } = await signIn(cognito, pool, "dana", password);
        return { idToken: AuthenticationResult!.IdToken!, accessToken: AuthenticationResult!.AccessToken! };
    };

    it("names cognito-local's pool in place of AWS's endpoint: the issuer of its tokens, and the JWKS under it", async () => {
        assert.equal(outputs.issuerUrl, `${local.endpoint}/${stackPool.poolId}`);
        assert.equal(outputs.jwksUrl, `${local.endpoint}/${stackPool.poolId}/.well-known/jwks.json`);
        assert.match(stackPool.poolId, /^local_/);
    });

    it("verifies the honest user's ID and access tokens against the issuer and the JWKS the stack exports", async () => {
        preToken = undefined;
        const claims = await verifyTokens(await tokensOf(stackPool), stackAudience);
        assert.deepEqual([claims.id.iss, claims.id.aud, claims.id.email], [outputs.issuerUrl, stackPool.clientId, email]);
        assert.deepEqual([claims.access.iss, claims.access.client_id, claims.access.username], [outputs.issuerUrl, stackPool.clientId, "dana"]);
    });

    it("refuses the tokens of another pool, validly signed, by their issuer claim", async () => {
        preToken = undefined;
        const other = await createPool(cognito, "attacker", []);
        await createUser(cognito, other.poolId, "dana", { email, email_verified: "true" }, password);
        const otherTokens = await tokensOf(other);
        // The same key signs them: against their own issuer they verify.
        await verifyTokens(otherTokens, { issuer: `${local.endpoint}/${other.poolId}`, clientId: other.clientId });
        // The stack's issuer, with the other pool's client id, so that only the issuer can refuse them.
        const notTheStacksIssuer = refusal(JwtInvalidIssuerError, new RegExp(`^Issuer not allowed: ${local.endpoint}/${other.poolId}\\. Expected: ${outputs.issuerUrl}$`));
        await assert.rejects(verifyTokens(otherTokens, { ...stackAudience, clientId: other.clientId }), notTheStacksIssuer);
        await assert.rejects(verifyTokens(otherTokens, stackAudience), notTheStacksIssuer);
    });

    it("refuses the honest user's ID token offered where the access token is expected", async () => {
        preToken = undefined;
        const { idToken } = await tokensOf(stackPool);
        await assert.rejects(verifyTokens({ idToken, accessToken: idToken }, stackAudience),
            refusal(JwtInvalidClaimError, /^Token use not allowed: id\. Expected: access$/));
    });

    describe("a pre token generation trigger that adds a tenant claim, run through cognito-local's Lambda endpoint", () => {
        const invocationsOf = (fn: LocalFunction): Invocation[] => lambda.invocations.filter((call) => call.functionName === fn.name);

        it("V1_0 (claimsOverrideDetails): the claim is in the verified ID token, not in the access token, as in Cognito", async () => {
            preToken = preTokenV1;
            const claims = await verifyTokens(await tokensOf(stackPool), stackAudience);
            assert.equal(claims.id.tenant, "acme.example");
            assert.equal(claims.access.tenant, undefined);
            // cognito-local sends the version 1 event's shape with version "0" (lib/services/lambda.js createLambdaEvent).
            const [event] = invocationsOf(preTokenV1).map((call) => call.event as unknown as Record<string, unknown>);
            assert.deepEqual([event.triggerSource, event.version, event.response], ["TokenGeneration_Authentication", "0", { claimsOverrideDetails: {} }]);
        });

        it("V2_0 (claimsAndScopeOverrideDetails): cognito-local 5.3.0 drops the answer, so neither token has the claim (AWS puts it in both)", async () => {
            preToken = preTokenV2;
            const claims = await verifyTokens(await tokensOf(stackPool), stackAudience);
            assert.equal(invocationsOf(preTokenV2).length, 1, "the trigger ran");
            // tokenGenerator.js applies only result.claimsOverrideDetails, to the ID token; the access token is never customised.
            assert.deepEqual([claims.id.tenant, claims.access.tenant], [undefined, undefined]);
        });
    });
});
