import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { allPolicies } from "../../policy-pack/src/policies";
import { allFixedInputs } from "../../policy-pack/src/fixed-settings";
import { policyReference } from "../../policy-pack/src/policy-reference";

const page = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "policies.md"), "utf8");

describe("docs/policies.md (policy-pack/src/policy-reference)", () => {
    it("is the page the pack writes (run `npm run docs` after changing the table or a policy)", () => {
        assert.equal(page, policyReference(allPolicies));
    });

    it("lists every policy and, under its resource type, every fixed input with its source", () => {
        for (const policy of allPolicies) {
            assert.ok(page.includes(`| \`${policy.name}\` |`), `no row for ${policy.name}`);
        }
        for (const row of allFixedInputs()) {
            const section = page.slice(page.indexOf(`### \`${row.resourceType}\``));
            assert.match(section, new RegExp(`^\\| \`${row.input.replace(/\./g, "\\.")}\` \\|.*${row.sources[0].at.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"));
        }
    });
});
