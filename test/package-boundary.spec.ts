import * as assert from "assert";
import { builtinModules } from "module";
import * as fs from "fs";
import * as path from "path";
import { importsOf, sourceFiles } from "./support/source-imports";

// The project is two packages: the root (the program and its commands) and the policy pack (policy-pack/, the npm
// workspace cognito-user-pool-policies), which the engine also runs on its own. Each imports only what its
// package.json declares, and the root reaches the pack only through the pack's package entries.

const repoRoot = path.resolve(__dirname, "..");
const packDir = path.join(repoRoot, "policy-pack");

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageOf(specifier: string): string {
    return specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
}

function undeclaredImports(files: readonly string[], packageJson: string): string[] {
    const manifest = JSON.parse(fs.readFileSync(packageJson, "utf8"));
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
    return files.flatMap((file) => importsOf(file)
        .filter((specifier) => !specifier.startsWith(".") && !specifier.startsWith("node:") && !builtinModules.includes(packageOf(specifier)))
        .filter((specifier) => !declared.has(packageOf(specifier)))
        .map((specifier) => `${path.relative(repoRoot, file)}: ${specifier}`));
}

describe("the package boundary between the root and the policy pack", () => {
    const rootFiles = sourceFiles(repoRoot, ["policy-pack"]);
    // The pack's own specs test its modules from the inside.
    const rootFilesOutsidePackTests = rootFiles.filter((file) => !file.startsWith(path.join(repoRoot, "test", "policy-pack") + path.sep));

    it("the root imports the pack by its package name only, never by a path into policy-pack/", () => {
        const intoThePack = rootFilesOutsidePackTests.flatMap((file) => importsOf(file)
            .filter((specifier) => specifier.startsWith(".") && path.resolve(path.dirname(file), specifier).startsWith(packDir + path.sep))
            .map((specifier) => `${path.relative(repoRoot, file)}: ${specifier}`));
        assert.deepStrictEqual(intoThePack, []);
    });

    it("the root declares in package.json every package it imports", () => {
        assert.deepStrictEqual(undeclaredImports(rootFiles, path.join(repoRoot, "package.json")), []);
    });

    it("the pack declares in its package.json every package it imports, and imports nothing from the root", () => {
        const packFiles = sourceFiles(packDir);
        assert.deepStrictEqual(undeclaredImports(packFiles, path.join(packDir, "package.json")), []);
        const outOfThePack = packFiles.flatMap((file) => importsOf(file)
            .filter((specifier) => specifier.startsWith(".") && !path.resolve(path.dirname(file), specifier).startsWith(packDir + path.sep)));
        assert.deepStrictEqual(outOfThePack, []);
    });

    it("the package entry is the pack's library (its policies and baseline readers); the engine's entry stays `main`", () => {
        const pack = require("cognito-user-pool-policies");
        assert.strictEqual(require.resolve("cognito-user-pool-policies"), path.join(packDir, "bin", "src", "index.js"));
        assert.ok(Array.isArray(pack.allPolicies) && pack.allPolicies.length > 0);
        assert.strictEqual(typeof pack.baselineFromStateExport, "function");
        assert.strictEqual(JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")).main, "bin/index.js");
    });

    it("the fixed-settings entry is the pack's fixed-settings readers alone, for the program's catalogue", () => {
        const readers = require("cognito-user-pool-policies/fixed-settings");
        assert.strictEqual(require.resolve("cognito-user-pool-policies/fixed-settings"),
            path.join(packDir, "bin", "src", "fixed-settings", "index.js"));
        assert.strictEqual(typeof readers.poolFromDescribeUserPool, "function");
        assert.strictEqual(readers.allPolicies, undefined);
    });
});
