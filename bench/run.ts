import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readStackConfig, StackConfig } from "../stack-files/reader";
import { measureFirstLine, measureNode, Measurement, repoRoot } from "./measure";
import { everyFeature, hostedSignIn, withKeys } from "./stacks";

/*
 * npm run bench: each figure is the median of several fresh processes, timed in turns with its floor, and judged
 * by its ratio to that floor only: an absolute time would fail on a slower or busier machine.
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
    return maxRatio === undefined || measured.seconds / floor.seconds <= maxRatio;
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
            `${(row.measured.seconds / row.floor.seconds).toFixed(2)}x | ${target} | ${withinTarget(row) ? "ok" : "MISSED"} |`);
    }
}

/** A stack's config with a successor pool that signs in with email, in the cutover phase (README). */
function withSuccessor(stack: StackConfig): StackConfig {
    const successor = { name: "myapp-prod-v2", phase: "cutover", signIn: { with: ["email"] } };
    return { ...stack, config: { ...stack.config, "cognito-user-pool:successor": JSON.stringify(successor) } };
}

async function main(): Promise<boolean> {
    console.log(`npm run bench: median of ${runs} fresh processes per figure`);

    const stacks = ["dev", "staging", "prod"];
    const { result: [programFloor, plan, ...programs], load: programLoad } = await underLoad(() => measureNode([
        { args: ["-e", "require('@pulumi/pulumi'); require('@pulumi/aws/cognito'); require('@pulumi/aws/sesv2')"] },
        { args: ["bin/cli/plan.js", "--stack", "dev"] },
        ...stacks.map((stack) => ({ args: ["bin/bench/evaluate-stack.js", JSON.stringify(readStackConfig(repoRoot, stack))] })),
        { args: ["bin/bench/evaluate-stack.js", JSON.stringify(withSuccessor(readStackConfig(repoRoot, "prod")))] },
        { args: ["bin/bench/evaluate-stack.js", JSON.stringify(withKeys(readStackConfig(repoRoot, "prod"), hostedSignIn, ["identityProviders"]))] },
        // The floor of a stack that needs them: the modules of its triggers' permissions, its log groups and its alias record.
        { args: ["-e", "require('@pulumi/pulumi'); for (const m of ['cognito', 'sesv2', 'lambda', 'cloudwatch', 'route53']) require(`@pulumi/aws/${m}`)"] },
        { args: ["bin/bench/evaluate-stack.js", JSON.stringify(withKeys(readStackConfig(repoRoot, "prod"), everyFeature, ["identityProviders"]))] },
    ], runs));
    const loads = (measured: Measurement) =>
        `loads @pulumi/aws/lambda and /iam: ${measured.reported.lambdaAndIamLoaded ? "yes" : "no"}`;
    const programRows: Row[] = [
        ...stacks.map((stack, index) => ({
            what: `program, ${stack} stack, under mocks (${loads(programs[index])})`,
            measured: programs[index],
            floor: programFloor,
            maxRatio: 1.3,
        })),
        {
            what: `program, prod stack with a successor pool in cutover, under mocks (${loads(programs[stacks.length])})`,
            measured: programs[stacks.length],
            floor: programFloor,
            maxRatio: 1.5,
        },
        {
            what: "program, prod stack with a custom domain (managed login, Route 53 alias), groups, a resource server, Google sign-in, " +
                "a branded web client and a machine client, under mocks",
            measured: programs[stacks.length + 1],
            floor: programFloor,
            maxRatio: 1.3,
        },
        {
            what: "program, the same on plus with passkeys, threat protection, two triggers, refresh token rotation and log delivery, under mocks " +
                "(floor: node requiring the @pulumi/aws modules such a stack needs: cognito, sesv2, lambda, cloudwatch, route53)",
            measured: programs[stacks.length + 3],
            floor: programs[stacks.length + 2],
            maxRatio: 1.3,
        },
    ];
    const planRow: Row = {
        what: "plan, dev stack (node bin/cli/plan.js; npm run adds its own start-up)",
        measured: plan,
        floor: programFloor,
        maxRatio: 1.3,
    };
    print("Program evaluation and plan", "node requiring @pulumi/pulumi, @pulumi/aws/cognito and @pulumi/aws/sesv2", programLoad,
        [...programRows, planRow]);

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
