import * as fs from "fs";
import * as path from "path";

const sourceFolders = ["config", "components", "offline", "promotion", "aws", "cli", "policy-pack/src"];

/**
 * The newest modification time of the .ts files under `dir`. Walked by hand: readdirSync's `recursive` option
 * costs about 10 ms more on Node 20, at every command (npm run bench).
 */
function newestSourceIn(dir: string): number {
    let newest = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            newest = Math.max(newest, newestSourceIn(file));
        } else if (entry.name.endsWith(".ts")) {
            newest = Math.max(newest, fs.statSync(file).mtimeMs);
        }
    }
    return newest;
}

function newestSource(projectDir: string): number {
    const folders = sourceFolders.map((folder) => path.join(projectDir, folder)).filter((dir) => fs.existsSync(dir));
    return Math.max(fs.statSync(path.join(projectDir, "index.ts")).mtimeMs, ...folders.map(newestSourceIn));
}

/**
 * The commands run the compiled program (bin/): a warning when a TypeScript source is newer than the build, so
 * an edit is not silently left out. Nothing when the sources are not there (an installed copy).
 */
export function staleBuildWarning(projectDir: string, compiled: string): string | undefined {
    if (!fs.existsSync(path.join(projectDir, "index.ts")) || !fs.existsSync(compiled)) {
        return undefined;
    }
    return newestSource(projectDir) > fs.statSync(compiled).mtimeMs
        ? "warning: TypeScript sources changed since the last build; run `npm run build` to use them\n"
        : undefined;
}
