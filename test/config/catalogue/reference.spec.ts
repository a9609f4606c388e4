import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { configurationReference, entriesOf, readBackFrom, referenceMarkers, referencePage, stack, withReference } from "../../../config";

const projectDir = path.join(__dirname, "..", "..", "..");
const page = fs.readFileSync(path.join(projectDir, referencePage), "utf8");

describe(`the configuration reference in ${referencePage} (config/catalogue/reference)`, () => {
    it("is the one the catalogue writes (run `npm run docs` after changing the catalogue)", () => {
        assert.equal(withReference(page, configurationReference()), page);
    });

    it("has a row for every setting of the catalogue", () => {
        const reference = configurationReference();
        for (const { key } of entriesOf(stack)) {
            assert.ok(reference.includes(`| \`${key}\` |`), `no row for ${key}`);
        }
    });

    it("opens with every resource a setting is read back from, naming the calls adopt's reader sends", () => {
        const reference = configurationReference();
        const readPool = fs.readFileSync(path.join(projectDir, "aws", "read-pool.ts"), "utf8");
        for (const { key, resourceType, setting } of entriesOf(stack)) {
            if (setting.describe === undefined) continue;
            const [pkg, module, name] = resourceType!.split(":");
            assert.match(reference, new RegExp(`^- \`${pkg}\\.${module.split("/")[0]}\\.${name}\`: `, "m"), key);
        }
        for (const source of Object.values(readBackFrom)) {
            assert.ok(reference.includes(source), source);
            for (const action of source.match(/\b(Describe|Get|List)[A-Z]\w+/g) ?? []) {
                assert.match(readPool, new RegExp(`\\b(${action}Command|paginate${action}|"${action}")\\b`), action);
            }
        }
    });

    it("replaces only the text between its markers", () => {
        const text = `before\n${referenceMarkers.begin}\nold\n${referenceMarkers.end}\nafter\n`;
        assert.equal(withReference(text, `${referenceMarkers.begin}\nnew\n${referenceMarkers.end}\n`),
            `before\n${referenceMarkers.begin}\nnew\n${referenceMarkers.end}\nafter\n`);
        assert.equal(withReference("no markers\n", "x"), undefined);
    });
});
