import * as assert from "assert";
import { passwordPolicyStrength } from "../../../policy-pack/src/policies";
import { UNKNOWN_OBJECT, poolArgs, violations } from "../support/args";
import { poolProps } from "../support/fixtures";

describe("policy cognito-password-policy-strength (advisory)", () => {
    const run = (passwordPolicy: unknown) => violations(passwordPolicyStrength, poolArgs(poolProps("dev", { passwordPolicy })));

    it("is advisory", () => assert.strictEqual(passwordPolicyStrength.enforcementLevel, "advisory"));

    it("passes Cognito's default, a stronger policy, no policy (Cognito's default) and an unknown one", async () => {
        assert.deepStrictEqual(await run(poolProps().passwordPolicy), []);
        assert.deepStrictEqual(await run({ ...poolProps().passwordPolicy, minimumLength: 14, temporaryPasswordValidityDays: 3 }), []);
        assert.deepStrictEqual(await run(undefined), []);
        assert.deepStrictEqual(await run(UNKNOWN_OBJECT), []);
    });

    it("reports every shortfall in one message", async () => {
        const [message, ...rest] = await run({ minimumLength: 6, requireLowercase: true, requireUppercase: true, requireNumbers: false });
        assert.deepStrictEqual(rest, []);
        assert.match(message, /password policy is weaker than Cognito's default/);
        assert.match(message, /minimumLength is 6 \(at least 8\)/);
        assert.match(message, /requireNumbers is false: passwords need not contain a number/);
        assert.match(message, /requireSymbols is absent \(off\): passwords need not contain a special character/);
        assert.doesNotMatch(message, /requireLowercase|requireUppercase/);
    });
});
