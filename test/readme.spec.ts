import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { main as baseline } from "../cli/baseline";
import { main as plan } from "../cli/plan";
import { main as promote } from "../cli/promote";
import { capturingIO, ProjectCopy, repoRoot } from "./cli/support/project-copy";
import { docBlock, docExample, documentation, exampleMarkers } from "./support/docs";

// Every example output in README.md and docs/ is what the command shown beside it prints. Each block after a
// `<!-- example: <name> -->` marker is compared here with that command's output, run on a copy of the project
// (the promotion listings in test/cli/promote.spec.ts). An example may be abridged: a line `...` (after the tree's
// own drawing, if any) stands for lines left out, and `…` in a line for the rest of it. Every relative link of the
// documentation reaches its file, and its heading; the README's abridged stack files are lines of the real ones.

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
            `line ${index + 1} of the example, ${JSON.stringify(line)}, is not ${gap ? "in" : "the next line of"} the output:\n${output}`);
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

/** Writes staging's baseline and makes `stack`'s user names case sensitive, a change the pack refuses; gives the baseline file. */
async function caseSensitiveAgainstStaging(project: ProjectCopy, stack: string): Promise<string> {
    const file = await writeBaseline(project, "staging");
    project.override(stack, "signIn", "{with: [username], caseSensitive: true}");
    return file;
}

/** Dev's stack file with its `clients` replaced by the end of a stack file the documentation shows (groups, scopes, a machine client). */
function devEndingWith(project: ProjectCopy, marker: string): void {
    const dev = project.read("dev");
    project.write("Pulumi.dev.yaml", dev.slice(0, dev.indexOf("  cognito-user-pool:clients:")) + docBlock(marker));
}

/** An example, the command whose output it shows, and how that command is run on a copy of the project. */
interface Example {
    readonly name: string;
    readonly shows: string;
    readonly command: typeof plan;
    /** Changes the copy of the project as the example says, and gives the command's arguments. */
    readonly arrange: (project: ProjectCopy) => Promise<string[]>;
    readonly exitCode: number;
    /** Where the example is printed; on stderr, the example leaves out the `error: ` before a message. */
    readonly on: "stdout" | "stderr";
}

/** `npm run plan -- --stack dev` with the end of dev's stack file replaced by a page's `<!-- stack file: <name> -->` block. */
function planOfStackFile(name: string, what: string): Example {
    return {
        name: `plan ${name}`,
        shows: `npm run plan -- --stack dev, with ${what}`,
        command: plan,
        arrange: async (project) => {
            devEndingWith(project, `<!-- stack file: ${name} -->`);
            return ["--stack", "dev"];
        },
        exitCode: 0,
        on: "stdout",
    };
}

const examples: readonly Example[] = [
    {
        name: "plan dev",
        shows: "npm run plan -- --stack dev",
        command: plan,
        arrange: async () => ["--stack", "dev"],
        exitCode: 0,
        on: "stdout",
    },
    {
        name: "plan staging caseSensitive",
        shows: "plan of staging against its baseline, case sensitivity changed: exit 1",
        command: plan,
        arrange: async (project) => ["--stack", "staging", "--baseline", await caseSensitiveAgainstStaging(project, "staging")],
        exitCode: 1,
        on: "stdout",
    },
    planOfStackFile("groups and scopes", "the groups, the resource server and the machine client the page shows"),
    planOfStackFile("domain", "the custom domain, its alias record and the client the page shows"),
    planOfStackFile("triggers", "the user's own triggers and their invoke permissions"),
    planOfStackFile("tokens and logs", "the rotating client and the log delivery the page shows"),
    planOfStackFile("passkeys", "passkeys on the custom domain and the client the page shows"),
    planOfStackFile("threat protection", "the threat protection the page shows"),
    planOfStackFile("branding", "the managed login domain and the clients' branding styles the page shows"),
    planOfStackFile("identity providers", "the Google and OIDC providers and the client the page shows"),
    {
        name: "bad config",
        shows: "every problem, one a line, before any resource: exit 2",
        command: plan,
        arrange: async (project) => {
            project.override("dev", "password", "{minLength: 5}");
            project.edit("dev", "access: 60m", "access: 2m");
            return ["--stack", "dev"];
        },
        exitCode: 2,
        on: "stderr",
    },
    {
        name: "promote shared",
        shows: "the password override that reached every stack, stated once: npm run promote -- --shared --write",
        command: promote,
        arrange: async (project) => {
            const policy = "{minLength: 12, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 7}";
            for (const stack of ["dev", "staging", "prod"]) {
                project.override(stack, "password", policy);
            }
            return ["--shared", "--write"];
        },
        exitCode: 0,
        on: "stdout",
    },
    {
        name: "promote refused",
        shows: "case sensitivity changed in dev, staging deployed case-insensitive: exit 1",
        command: promote,
        arrange: async (project) => ["--from", "dev", "--to", "staging", "--baseline", await caseSensitiveAgainstStaging(project, "dev"), "--write"],
        exitCode: 1,
        on: "stderr",
    },
];

