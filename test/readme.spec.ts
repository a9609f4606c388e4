import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { main as baseline } from "../cli/baseline";
import { main as plan } from "../cli/plan";
import { main as promote } from "../cli/promote";
import { capturingIO, ProjectCopy, repoRoot } from "./cli/support/project-copy";

// Every example output in the README is what the command shown beside it prints. Each block after a
// `<!-- example: <name> -->` marker is compared here with that command's output, run on a copy of the project.
// An example may be abridged: a line `...` (after the tree's own drawing, if any) stands for lines left out, and
// `…` in a line for the rest of it.

const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");

function example(name: string): string {
    const match = new RegExp(`<!-- example: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\n`).exec(readme);
    assert.ok(match, `the README has no example ${name}`);
    return match[1];
}

const leftOut = /^[\s│├└─]*\.\.\.$/;

function lineMatcher(line: string): RegExp {
    return new RegExp(`^${line.split("…").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
}

/** Whether the output is the example: its runs of lines in order, each run contiguous, `...` where lines were left out. */
function assertShows(output: string, shown: string): void {
    const outputLines = output.replace(/\n$/, "").split("\n");
    const shownLines = shown.replace(/\n$/, "").split("\n");
    let at = 0;
    let gap = false;
    for (const [index, line] of shownLines.entries()) {
        if (leftOut.test(line)) {
            gap = true;
            continue;
        }
        const matcher = lineMatcher(line);
        const found = gap ? outputLines.findIndex((candidate, position) => position >= at && matcher.test(candidate)) : at;
        assert.ok(found >= 0 && found < outputLines.length && matcher.test(outputLines[found]),
            `README line ${index + 1} of the example, ${JSON.stringify(line)}, is not ${gap ? "in" : "the next line of"} the output:\n${output}`);
        at = found + 1;
        gap = false;
    }
    assert.ok(gap || at === outputLines.length, `the output goes on after the example's last line:\n${outputLines.slice(at).join("\n")}`);
}

async function run(command: typeof plan, project: ProjectCopy, ...argv: string[]) {
    const io = capturingIO(project.dir);
    const code = await command(argv, io);
    return { code, out: io.out(), err: io.err() };
}

/** `npm run baseline -- --stack <stack> --state <export> --out <stack>-baseline.json`, the export being the stack's fixture. */
async function writeBaseline(project: ProjectCopy, stack: string): Promise<string> {
    const file = path.join(project.dir, `${stack}-baseline.json`);
    const state = path.join(repoRoot, "test", "fixtures", "state", `${stack}.json`);
    const { code, err } = await run(baseline, project, "--stack", stack, "--state", state, "--out", file);
    assert.strictEqual(code, 0, err);
    return file;
}

describe("the README's examples", () => {
    let project: ProjectCopy;
    beforeEach(() => { project = new ProjectCopy(); });
    afterEach(() => project.remove());

    it("plan of dev: npm run plan -- --stack dev", async () => {
        const { code, out, err } = await run(plan, project, "--stack", "dev");
        assert.strictEqual(code, 0, err);
        assertShows(out, example("plan dev"));
    });

    it("plan of staging against its baseline, case sensitivity changed: exit 1", async () => {
        const file = await writeBaseline(project, "staging");
        project.override("staging", "signIn", "{with: [username], caseSensitive: true}");
        const { code, out } = await run(plan, project, "--stack", "staging", "--baseline", file);
        assert.strictEqual(code, 1);
        assertShows(out, example("plan staging caseSensitive"));
    });

    it("bad config: every problem, one a line, before any resource: exit 2", async () => {
        project.override("dev", "password", "{minLength: 5}");
        project.edit("dev", "access: 60m", "access: 2m");
        const { code, out, err } = await run(plan, project, "--stack", "dev");
        assert.strictEqual(code, 2);
        assert.strictEqual(out, "");
        assertShows(err, `error: ${example("bad config")}`);
    });

    it("the password override that reached every stack, stated once: npm run promote -- --shared --write", async () => {
        const policy = "{minLength: 12, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 7}";
        for (const stack of ["dev", "staging", "prod"]) {
            project.override(stack, "password", policy);
        }
        const { code, out, err } = await run(promote, project, "--shared", "--write");
        assert.strictEqual(code, 0, err);
        assertShows(out, example("promote shared"));
    });

    it("a refused promotion: case sensitivity changed in dev, staging deployed case-insensitive: exit 1", async () => {
        const file = await writeBaseline(project, "staging");
        project.override("dev", "signIn", "{with: [username], caseSensitive: true}");
        const { code, err } = await run(promote, project, "--from", "dev", "--to", "staging", "--baseline", file, "--write");
        assert.strictEqual(code, 1);
        assertShows(err, example("promote refused"));
    });
});
