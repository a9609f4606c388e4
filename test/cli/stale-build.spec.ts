import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { staleBuildWarning } from "../../cli/stale-build";

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
        writeAt(path.join(dir, "index.ts"), 1000);
        writeAt(path.join(dir, "components", "user-pool-args.ts"), 1000);
        writeAt(compiled(), 2000);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("says nothing when the build is newer than every source", () => {
        assert.equal(staleBuildWarning(dir, compiled()), undefined);
    });

    it("warns when a source in a program folder changed after the build", () => {
        writeAt(path.join(dir, "components", "user-pool-args.ts"), 3000);
        assert.match(staleBuildWarning(dir, compiled()) ?? "", /run `npm run build`/);
    });

    it("warns when a source deeper in a program folder changed after the build", () => {
        writeAt(path.join(dir, "config", "catalogue", "user-pool.ts"), 3000);
        assert.match(staleBuildWarning(dir, compiled()) ?? "", /run `npm run build`/);
    });

    it("says nothing for an installed copy without sources", () => {
        fs.rmSync(path.join(dir, "index.ts"));
        assert.equal(staleBuildWarning(dir, compiled()), undefined);
    });
});
