import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readStackConfig, StackConfig } from "../stack-files/reader";
import { evaluateStack } from "../offline/evaluate";
import { awsClassOf } from "./aws-class";
import { measureFirstLine, measureNode, Measurement, NodeProcess, ratioToFloor, repoRoot } from "./measure";
import { everyFeature, hostedSignIn, withKeys } from "./stacks";

/*
 * npm run bench: each figure is the median of several fresh processes, timed in turns with its floor, and judged
 * by its ratio to that floor only (the median of each turn's ratio): an absolute time would fail on a slower or
 * busier machine.
 */

const runs = Number(process.env.BENCH_RUNS ?? 9);

interface Row {
    readonly what: string;
    readonly measured: Measurement;
    readonly floor: Measurement;
    /** At most this many times the floor; none: reported, not judged. */
    readonly maxRatio?: number;
}

function withinTarget({ measured, floor, maxRatio }: Row): boolean {
    return maxRatio === undefined || ratioToFloor(measured, floor) <= maxRatio;
}

/** The machine's 1-minute load average when a measurement began and ended: a ratio is only as good as the quiet it had. */
async function underLoad<T>(measure: () => Promise<T>): Promise<{ result: T; load: string }> {
    const before = os.loadavg()[0];
    const result = await measure();
    return { result, load: `load average ${before.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores` };
}

function print(title: string, floorName: string, load: string, rows: readonly Row[]): void {
    const floor = rows[0].floor;
    console.log(`\n${title} (${load})\nfloor: ${floorName}: ${floor.seconds.toFixed(2)} s, ${floor.megabytes.toFixed(0)} MB\n`);
    console.log("| what | wall (median) | peak memory | ratio to floor | target | |\n|---|---|---|---|---|---|");
    for (const row of rows) {
        const target = row.maxRatio === undefined ? "—" : `≤ ${row.maxRatio}x`;
        console.log(`| ${row.what} | ${row.measured.seconds.toFixed(2)} s | ${row.measured.megabytes.toFixed(0)} MB | ` +
            `${ratioToFloor(row.measured, row.floor).toFixed(2)}x | ${target} | ${withinTarget(row) ? "ok" : "MISSED"} |`);
    }
}

/** A stack's config with a successor pool that signs in with email, in the cutover phase (README). */
function withSuccessor(stack: StackConfig): StackConfig {
    const successor = { name: "myapp-prod-v2", phase: "cutover", signIn: { with: ["email"] } };
    return { ...stack, config: { ...stack.config, "cognito-user-pool:successor": JSON.stringify(successor) } };
}

/** A program row: a stack evaluated by the project's program, judged against a hand-written program creating the same resources. */
interface ProgramRow {
    readonly what: string;
    readonly stack: StackConfig;
    readonly maxRatio: number;
}

interface ProgramFloors {
    readonly handWritten: NodeProcess;
    readonly modules: NodeProcess;
}

/**
 * The floors of a stack's program, from the resources its evaluation registers: a hand-written program creating
 * them (./hand-written-program, judged), and node loading the @pulumi/aws classes they are of (reported).
 */
async function floorsOf(stack: StackConfig, resourcesFile: string): Promise<ProgramFloors> {
    const { resources } = await evaluateStack(stack);
    fs.writeFileSync(resourcesFile, JSON.stringify(resources));
    const classes = [...new Set(resources.filter((resource) => resource.custom).map((resource) => resource.type))]
        .map(awsClassOf)
        .map(({ module, className }) => `require('@pulumi/aws/${module}').${className}`);
    return {
        handWritten: { args: ["bin/bench/evaluate-stack.js", JSON.stringify(stack)], env: { BENCH_RESOURCES: resourcesFile } },
        modules: { args: ["-e", ["require('@pulumi/pulumi')", ...classes].join("; ")] },
    };
}

