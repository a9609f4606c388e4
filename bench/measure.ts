import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { projectRoot } from "../cli/command";

export interface Measurement {
    /** Median wall time of the runs, in seconds. */
    readonly seconds: number;
    /** Each run's wall time, in seconds, in the order of the turns. */
    readonly runs: readonly number[];
    /** Highest peak resident memory of the runs, in MB. */
    readonly megabytes: number;
    /** Figures the process reported itself, `bench:<name>=<number>` lines on stdout, as medians. */
    readonly reported: Readonly<Record<string, number>>;
}

/** The repository root, also when running from bin/bench. */
export const repoRoot = projectRoot(__dirname);
const reportUsage = path.join(repoRoot, "bench", "report-usage.js");

/** A process to time: `node <args>`, from the repo root unless `cwd` says otherwise. */
export interface NodeProcess {
    readonly args: readonly string[];
    readonly cwd?: string;
    /** Added to this process's environment. Default: none. */
    readonly env?: Readonly<Record<string, string>>;
}

/** One run of one process. */
interface Run {
    readonly seconds: number;
    readonly kilobytes: number;
    readonly reported: readonly (readonly [string, number])[];
}

/**
 * Runs each process `runs` times, taking turns, so that a change in the machine's load (other work starting or
 * ending) falls on a figure and its floor alike. One measurement per process, in order.
 */
async function inTurns(processes: readonly NodeProcess[], runs: number, runOnce: (process: NodeProcess) => Promise<Run> | Run): Promise<Measurement[]> {
    const measured = processes.map((): Run[] => []);
    for (let turn = 0; turn < runs; turn++) {
        for (const [index, process] of processes.entries()) {
            measured[index].push(await runOnce(process));
        }
    }
    return measured.map(summary);
}

/** Times each process to its exit, in fresh processes taking turns; fails on a non-zero exit. */
export function measureNode(processes: readonly NodeProcess[], runs: number): Promise<Measurement[]> {
    return inTurns(processes, runs, ({ args, cwd = repoRoot, env = {} }) => {
        const started = process.hrtime.bigint();
        const child = spawnSync(process.execPath, ["-r", reportUsage, ...args], { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        if (child.status !== 0) {
            throw new Error(`node ${args.join(" ")} exited with ${child.status}:\n${child.stderr}`);
        }
        return {
            seconds,
            kilobytes: Number(/bench:maxRSS=(\d+)/.exec(child.stderr)?.[1] ?? 0),
            reported: [...child.stdout.matchAll(/bench:(\w+)=([\d.]+)/g)].map(([, name, value]) => [name, Number(value)] as const),
        };
    });
}

/**
 * Times each process from spawn to its first line on stdout (a server announcing its port), in fresh processes
 * taking turns; the process is stopped then, and waited for.
 */
export function measureFirstLine(processes: readonly NodeProcess[], runs: number): Promise<Measurement[]> {
    return inTurns(processes, runs, async ({ args, cwd = repoRoot, env = {} }) => {
        const started = process.hrtime.bigint();
        const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk) => stderr += chunk);
        await new Promise<void>((resolve, reject) => {
            child.stdout.once("data", () => resolve());
            child.once("exit", (code) => reject(new Error(`node ${args.join(" ")} exited with ${code} before printing:\n${stderr}`)));
        });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const kilobytes = peakKilobytes(child.pid);
        child.removeAllListeners("exit");
        // Stopped before the next run starts, so that its shutdown does not overlap another run: asked to stop,
        // then killed if it is still closing connections after a second (cognito-local takes seconds to).
        await new Promise((exited) => {
            const killer = setTimeout(() => child.kill("SIGKILL"), 1000);
            child.once("exit", () => exited(clearTimeout(killer)));
            child.kill();
        });
        return { seconds, kilobytes, reported: [] };
    });
}

/** A running process's peak resident memory so far (Linux), in KB; 0 where /proc is not there. */
function peakKilobytes(pid: number | undefined): number {
    try {
        return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
        return 0;
    }
}

/**
 * How many times its floor a measurement took: the median of the ratios of the runs made in the same turn, one
 * right after the other, so that the machine getting busier or quieter between turns cancels out.
 */
export function ratioToFloor(measured: Measurement, floor: Measurement): number {
    return median(measured.runs.map((seconds, turn) => seconds / floor.runs[turn]));
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

function summary(runs: readonly Run[]): Measurement {
    const reported = new Map<string, number[]>();
    for (const [name, value] of runs.flatMap((run) => run.reported)) {
        reported.set(name, [...reported.get(name) ?? [], value]);
    }
    return {
        seconds: median(runs.map((run) => run.seconds)),
        runs: runs.map((run) => run.seconds),
        megabytes: Math.max(...runs.map((run) => run.kilobytes)) / 1024,
        reported: Object.fromEntries([...reported].map(([name, values]) => [name, median(values)])),
    };
}
