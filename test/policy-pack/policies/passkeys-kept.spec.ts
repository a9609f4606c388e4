import * as assert from "assert";
import { passkeysKept, passkeysKeptAdvisory } from "../../../policy-pack/src/policies";
import { Baseline, baselineFromAws, baselineFromStateExport } from "../../../policy-pack/src/fixed-settings";
import { poolArgs, poolUrn, violations } from "../support/args";
import { seedBaseline } from "../support/baseline";
import { describeUserPool, poolProps, REGION, stateExport } from "../support/fixtures";

const deployedId = "auth.example.com";

/** The seed's deployed pool with passkeys registered under `auth.example.com`. */
function deployed(stack: string): Baseline {
    const baseline = seedBaseline(stack);
    const urn = poolUrn(stack);
    return { ...baseline, userPools: { [urn]: { ...baseline.userPools[urn], relyingPartyId: deployedId } } };
}

const withPasskeys = (stack: string, relyingPartyId: string | undefined, userVerification = "preferred") =>
    poolProps(stack, { webAuthnConfiguration: { relyingPartyId, userVerification } });

describe("policies cognito-passkeys-kept (mandatory, protected stacks) and cognito-passkeys-kept-advisory (the others)", () => {
    const judge = (stack: string, props: Record<string, unknown>, config: Record<string, unknown> = {}) => Promise.all([passkeysKept, passkeysKeptAdvisory]
        .map((policy) => violations(policy, poolArgs(props, { stack, config: { baseline: deployed(stack), ...config } }))));

    it("the attacker's (or a careless) change in prod: a new relying party id is refused by the mandatory policy alone, naming the input, why and what to do", async () => {
        const [mandatory, advisory] = await judge("prod", withPasskeys("prod", "login.example.com"));
        assert.deepStrictEqual(advisory, []);
        assert.equal(mandatory.length, 1);
        assert.match(mandatory[0], /^UserPool "auth-pool" \(.*\): webAuthnConfiguration\.relyingPartyId holds what users registered under it and differs from what is deployed\./);
        assert.match(mandatory[0], /deployed: "auth.example.com"\n {2}new: {6}"login.example.com"/);
        assert.match(mandatory[0], /every passkey users registered for auth\.example\.com stops working/);
        assert.match(mandatory[0], /offer another way to sign in first[\s\S]*cognito-user-pool:passkeys\.relyingPartyId, or the custom domain it follows/);
        assert.match(mandatory[0], /input: `webAuthnConfiguration\.relyingPartyId`$/);
    });

    it("the honest update in prod: the same relying party id with other changes (user verification, MFA) passes both", async () => {
        const [mandatory, advisory] = await judge("prod", { ...withPasskeys("prod", deployedId, "required"), mfaConfiguration: "OPTIONAL" });
        assert.deepStrictEqual([mandatory, advisory], [[], []]);
    });

    it("no relying party id sent where one is deployed is refused too (fail closed)", async () => {
        const [mandatory] = await judge("prod", poolProps("prod"));
        assert.match(mandatory[0], /the provider would send no relying party id/);
    });

    it("in a stack that is not protected the same change is the advisory policy's warning, not a block", async () => {
        const [mandatory, advisory] = await judge("dev", withPasskeys("dev", "login.example.com"));
        assert.deepStrictEqual(mandatory, []);
        assert.equal(advisory.length, 1);
        assert.match(advisory[0], /webAuthnConfiguration\.relyingPartyId holds what users registered under it/);
    });

    it("protectedStacks in the config decide which side judges", async () => {
        const [mandatory, advisory] = await judge("dev", withPasskeys("dev", "login.example.com"), { protectedStacks: ["dev"] });
        assert.deepStrictEqual([mandatory.length, advisory.length], [1, 0]);
    });

    it("the baseline records the deployed id from state (webAuthnConfiguration) and from AWS (GetUserPoolMfaConfig)", () => {
        const exported = stateExport("prod");
        const pool = exported.deployment.resources.find((resource: { urn: string }) => resource.urn === poolUrn("prod"));
        pool.outputs.webAuthnConfiguration = { relyingPartyId: deployedId, userVerification: "preferred" };
        assert.equal(baselineFromStateExport(exported).userPools[poolUrn("prod")].relyingPartyId, deployedId);
        const described = { ...describeUserPool("prod").UserPool, MfaConfig: { WebAuthnConfiguration: { RelyingPartyId: deployedId, UserVerification: "preferred" } } };
        const fromAws = baselineFromAws({ stack: "prod", pools: [{ urn: poolUrn("prod"), region: REGION, describeUserPool: described }] });
        assert.equal(fromAws.userPools[poolUrn("prod")].relyingPartyId, deployedId);
    });
});
