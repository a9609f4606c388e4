import * as assert from "assert";
import { mfaInProtectedStack } from "../../../policy-pack/src/policies";
import { UNKNOWN_STRING, poolArgs, violations } from "../support/args";
import { poolProps } from "../support/fixtures";

describe("policy cognito-mfa-in-protected-stack (advisory)", () => {
    const run = (stack: string, mfaConfiguration: unknown, config: Record<string, unknown> = {}) =>
        violations(mfaInProtectedStack, poolArgs(poolProps(stack, { mfaConfiguration }), { stack, config }));

    it("leaves MFA off alone outside protected stacks", async () => {
        assert.deepStrictEqual(await run("dev", "OFF"), []);
    });

    it("passes OPTIONAL, ON and unknown in prod", async () => {
        assert.deepStrictEqual(await run("prod", "OPTIONAL"), []);
        assert.deepStrictEqual(await run("prod", "ON"), []);
        assert.deepStrictEqual(await run("prod", UNKNOWN_STRING), []);
    });

    it("fails OFF and absent in a protected stack, from the config's list", async () => {
        assert.match((await run("staging", "OFF"))[0], /in protected stack "staging": mfaConfiguration is "OFF"/);
        assert.match((await run("prod", undefined))[0], /mfaConfiguration is absent \(OFF\)/);
        assert.strictEqual((await run("qa", "OFF", { protectedStacks: ["qa"] })).length, 1);
    });
});
