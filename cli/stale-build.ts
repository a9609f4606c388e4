import * as fs from "fs";
import * as path from "path";

/** The builds of `npm run build`: the pack's, then the root's. */
const buildConfigs = ["policy-pack/tsconfig.json", "tsconfig.build.json"];

/**
 * A build config's `include` (or the one it extends), as paths relative to the project. Read as JSON: the
 * project's tsconfig files hold no comments (test/cli/stale-build.spec.ts reads them the same way).
 */
function includedPatterns(projectDir: string, config: string): string[] {
    const file = path.join(projectDir, config);
    const { include, extends: base } = JSON.parse(fs.readFileSync(file, "utf8")) as { include?: string[]; extends?: string };
    if (include === undefined) {
        return base === undefined ? [] : includedPatterns(projectDir, path.relative(projectDir, path.resolve(path.dirname(file), base)));
    }
    return include.map((pattern) => path.join(path.dirname(config), pattern));
}

/**
 * Where the sources of what the commands run compiled are: the folders the builds include (`config/**\/*.ts`) and
 * the files at a folder's top (`*.ts`), except the tests, which mocha runs from their sources.
 */
export function compiledSources(projectDir: string): { readonly dir: string; readonly deep: boolean }[] {
    return buildConfigs.flatMap((config) => includedPatterns(projectDir, config))
        .map((pattern) => ({ dir: path.dirname(pattern.replace(/\*\*\/.*$/, "x")), deep: pattern.includes("**") }))
        .filter(({ dir }) => dir.split(path.sep)[0] !== "test");
}

/**
 * The newest modification time of the .ts files in `dir` (and below it when `deep`). Walked by hand: readdirSync's
 * `recursive` option costs about 10 ms more on Node 20, at every command (npm run bench).
 */
function newestSourceIn(dir: string, deep: boolean): number {
    let newest = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory() && deep) {
            newest = Math.max(newest, newestSourceIn(file, deep));
        } else if (entry.isFile() && entry.name.endsWith(".ts")) {
            newest = Math.max(newest, fs.statSync(file).mtimeMs);
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
    const newest = Math.max(0, ...compiledSources(projectDir)
        .filter(({ dir }) => fs.existsSync(path.join(projectDir, dir)))
        .map(({ dir, deep }) => newestSourceIn(path.join(projectDir, dir), deep)));
    return newest > fs.statSync(compiled).mtimeMs
        ? "warning: TypeScript sources changed since the last build; run `npm run build` to use them\n"
        : undefined;
}
