import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { RegisteredResource, StackEvaluation } from "../offline/evaluate";
import type { StackConfig } from "../stack-files/reader";

/** What the sandbox needs of an evaluation: what was registered and exported, as JSON (assets as their file paths). */
export interface SavedEvaluation {
    readonly resources: readonly RegisteredResource[];
    readonly outputs: Record<string, unknown>;
}

/** What the program's evaluation depends on besides the stack's config: its build, the pack's, the lock file. */
const buildParts = ["bin/index.js", "bin/components", "bin/config", "bin/lambda", "bin/offline", "policy-pack/bin", "package-lock.json"];

function newestIn(file: string): number {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat === undefined) {
        return 0;
    }
    if (!stat.isDirectory()) {
        return stat.mtimeMs;
    }
    return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((entry) => newestIn(path.join(file, entry))));
}

function cacheKey(projectDir: string, stack: StackConfig): string {
    const build = buildParts.map((part) => newestIn(path.join(projectDir, part)));
    return createHash("sha256").update(JSON.stringify({ stack, build })).digest("hex");
}

/** A function's code archive as plain data: each file's path (loadHandler reads `assets[file].path`). */
async function savedInputs(resource: RegisteredResource): Promise<RegisteredResource> {
    const assets = await resource.inputs.code?.assets as Record<string, { path: Promise<string> | string }> | undefined;
    if (assets === undefined) {
        return resource;
    }
    const files = await Promise.all(Object.entries(assets).map(async ([file, asset]) => [file, { path: await asset.path }]));
    return { ...resource, inputs: { ...resource.inputs, code: { assets: Object.fromEntries(files) } } };
}

/**
 * The stack's evaluation from `.sandbox/.evaluations/<stack>.json` when the stack's config and the program's build
 * are what they were when it was saved, else from `evaluate` (saved for the next start). Used by the compiled
 * commands only: the program evaluated is bin/index.js, whose build the key covers.
 */
export async function cachedEvaluation(projectDir: string, stack: StackConfig, evaluate: () => Promise<StackEvaluation>): Promise<SavedEvaluation> {
    const file = path.join(projectDir, ".sandbox", ".evaluations", `${stack.stack}.json`);
    const key = cacheKey(projectDir, stack);
    try {
        const saved = JSON.parse(fs.readFileSync(file, "utf8"));
        if (saved.key === key) {
            return saved.evaluation;
        }
    } catch {
        // none saved, or unreadable: evaluated afresh
    }
    const evaluation = await evaluate();
    // As JSON from the start, so that a start that evaluates and one that reuses get the same.
    const saved: SavedEvaluation = JSON.parse(JSON.stringify({
        resources: await Promise.all(evaluation.resources.map(savedInputs)),
        outputs: evaluation.outputs,
    }));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ key, evaluation: saved }));
    return saved;
}