async function main(): Promise<boolean> {
    console.log(`npm run bench: median of ${runs} fresh processes per figure`);

    const prod = readStackConfig(repoRoot, "prod");
    const rows: ProgramRow[] = [
        ...["dev", "staging", "prod"].map((stack) => ({ what: `program, ${stack} stack`, stack: readStackConfig(repoRoot, stack), maxRatio: 1.3 })),
        { what: "program, prod stack with a successor pool in cutover", stack: withSuccessor(prod), maxRatio: 1.5 },
        {
            what: "program, prod stack with a custom domain (managed login, Route 53 alias), groups, a resource server, Google sign-in, " +
                "a branded web client and a machine client",
            stack: withKeys(prod, hostedSignIn, ["identityProviders"]),
            maxRatio: 1.3,
        },
        {
            what: "program, the same on plus with passkeys, threat protection, two triggers, refresh token rotation and log delivery",
            stack: withKeys(prod, everyFeature, ["identityProviders"]),
            maxRatio: 1.3,
        },
    ];
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-resources-"));
    const floors: ProgramFloors[] = [];
    for (const [index, row] of rows.entries()) {
        floors.push(await floorsOf(row.stack, path.join(scratch, `${index}.json`)));
    }
    const programOf = (row: ProgramRow): NodeProcess => ({ args: ["bin/bench/evaluate-stack.js", JSON.stringify(row.stack)] });
    const { result: [planFloor, plan, ...measured], load: programLoad } = await underLoad(() => measureNode([
        floors[0].modules,
        { args: ["bin/cli/plan.js", "--stack", "dev"] },
        ...rows.flatMap((row, index) => [floors[index].modules, floors[index].handWritten, programOf(row)]),
    ], runs));
    fs.rmSync(scratch, { recursive: true, force: true });

    console.log(`\nProgram evaluation, under mocks (${programLoad})\nfloor: a hand-written program creating the same resources with the same ` +
        "inputs under the same mocks (bench/hand-written-program.ts); beside it, node loading the @pulumi/aws classes of those resources\n");
    console.log("| what | wall (median) | peak memory | ratio to the hand-written program | ratio to the classes alone | target | |\n" +
        "|---|---|---|---|---|---|---|");
    const programRows: Row[] = rows.map((row, index) => {
        const [modules, handWritten, program] = measured.slice(3 * index, 3 * index + 3);
        const judged: Row = { what: row.what, measured: program, floor: handWritten, maxRatio: row.maxRatio };
        console.log(`| ${row.what} (loads @pulumi/aws/lambda and /iam: ${program.reported.lambdaAndIamLoaded ? "yes" : "no"}) | ` +
            `${program.seconds.toFixed(2)} s | ${program.megabytes.toFixed(0)} MB | ${ratioToFloor(program, handWritten).toFixed(2)}x ` +
            `(${handWritten.seconds.toFixed(2)} s) | ${ratioToFloor(program, modules).toFixed(2)}x (${modules.seconds.toFixed(2)} s) | ` +
            `≤ ${row.maxRatio}x | ${withinTarget(judged) ? "ok" : "MISSED"} |`);
        return judged;
    });
    const planRow: Row = {
        what: "plan, dev stack (node bin/cli/plan.js; npm run adds its own start-up)",
        measured: plan,
        floor: planFloor,
        maxRatio: 1.3,
    };
    print("Plan", "node loading @pulumi/pulumi and the @pulumi/aws classes of the dev stack's resources", programLoad, [planRow]);

    const runPolicyPack = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
    const packStart = (dir: string) => ({ args: [runPolicyPack, "127.0.0.1:1", dir], cwd: dir });
    const { result: [floorPack, pack], load: packLoad } = await underLoad(() => measureFirstLine(
        [packStart(path.join(repoRoot, "bench", "floor-pack")), packStart(path.join(repoRoot, "policy-pack"))], runs));
    const packRows: Row[] = [{
        what: "policy pack start, as the engine starts it (spawn to port printed)",
        measured: pack,
        floor: floorPack,
        maxRatio: 1.15,
    }];
    print("Policy pack start", "a one-policy pack that checks nothing, under the same runner (it always loads ts-node and TypeScript)",
        packLoad, packRows);

    const cognitoLocalAlone = fs.mkdtempSync(path.join(os.tmpdir(), "bench-cognito-local-"));
    const { result: [cognitoLocal, sandbox, sandboxEvaluating], load: sandboxLoad } = await underLoad(() => measureFirstLine([
        { args: [require.resolve("cognito-local/lib/bin/start.js")], cwd: cognitoLocalAlone, env: { PORT: "0", HOST: "127.0.0.1" } },
        { args: ["bin/bench/sandbox-ready.js"] },
        { args: ["bin/bench/sandbox-ready.js", "--evaluate"] },
    ], runs));
    fs.rmSync(cognitoLocalAlone, { recursive: true, force: true });
    const sandboxRows: Row[] = [{
        what: "npm run sandbox, dev stack, empty data: start to ready (pool created, page served), the program's evaluation reused",
        measured: sandbox,
        floor: cognitoLocal,
        maxRatio: 1.5,
    }, {
        what: "the same, the program evaluated (first start, or the stack's config or the build changed)",
        measured: sandboxEvaluating,
        floor: cognitoLocal,
    }];
    print("Sandbox start", "cognito-local alone, spawn to its first line (running on ...)", sandboxLoad, sandboxRows);

    const { result: [nodeFloor, policies], load: policiesLoad } = await underLoad(() =>
        measureNode([{ args: ["-e", ""] }, { args: ["bin/bench/evaluate-policies.js"] }], runs));
    const policyRows: Row[] = [{
        what: `policies over a 1,000-resource stack, whole process (the policies alone: ${policies.reported.policiesMs} ms)`,
        measured: policies,
        floor: nodeFloor,
    }];
    print("Policy evaluation", "node start", policiesLoad, policyRows);

    return [...programRows, planRow, ...packRows, ...sandboxRows, ...policyRows].every(withinTarget);
}

main().then((met) => {
    process.exitCode = met ? 0 : 1;
}, (error) => {
    console.error(error);
    process.exitCode = 2;
});
