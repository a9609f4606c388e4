import * as fs from "fs";
import * as path from "path";

const sourceFolders = ["config", "components", "offline", "promotion", "aws", "cli", "policy-pack/src"];

function newestSource(projectDir: string): number {
    let newest = fs.statSync(path.join(projectDir, "index.ts")).mtimeMs;
    for (const folder of sourceFolders) {
        const dir = path.join(projectDir, folder);
        if (!fs.existsSync(dir)) {
            continue;
        }
        for (const file of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
            if (file.endsWith(".ts")) {
                newest = Math.max(newest, fs.statSync(path.join(dir, file)).mtimeMs);
            }
        }
    }
    return newest;
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
