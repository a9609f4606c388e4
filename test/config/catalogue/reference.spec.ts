import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { configurationReference, entriesOf, referenceMarkers, referencePage, stack, withReference } from "../../../config";

const page = fs.readFileSync(path.join(__dirname, "..", "..", "..", referencePage), "utf8");

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

    it("replaces only the text between its markers", () => {
        const text = `before\n${referenceMarkers.begin}\nold\n${referenceMarkers.end}\nafter\n`;
        assert.equal(withReference(text, `${referenceMarkers.begin}\nnew\n${referenceMarkers.end}\n`),
            `before\n${referenceMarkers.begin}\nnew\n${referenceMarkers.end}\nafter\n`);
        assert.equal(withReference("no markers\n", "x"), undefined);
    });
});
