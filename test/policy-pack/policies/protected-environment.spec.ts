import * as assert from "assert";
import { protectedEnvironment } from "../../../policy-pack/src/policies";
import { UNKNOWN_STRING, poolArgs, violations } from "../support/args";
import { poolProps } from "../support/fixtures";

describe("policy cognito-protected-environment", () => {
    const run = (stack: string, props: Record<string, unknown>, protect: boolean, config: Record<string, unknown> = {}) =>
        violations(protectedEnvironment, poolArgs(props, { stack, opts: { protect }, config }));

    it("passes a protected, deletion-protected pool in prod and staging", async () => {
        assert.deepStrictEqual(await run("prod", poolProps("prod"), true), []);
        assert.deepStrictEqual(await run("staging", poolProps("staging"), true), []);
    });

    it("leaves stacks that are not protected alone", async () => {
        assert.deepStrictEqual(await run("dev", poolProps("dev", { deletionProtection: "INACTIVE" }), false), []);
    });

    it("fails a pool without Pulumi's protect in prod", async () => {
        const [message] = await run("prod", poolProps("prod"), false);
        assert.match(message, /in protected stack "prod": Pulumi's protect option is off/);
    });

    it("fails deletionProtection INACTIVE or absent", async () => {
        const [inactive] = await run("prod", poolProps("prod", { deletionProtection: "INACTIVE" }), true);
        assert.match(inactive, /deletionProtection is "INACTIVE", not "ACTIVE"/);
        const [absent] = await run("prod", poolProps("prod", { deletionProtection: undefined }), true);
        assert.match(absent, /deletionProtection is \(absent\) \(Cognito's default: INACTIVE\)/);
        assert.deepStrictEqual(await run("prod", poolProps("prod", { deletionProtection: UNKNOWN_STRING }), true), []);
    });

    it("takes the protected stacks from its config", async () => {
        assert.strictEqual((await run("qa", poolProps("qa"), false, { protectedStacks: ["qa"] })).length, 1);
        assert.deepStrictEqual(await run("prod", poolProps("prod"), false, { protectedStacks: ["qa"] }), []);
        await assert.rejects(run("prod", poolProps("prod"), true, { protectedStacks: "prod" }), /policy config "cognito-protected-environment"\.protectedStacks: expected a list of non-empty strings/);
    });
});