/** The examples test/cli/promote.spec.ts compares whole with the output of `npm run promote`. */
const examplesOfThePromoteSpec = ["promote dev to staging", "promote weaker"];

describe("the examples in README.md and docs/", () => {
    let project: ProjectCopy;
    beforeEach(() => { project = new ProjectCopy(); });
    afterEach(() => project.remove());

    for (const { name, shows, command, arrange, exitCode, on } of examples) {
        it(`${name}: ${shows}`, async () => {
            const { code, out, err } = await run(command, project, ...await arrange(project));
            assert.strictEqual(code, exitCode, err);
            assertShows(on === "stdout" ? out : err.replace(/^error: /, ""), docExample(name));
        });
    }

    it("are each run by a spec: this one, or test/cli/promote.spec.ts", () => {
        const promoteSpec = fs.readFileSync(path.join(repoRoot, "test", "cli", "promote.spec.ts"), "utf8");
        for (const name of examplesOfThePromoteSpec) {
            assert.ok(promoteSpec.includes(`docExample(${JSON.stringify(name)})`), `test/cli/promote.spec.ts no longer compares the example ${name}`);
        }
        const compared = new Set([...examples.map(({ name }) => name), ...examplesOfThePromoteSpec]);
        const markers = exampleMarkers();
        assert.deepStrictEqual(markers.filter(({ name }) => !compared.has(name)), [], "examples no spec runs");
        assert.deepStrictEqual([...compared].filter((name) => !markers.some((marker) => marker.name === name)), [], "examples the documentation no longer has");
    });
});

describe("the stack files the README shows", () => {
    it("are lines of Pulumi.yaml and the stack file, in their order", () => {
        const shown = docBlock("<!-- stack files: lines of each file, in order -->").split(/^# (Pulumi\.[\w.]*yaml) \(abridged\)\n/m).slice(1);
        assert.ok(shown.length >= 4, "the README shows no stack file");
        for (let index = 0; index < shown.length; index += 2) {
            const [file, lines] = [shown[index], shown[index + 1].split("\n").filter((line) => line.trim() !== "")];
            const real = fs.readFileSync(path.join(repoRoot, file), "utf8").split("\n");
            let at = 0;
            for (const line of lines) {
                at = real.indexOf(line, at) + 1;
                assert.ok(at > 0, `${file} has no line ${JSON.stringify(line)} after the README's previous one`);
            }
        }
    });
});

/**
 * Pages other branches add, linked from the README's "More" list before they exist. A link to one passes while
 * the page is missing; once it exists, it is checked like any other, and its entry here is to be removed.
 */
const pagesOtherBranchesAdd: string[] = [];

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
    return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

/** The anchors of a Markdown file's headings (a repeated heading gets `-1`, `-2`, … as on GitHub). */
function anchorsOf(text: string): Set<string> {
    const anchors = new Set<string>();
    for (const [, heading] of withoutFences(text).matchAll(/^#{1,6} (.+)$/gm)) {
        const anchor = anchorOf(heading);
        let unique = anchor;
        for (let count = 1; anchors.has(unique); count++) {
            unique = `${anchor}-${count}`;
        }
        anchors.add(unique);
    }
    return anchors;
}

function withoutFences(text: string): string {
    return text.replace(/^\s*```[\s\S]*?^\s*```$/gm, "");
}

/** The text without fenced blocks and code spans, whose brackets are no links. */
function withoutCode(text: string): string {
    return withoutFences(text).replace(/`[^`\n]*`/g, "");
}

describe("the links of README.md and docs/", () => {
    it("reach their file, and their #heading in it, each relative one", () => {
        const broken: string[] = [];
        for (const { file, text } of documentation()) {
            for (const [, target] of withoutCode(text).matchAll(/\]\(([^)\s]+)\)/g)) {
                if (/^[a-z]+:/i.test(target)) {
                    continue;
                }
                const [pathPart, fragment] = target.split("#");
                const linked = path.relative(repoRoot, path.resolve(repoRoot, path.dirname(file), pathPart || path.basename(file))).split(path.sep).join("/");
                const absolute = path.join(repoRoot, linked);
                if (!fs.existsSync(absolute)) {
                    if (!pagesOtherBranchesAdd.includes(linked)) {
                        broken.push(`${file}: ${target} (no ${linked})`);
                    }
                } else if (fragment !== undefined && !anchorsOf(fs.readFileSync(absolute, "utf8")).has(fragment)) {
                    broken.push(`${file}: ${target} (no heading #${fragment} in ${linked})`);
                }
            }
        }
        assert.deepStrictEqual(broken, []);
    });

    it("wait only for pages that do not exist yet", () => {
        const landed = pagesOtherBranchesAdd.filter((page) => fs.existsSync(path.join(repoRoot, page)));
        assert.deepStrictEqual(landed, [], "these pages exist now: remove them from pagesOtherBranchesAdd");
    });
});
