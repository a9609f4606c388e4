import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { editFileLocked, FileWriteError, writeFileLocked } from "../../cli/atomic-write";

async function refusal(write: Promise<unknown>, pattern: RegExp): Promise<void> {
    await assert.rejects(write, (error: Error) => error instanceof FileWriteError && pattern.test(error.message));
}

describe("file writes (cli/atomic-write)", () => {
    let dir: string;
    let file: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "atomic-write-"));
        file = path.join(dir, "Pulumi.prod.yaml");
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("replaces the contents, keeps the file's mode and leaves no temporary file or lock", async () => {
        fs.writeFileSync(file, "old\n", { mode: 0o640 });
        await writeFileLocked(file, "new\n");
        assert.strictEqual(fs.readFileSync(file, "utf8"), "new\n");
        assert.strictEqual(fs.statSync(file).mode & 0o777, 0o640);
        assert.deepStrictEqual(fs.readdirSync(dir), ["Pulumi.prod.yaml"]);
    });

    it("gives each read-edit-write its turn: concurrent edits of one file lose no update", async () => {
        fs.writeFileSync(file, "");
        const appendLine = (line: string) => editFileLocked(file, async (locked) => {
            await new Promise((resolve) => setTimeout(resolve, 5));   // the others run meanwhile
            locked.write(`${locked.text}${line}\n`);
        });
        const lines = Array.from({ length: 12 }, (_, index) => `edit ${index}`);
        await Promise.all(lines.map(appendLine));
        assert.deepStrictEqual(fs.readFileSync(file, "utf8").split("\n").filter(Boolean).sort(), [...lines].sort());
    });

    it("takes over a lock its holder left behind (not refreshed for 10 s)", async () => {
        fs.writeFileSync(file, "old\n");
        fs.mkdirSync(`${file}.lock`);
        const longAgo = new Date(Date.now() - 60_000);
        fs.utimesSync(`${file}.lock`, longAgo, longAgo);
        await writeFileLocked(file, "new\n");
        assert.strictEqual(fs.readFileSync(file, "utf8"), "new\n");
    });

    it("writes a symbolic link through to its target, which it keeps a link", async () => {
        const real = path.join(dir, "shared", "Pulumi.prod.yaml");
        fs.mkdirSync(path.dirname(real));
        fs.writeFileSync(real, "old\n");
        fs.symlinkSync(real, file);
        await writeFileLocked(file, "new\n");
        assert.ok(fs.lstatSync(file).isSymbolicLink());
        assert.strictEqual(fs.readFileSync(real, "utf8"), "new\n");
        assert.deepStrictEqual(fs.readdirSync(path.dirname(real)), ["Pulumi.prod.yaml"]);
    });

    it("refuses a link to nothing, a read-only file and a directory, leaving them as they were", async () => {
        fs.symlinkSync(path.join(dir, "missing.yaml"), file);
        await refusal(writeFileLocked(file, "new\n"), /Pulumi\.prod\.yaml is a symbolic link to .*missing\.yaml, which does not exist/);
        assert.ok(fs.lstatSync(file).isSymbolicLink());

        const readOnly = path.join(dir, "Pulumi.staging.yaml");
        fs.writeFileSync(readOnly, "old\n", { mode: 0o444 });
        await refusal(writeFileLocked(readOnly, "new\n"), /Pulumi\.staging\.yaml is read-only \(mode 444\): make it writable/);
        assert.strictEqual(fs.readFileSync(readOnly, "utf8"), "old\n");

        const directory = path.join(dir, "Pulumi.dev.yaml");
        fs.mkdirSync(directory);
        await refusal(writeFileLocked(directory, "new\n"), /cannot write .*Pulumi\.dev\.yaml: it is not a regular file/);
    });

    it("reports a file system error with the path and the cause, as a FileWriteError (exit code 2)", async () => {
        await refusal(writeFileLocked(path.join(dir, "no-such-dir", "baseline.json"), "{}\n"),
            /cannot write .*no-such-dir\/baseline\.json: no such file or directory \(ENOENT\)/);
        fs.writeFileSync(path.join(dir, "a-file"), "");
        await refusal(writeFileLocked(path.join(dir, "a-file", "baseline.json"), "{}\n"),
            /a-file\/baseline\.json: a part of the path is not a directory \(ENOTDIR\)/);
    });
});
