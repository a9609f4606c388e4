import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { projectRoot } from "../cli/command";

export interface Measurement {
    /** Median wall time of the runs, in seconds. */
    readonly seconds: number;
    /** Highest peak resident memory of the runs, in MB. */
    readonly megabytes: number;
    /** Figures the process reported itself, `bench:<name>=<number>` lines on stdout, as medians. */
    readonly reported: Readonly<Record<string, number>>;
}

/** The repository root, also when running from bin/bench. */
export const repoRoot = projectRoot(__dirname);
const reportUsage = path.join(repoRoot, "bench", "report-usage.js");

/** Runs `node <args>` from the repo root `runs` times, each in a fresh process; fails on a non-zero exit. */
export function measureNode(args: readonly string[], runs: number): Measurement {
    const seconds: number[] = [];
    const reported: Record<string, number[]> = {};
    let kilobytes = 0;
    for (let run = 0; run < runs; run++) {
        const started = process.hrtime.bigint();
        const child = spawnSync(process.execPath, ["-r", reportUsage, ...args], { cwd: repoRoot, encoding: "utf8" });
        seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
        if (child.status !== 0) {
            throw new Error(`node ${args.join(" ")} exited with ${child.status}:\n${child.stderr}`);
        }
        kilobytes = Math.max(kilobytes, Number(/bench:maxRSS=(\d+)/.exec(child.stderr)?.[1] ?? 0));
        for (const [, name, value] of child.stdout.matchAll(/bench:(\w+)=([\d.]+)/g)) {
            (reported[name] ??= []).push(Number(value));
        }
    }
    return summary(seconds, kilobytes, reported);
}

/** A process to time: `node <args>` in `cwd`. */
export interface NodeProcess {
    readonly args: readonly string[];
    readonly cwd: string;
}

/**
 * Spawns each process `runs` times, taking turns so that a change in the machine's load falls on all of them
 * alike, and times each from spawn to its first line on stdout (a server announcing its port); the process is
 * stopped then. One measurement per process, in order.
 */
export async function measureFirstLine(processes: readonly NodeProcess[], runs: number): Promise<Measurement[]> {
    const seconds = processes.map((): number[] => []);
    const kilobytes = processes.map(() => 0);
    for (let run = 0; run < runs; run++) {
        for (const [index, { args, cwd }] of processes.entries()) {
            const started = process.hrtime.bigint();
            const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
            let stderr = "";
            child.stderr.on("data", (chunk) => stderr += chunk);
            await new Promise<void>((resolve, reject) => {
                child.stdout.once("data", () => resolve());
                child.once("exit", (code) => reject(new Error(`node ${args.join(" ")} exited with ${code} before printing:\n${stderr}`)));
            });
            seconds[index].push(Number(process.hrtime.bigint() - started) / 1e9);
            kilobytes[index] = Math.max(kilobytes[index], peakKilobytes(child.pid));
            child.removeAllListeners("exit");
            child.kill();
        }
    }
    return processes.map((_, index) => summary(seconds[index], kilobytes[index]));
}

/** A running process's peak resident memory so far (Linux), in KB; 0 where /proc is not there. */
function peakKilobytes(pid: number | undefined): number {
    try {
        return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
        return 0;
    }
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

function summary(seconds: readonly number[], kilobytes: number, reported: Record<string, number[]> = {}): Measurement {
    return {
        seconds: median(seconds),
        megabytes: kilobytes / 1024,
        reported: Object.fromEntries(Object.entries(reported).map(([name, values]) => [name, median(values)])),
    };
}
