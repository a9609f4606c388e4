import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "./support/project-copy";

// The npm scripts run `node cli/launch.js <command>`: plain JavaScript that runs before any build.
describe("cli/launch.js, the npm scripts' entry", () => {
    let dir: string;
    const launch = (...argv: string[]) =>
        spawnSync(process.execPath, [path.join(dir, "cli", "launch.js"), ...argv], { cwd: dir, encoding: "utf8" });

    beforeEach(() => {
        // A clone after `npm ci --ignore-scripts`: sources, no bin/.
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "unbuilt-"));
        fs.mkdirSync(path.join(dir, "cli"));
        fs.copyFileSync(path.join(repoRoot, "cli", "launch.js"), path.join(dir, "cli", "launch.js"));
        fs.copyFileSync(path.join(repoRoot, "cli", "plan.ts"), path.join(dir, "cli", "plan.ts"));
        fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(dir, "package.json"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("before a build, says to run `npm run build`: exit 2, not node's module-not-found trace", () => {
        const run = launch("plan", "--stack", "dev");
        assert.strictEqual(run.status, 2);
        assert.strictEqual(run.stderr, "error: the commands run the compiled program, and bin/cli/plan.js and " +
            "policy-pack/bin/index.js are not there: run `npm run build` first (`npm ci` runs it, unless scripts are ignored)\n");
        assert.strictEqual(run.stdout, "");
    });

    it("refuses an unknown command, or none, with the list of commands (the npm scripts that launch one): exit 2", () => {
        const commands = "baseline, plan, promote, adopt, migration, sandbox, docs, preview, up";
        for (const [argv, what] of [[["nope", "--stack", "dev"], 'unknown command "nope"'], [[], "no command given"]] as const) {
            const run = launch(...argv);
            assert.strictEqual(run.status, 2);
            assert.strictEqual(run.stderr, `error: ${what}; the commands: ${commands} (npm run <command> -- --help says what each takes)\n`);
            assert.strictEqual(run.stdout, "");
        }
    });

    it("names a command of package.json that is not in cli/ as a bug: exit 3", () => {
        const run = launch("promote");
        assert.strictEqual(run.status, 3);
        assert.match(run.stderr, /^internal error: no command "promote" in cli\/\n$/);
    });
});
