import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeFileAtomically } from "../../cli/atomic-write";

describe("writeFileAtomically", () => {
    let dir: string;
    beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "atomic-write-")); });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("replaces the contents, keeps the file's mode and leaves no temporary file", () => {
        const file = path.join(dir, "Pulumi.prod.yaml");
        fs.writeFileSync(file, "old\n", { mode: 0o640 });
        writeFileAtomically(file, "new\n");
        assert.strictEqual(fs.readFileSync(file, "utf8"), "new\n");
        assert.strictEqual(fs.statSync(file).mode & 0o777, 0o640);
        assert.deepStrictEqual(fs.readdirSync(dir), ["Pulumi.prod.yaml"]);
    });

    it("leaves what was there, and no temporary file, when the rename fails", () => {
        const target = path.join(dir, "Pulumi.prod.yaml");
        fs.mkdirSync(target);
        fs.writeFileSync(path.join(target, "inside"), "kept");
        assert.throws(() => writeFileAtomically(target, "new\n"));
        assert.deepStrictEqual(fs.readdirSync(dir), ["Pulumi.prod.yaml"]);
        assert.strictEqual(fs.readFileSync(path.join(target, "inside"), "utf8"), "kept");
    });
});
