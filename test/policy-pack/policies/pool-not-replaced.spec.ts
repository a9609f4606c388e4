import * as assert from "assert";
import { poolNameUnchanged, poolNotRemoved } from "../../../policy-pack/src/policies";
import { CLIENT_TYPE, POOL_TYPE, UNKNOWN_STRING, poolArgs, poolUrn, stackArgs, stackViolations, violations } from "../support/args";
import { seedBaseline, withBaseline } from "../support/baseline";
import { clientProps, poolProps } from "../support/fixtures";

describe("policy cognito-pool-name-unchanged", () => {
    const run = (props: Record<string, unknown>) => violations(poolNameUnchanged, poolArgs(props, withBaseline()));

    it("passes the deployed name, a name left to auto-naming, and an unknown one", async () => {
        assert.deepStrictEqual(await run(poolProps()), []);
        assert.deepStrictEqual(await run(poolProps("dev", { name: undefined })), []);
        assert.deepStrictEqual(await run(poolProps("dev", { name: UNKNOWN_STRING })), []);
    });

    it("fails a new name: the provider replaces the pool", async () => {
        const [message] = await run(poolProps("dev", { name: "myapp-dev-2" }));
        assert.match(message, /name is fixed at creation[\s\S]*deployed: "myapp-dev"[\s\S]*new: +"myapp-dev-2"[\s\S]*replace the pool: a new, empty pool/);
    });
});

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

    it("passes without a baseline, and refuses another stack's baseline", async () => {
        assert.deepStrictEqual(await stackViolations(poolNotRemoved, stackArgs("dev", [client])), []);
        const [v] = await stackViolations(poolNotRemoved, stackArgs("prod", [client], { baseline: seedBaseline("dev") }));
        assert.strictEqual(v.urn, undefined);
        assert.match(v.message, /captured for stack "dev", but this is stack "prod"/);
    });
});
