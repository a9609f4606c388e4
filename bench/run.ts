import { readStackConfig } from "../offline/stack-files";
import { measureNode, Measurement, repoRoot } from "./measure";

/*
 * npm run bench: each figure is the median of several fresh processes, next to a floor measured in the same
 * run, so the ratio holds on slower or busier machines.
 */

const runs = Number(process.env.BENCH_RUNS ?? 5);

interface Row {
    readonly what: string;
    readonly measured: Measurement;
    readonly floor: Measurement;
    readonly target: number;
}

function row(what: string, measured: Measurement, floor: Measurement, target: number): Row {
    return { what, measured, floor, target };
}

function print(rows: readonly Row[]): boolean {
    const lines = rows.map(({ what, measured, floor, target }) => {
        const ratio = measured.seconds / floor.seconds;
        const verdict = ratio <= target ? "ok" : "SLOW";
        return `| ${what} | ${measured.seconds.toFixed(2)} s | ${measured.megabytes.toFixed(0)} MB | ` +
            `${floor.seconds.toFixed(2)} s | ${ratio.toFixed(2)}x | ${target}x | ${verdict} |`;
    });
    console.log([
        "| what | wall (median) | peak memory | floor | ratio | target | |",
        "|---|---|---|---|---|---|---|",
        ...lines,
    ].join("\n"));
    return rows.every(({ measured, floor, target }) => measured.seconds / floor.seconds <= target);
}

const programFloor = measureNode(
    ["-e", "require('@pulumi/pulumi'); require('@pulumi/aws/cognito'); require('@pulumi/aws/sesv2')"], runs);
console.log(`floor (node requiring @pulumi/pulumi and @pulumi/aws cognito + sesv2): ` +
    `${programFloor.seconds.toFixed(2)} s, ${programFloor.megabytes.toFixed(0)} MB; ${runs} runs each\n`);

const rows = ["dev", "staging", "prod"].map((stack) =>
    row(`program, ${stack} stack, under mocks`, measureNode(["bin/bench/evaluate-stack.js", JSON.stringify(readStackConfig(repoRoot, stack))], runs), programFloor, 1.3));

process.exitCode = print(rows) ? 0 : 1;
