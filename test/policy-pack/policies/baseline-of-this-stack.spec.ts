import * as assert from "assert";
import { baselineOfThisStack } from "../../../policy-pack/src/policies";
import { CLIENT_TYPE, stackArgs, stackViolations } from "../support/args";
import { seedBaseline } from "../support/baseline";
import { clientProps } from "../support/fixtures";

describe("policy cognito-baseline-of-this-stack (stack)", () => {
    const client = { type: CLIENT_TYPE, name: "auth-client-web", props: clientProps() };

    it("passes this stack's baseline, and no baseline", async () => {
        assert.deepStrictEqual(await stackViolations(baselineOfThisStack, stackArgs("dev", [client], { baseline: seedBaseline("dev") })), []);
        assert.deepStrictEqual(await stackViolations(baselineOfThisStack, stackArgs("dev", [client])), []);
    });

    it("reports once a baseline captured for another stack", async () => {
        const found = await stackViolations(baselineOfThisStack, stackArgs("prod", [client], { baseline: seedBaseline("dev") }));
        assert.strictEqual(found.length, 1);
        assert.strictEqual(found[0].urn, undefined);
        assert.match(found[0].message, /captured for stack "dev", but this is stack "prod".*npm run baseline -- --stack prod/);
    });

    it("reports a baseline of another project", async () => {
        const other = JSON.parse(JSON.stringify(seedBaseline("dev")).replace(/::cognito-user-pool::/g, "::billing::"));
        const [v] = await stackViolations(baselineOfThisStack, stackArgs("dev", [client], { baseline: other }));
        assert.match(v.message, /resources of project "billing", but this is project "cognito-user-pool"/);
    });
});
