import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { evaluate, repoRoot, stackConfig } from "./support/program";

/*
 * test/fixtures/registered/<stack>.json: what each of the repo's stacks registered (resources, options and
 * inputs, as JSON) on main before the settings catalogue and the split of the config into shared and
 * per-stack keys (issue 11). Those changes moved where settings are described and written, not what is deployed.
 * Since then one deliberate change: the pool and the SES identity carry the stack's own tag (issue 17,
 * components/deploy-scope.ts).
 */
describe("the repo's stacks register what they registered before the settings catalogue and the config split", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        it(stack, async () => {
            const { resources } = await evaluate(stackConfig(stack));
            const registered = resources.map(({ urn, type, name, parent, protect, retainOnDelete, importId, inputs }) =>
                ({ urn, type, name, parent, protect, retainOnDelete, importId, inputs }));
            const fixture = fs.readFileSync(path.join(repoRoot, "test", "fixtures", "registered", `${stack}.json`), "utf8");
            assert.deepStrictEqual(JSON.parse(JSON.stringify(registered)), JSON.parse(fixture));
        });
    }
});
