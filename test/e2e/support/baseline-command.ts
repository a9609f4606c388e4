import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { PolicyPackConfig } from "../../../offline/run-policies";

/*
 * The baseline command as CI runs it: `npm run baseline -- --stack <s> --state <export.json> --out <file>`,
 * i.e. `node bin/cli/baseline.js ...` from the project directory, in its own process.
 */

export const repoRoot = path.resolve(__dirname, "../../..");
export const baselineScript = path.join(repoRoot, "bin", "cli", "baseline.js");

/** The `pulumi stack export` fixture of one of the repo's stacks. */
export function stateFixture(stack: string): string {
    return path.join(repoRoot, "test", "fixtures", "state", `${stack}.json`);
}

/** Builds bin/ as `npm test` does before mocha, when the compiled baseline command is missing. */
export function ensureBuilt(): void {
    if (fs.existsSync(baselineScript)) {
        return;
    }
    const build = spawnSync("npm", ["run", "build"], { cwd: repoRoot, encoding: "utf8" });
    if (build.status !== 0 || !fs.existsSync(baselineScript)) {
        throw new Error(`npm run build failed (exit ${build.status}):\n${build.stdout}${build.stderr}`);
    }
}

export interface BaselineRun {
    /** The policy-pack config file written (`--policy-pack-config`). */
    readonly file: string;
    /** Its content. */
    readonly config: PolicyPackConfig;
    readonly stdout: string;
}

/**
 * Runs the real baseline command on a state export and returns the config file it wrote. A non-zero exit, or
 * anything on stderr, fails with what the command printed.
 */
export function runBaselineCommand(stack: string, stateFile: string, outFile: string): BaselineRun {
    ensureBuilt();
    const run = spawnSync(process.execPath, [baselineScript, "--stack", stack, "--state", stateFile, "--out", outFile],
        { cwd: repoRoot, encoding: "utf8" });
    if (run.status !== 0 || run.stderr !== "") {
        throw new Error(`baseline --stack ${stack} --state ${stateFile} exited ${run.status}:\n${run.stdout}${run.stderr}`);
    }
    return { file: outFile, config: JSON.parse(fs.readFileSync(outFile, "utf8")) as PolicyPackConfig, stdout: run.stdout };
}
