import * as assert from "assert";
import { poolNotRemoved } from "../../../policy-pack/src/policies";
import { CLIENT_TYPE, POOL_TYPE, poolUrn, stackArgs, stackViolations } from "../support/args";
import { seedBaseline } from "../support/baseline";
import { clientProps, poolProps } from "../support/fixtures";

describe("policy cognito-pool-not-removed (stack)", () => {
    const client = { type: CLIENT_TYPE, name: "auth-client-web", props: clientProps() };

    it("passes while the deployed pool is in the stack", async () => {
        const args = stackArgs("dev", [{ type: POOL_TYPE, name: "auth-pool", props: poolProps() }, client], { baseline: seedBaseline() });
        assert.deepStrictEqual(await stackViolations(poolNotRemoved, args), []);
    });

    it("passes a renamed pool that aliases the deployed URN", async () => {
        const args = stackArgs("dev", [{ type: POOL_TYPE, name: "users", props: poolProps(), opts: { aliases: [poolUrn()] } }], {
            baseline: seedBaseline(),
        });
        assert.deepStrictEqual(await stackViolations(poolNotRemoved, args), []);
    });

    it("fails when the deployed pool is gone, or renamed without an alias", async () => {
        for (const resources of [[client], [{ type: POOL_TYPE, name: "users", props: poolProps() }, client]]) {
            const [v, ...rest] = await stackViolations(poolNotRemoved, stackArgs("dev", resources, { baseline: seedBaseline() }));
            assert.deepStrictEqual(rest, []);
            assert.ok(v.message.includes(`UserPool "auth-pool" (${poolUrn()}) is deployed`), v.message);
            assert.match(v.message, /Pulumi would delete the deployed pool with every user in it/);
            assert.ok(v.message.includes(`aliases: ["${poolUrn()}"]`));
        }
    });

    it("compares nothing without a baseline, or with another stack's (cognito-baseline-of-this-stack says so once)", async () => {
        assert.deepStrictEqual(await stackViolations(poolNotRemoved, stackArgs("dev", [client])), []);
        assert.deepStrictEqual(await stackViolations(poolNotRemoved, stackArgs("prod", [client], { baseline: seedBaseline("dev") })), []);
    });
});
