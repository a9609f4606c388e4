import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compiledSources, staleBuildWarning } from "../../cli/stale-build";
import { repoRoot } from "./support/project-copy";

describe("the stale-build warning (cli/stale-build)", () => {
    let dir: string;
    const compiled = () => path.join(dir, "bin", "index.js");
    const writeAt = (file: string, seconds: number) => {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, "");
        fs.utimesSync(file, seconds, seconds);
    };

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "stale-build-"));
        for (const config of ["tsconfig.json", "tsconfig.build.json", "policy-pack/tsconfig.json"]) {
            fs.mkdirSync(path.dirname(path.join(dir, config)), { recursive: true });
            fs.copyFileSync(path.join(repoRoot, config), path.join(dir, config));
        }
        writeAt(path.join(dir, "index.ts"), 1000);
        writeAt(path.join(dir, "components", "sign-in-backend.ts"), 1000);
        writeAt(compiled(), 2000);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("watches every folder of TypeScript the builds compile for the commands, read from the tsconfig files", () => {
        const watched = compiledSources(repoRoot).map(({ dir }) => dir);
        const folders = fs.readdirSync(repoRoot, { withFileTypes: true })
            .filter((entry) => entry.isDirectory() && !["node_modules", "bin", ".git"].includes(entry.name))
            .filter((entry) => fs.readdirSync(path.join(repoRoot, entry.name), { recursive: true }).some((file) => String(file).endsWith(".ts")))
            .map((entry) => entry.name);
        for (const folder of folders.filter((name) => name !== "test" && name !== "policy-pack")) {
            assert.ok(watched.includes(folder), `${folder}/ is watched`);
        }
        assert.ok(watched.includes("lambda") && watched.includes(path.join("policy-pack", "src")) && watched.includes("."), watched.join(" "));
        assert.ok(!watched.some((folder) => folder.startsWith("test")), "the tests run from their sources");
    });

    it("says nothing when the build is newer than every source", () => {
        assert.equal(staleBuildWarning(dir, compiled()), undefined);
    });

    for (const changed of [["components", "sign-in-backend.ts"], ["config", "catalogue", "user-pool.ts"], ["lambda", "user-migration.ts"],
        ["policy-pack", "src", "index.ts"], ["policy-pack", "index.ts"], ["index.ts"]]) {
        it(`warns when ${changed.join("/")} changed after the build`, () => {
            writeAt(path.join(dir, ...changed), 3000);
            assert.match(staleBuildWarning(dir, compiled()) ?? "", /run `npm run build`/);
        });
    }

    it("says nothing for a changed test, which mocha runs from its source", () => {
        writeAt(path.join(dir, "test", "cli", "plan.spec.ts"), 3000);
        assert.equal(staleBuildWarning(dir, compiled()), undefined);
    });

    it("says nothing for an installed copy without sources", () => {
        fs.rmSync(path.join(dir, "index.ts"));
        assert.equal(staleBuildWarning(dir, compiled()), undefined);
    });
});
