import { spawnSync } from "child_process";
import * as path from "path";

export interface Measurement {
    /** Median wall time of the runs, in seconds. */
    readonly seconds: number;
    /** Highest peak resident memory of the runs, in MB. */
    readonly megabytes: number;
}

/** The repository root, also when running from bin/bench. */
export const repoRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}bin${path.sep}`) ? "../.." : "..");
const reportUsage = path.join(repoRoot, "bench", "report-usage.js");

/** Runs `node <args>` from the repo root `runs` times, each in a fresh process; fails on a non-zero exit. */
export function measureNode(args: readonly string[], runs: number): Measurement {
    const seconds: number[] = [];
    let kilobytes = 0;
    for (let run = 0; run < runs; run++) {
        const started = process.hrtime.bigint();
        const child = spawnSync(process.execPath, ["-r", reportUsage, ...args], { cwd: repoRoot, encoding: "utf8" });
        seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
        if (child.status !== 0) {
            throw new Error(`node ${args.join(" ")} exited with ${child.status}:\n${child.stderr}`);
        }
        const reported = /bench:maxRSS=(\d+)/.exec(child.stderr);
        kilobytes = Math.max(kilobytes, Number(reported?.[1] ?? 0));
    }
    seconds.sort((a, b) => a - b);
    return { seconds: seconds[Math.floor(seconds.length / 2)], megabytes: kilobytes / 1024 };
}
