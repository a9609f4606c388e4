import * as assert from "assert";
import { tokenRevocation } from "../../../policy-pack/src/policies";
import { clientArgs, violations } from "../support/args";
import { clientProps } from "../support/fixtures";

describe("policy cognito-token-revocation (advisory)", () => {
    const run = (v: unknown) => violations(tokenRevocation, clientArgs(clientProps({ enableTokenRevocation: v })));

    it("passes true and absent (Cognito's default for a new client is on)", async () => {
        assert.deepStrictEqual(await run(true), []);
        assert.deepStrictEqual(await run(undefined), []);
    });

    it("fails false", async () => {
        assert.match((await run(false))[0], /enableTokenRevocation is false[\s\S]*refresh token stays valid after sign-out/);
    });
});
