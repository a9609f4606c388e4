import * as assert from "assert";
import { preventUserExistenceErrors } from "../../../policy-pack/src/policies";
import { UNKNOWN_STRING, clientArgs, violations } from "../support/args";
import { clientProps } from "../support/fixtures";

describe("policy cognito-prevent-user-existence-errors (advisory)", () => {
    const run = (v: unknown) => violations(preventUserExistenceErrors, clientArgs(clientProps({ preventUserExistenceErrors: v })));

    it("passes ENABLED and an unknown value", async () => {
        assert.deepStrictEqual(await run("ENABLED"), []);
        assert.deepStrictEqual(await run(UNKNOWN_STRING), []);
    });

    it("fails LEGACY and absent (the API's default for a new client)", async () => {
        assert.match((await run("LEGACY"))[0], /preventUserExistenceErrors is "LEGACY"/);
        assert.match((await run(undefined))[0], /preventUserExistenceErrors is \(absent\) \(Cognito's API default for a new client: LEGACY\)/);
    });
});
