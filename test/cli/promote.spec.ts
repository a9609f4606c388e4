import * as assert from "assert";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { docBlock, docExample } from "../support/docs";
import { ProjectCopy, repoRoot } from "./support/project-copy";
import { BadInputCase, itRefusesEach, promote, snapshot } from "./support/promote-run";

/** The lines of `after` that are not in `before`, and the other way round. */
function changedLines(before: string, after: string) {
    const beforeLines = before.split("\n");
    const afterLines = after.split("\n");
    return { added: afterLines.filter((line) => !beforeLines.includes(line)), removed: beforeLines.filter((line) => !afterLines.includes(line)) };
}

/**
 * The example of docs/promotion.md: dev has gained the admin client the page shows and overrides the shared
 * password policy with a minimum length of 12, both ready for staging.
 */
function devAhead(project: ProjectCopy): void {
    const client = docBlock("under\\s+`cognito-user-pool:clients:`");
    const password = docBlock("states\\s+the\\s+whole\\s+policy");
    project.write("Pulumi.dev.yaml", project.read("dev") + client + password);
}

describe("npm run promote", () => {
    let project: ProjectCopy;
    beforeEach(() => { project = new ProjectCopy(); });
    afterEach(() => project.remove());

    describe("listing (no --write)", () => {
        it("says what the target would get, as docs/promotion.md shows it, and touches nothing: exit 0", async () => {
            devAhead(project);
            const before = snapshot(project);
            const { code, out, err } = await promote(project, "--from", "dev", "--to", "staging");
            assert.strictEqual(code, 0, err);
            assert.strictEqual(out, docExample("promote dev to staging"));
            assert.deepStrictEqual(snapshot(project), before);
        });

        it("never promotes a per-environment setting, and names those that stay", async () => {
            const { code, out } = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(code, 0);
            assert.match(out, /^Promote dev → staging: .*\n {2}nothing to change\n/);
            assert.match(out, /staging keeps its values\): .*\bmfa\b.*clients\[web\]\.tokenValidity/);
            assert.match(project.read("staging"), /mode: optional/);
        });

        it("groups a fixed-at-creation difference apart and warns that no baseline checked it", async () => {
            project.override("dev", "signIn", "{with: [username], caseSensitive: true}");
            const { code, out } = await promote(project, "--from", "dev", "--to", "staging");
            assert.strictEqual(code, 0);
            assert.match(out, /\n {2}staging: signIn\.caseSensitive +false → true {3}\(fixed at creation\)\n/);
            assert.match(out, /Not checked against a baseline: if staging is deployed, run `npm run plan -- --stack staging --baseline <file>`/);
        });

        it("says so when there is nothing to promote", async () => {
            project.write("Pulumi.dev2.yaml", project.read("dev").replace("name: myapp-dev", "name: myapp-dev2"));
            const { code, out } = await promote(project, "--from", "dev", "--to", "dev2");
            assert.strictEqual(code, 0);
            assert.match(out, /\n {2}nothing to change\n/);
            assert.match(out, /Nothing to promote: Pulumi\.dev2\.yaml is left as it is\.\n$/);
        });
    });

    describe("--write", () => {
        it("writes the values into the target keeping its comments, key order and formatting: exit 0", async () => {
            devAhead(project);
            const before = project.read("staging");
            const { code, out, err } = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(code, 0, err);
            assert.match(out, /Wrote 2 values from dev into Pulumi\.staging\.yaml\.\n$/);
            const after = project.read("staging");
            assert.deepStrictEqual(changedLines(before, after), {
                added: [
                    "    # The admin console: a browser app, no secret.",
                    "    - name: admin",
                    "  cognito-user-pool:password:",
                    "    minLength: 12",
                    "    requireLowercase: true",
                    "    requireUppercase: true",
                    "    requireNumbers: true",
                    "    requireSymbols: true",
                    "    temporaryPasswordValidityDays: 7",
                ],
                removed: [],
            });
            assert.ok(after.startsWith("# staging: as prod"), "the file's comments stay");
            assert.deepStrictEqual(Object.keys(parse(after).config), [...Object.keys(parse(before).config), "cognito-user-pool:password"],
                "key order stays; the shared key staging now overrides comes last");
            assert.deepStrictEqual(fs.readdirSync(project.dir).filter((file) => file.endsWith(".tmp")), [], "no temporary file left");
        });

        it("leaves nothing to promote afterwards", async () => {
            devAhead(project);
            await promote(project, "--from", "dev", "--to", "staging", "--write");
            const { out } = await promote(project, "--from", "dev", "--to", "staging");
            assert.match(out, /Nothing to promote/);
        });

        it("writes after checking the target's baseline when no fixed setting of it changes", async () => {
            const baseline = await project.deployBaseline("staging");
            devAhead(project);
            const { code, out, err } = await promote(project, "--from", "dev", "--to", "staging", "--baseline", baseline, "--write");
            assert.strictEqual(code, 0, err);
            assert.doesNotMatch(out, /Not checked against a baseline/);
            assert.match(project.read("staging"), /minLength: 12/);
        });

        it("writes a fixed setting when no baseline says the target has deployed one, with the warning", async () => {
            project.override("dev", "signIn", "{with: [username], caseSensitive: true}");
            const { code, out } = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(code, 0);
            assert.match(out, /Not checked against a baseline/);
            assert.match(project.read("staging"), /caseSensitive: true/);
        });
    });

    describe("refused: exit 1, the target byte-identical", () => {
        it("when it would weaken a protected target, as docs/promotion.md shows, already without --write", async () => {
            project.override("dev", "password", "{requireSymbols: false}");
            const before = snapshot(project);
            const listed = await promote(project, "--from", "dev", "--to", "staging");
            assert.strictEqual(listed.code, 1);
            assert.match(listed.out, /staging: password\.requireSymbols +true → false {3}\(weaker: fewer kinds of characters in passwords\)\n/);
            assert.strictEqual(listed.err, docExample("promote weaker"));
            const written = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(written.code, 1);
            assert.deepStrictEqual(snapshot(project), before);

            const accepted = await promote(project, "--from", "dev", "--to", "staging", "--write", "--accept-weaker");
            assert.strictEqual(accepted.code, 0, accepted.err);
            assert.match(project.read("staging"), /requireSymbols: false/);
        });

        it("when the result would change a fixed setting of what the target has deployed", async () => {
            const baseline = await project.deployBaseline("staging");
            project.override("dev", "signIn", "{with: [username], caseSensitive: true}");
            const before = snapshot(project);
            const { code, err } = await promote(project, "--from", "dev", "--to", "staging", "--baseline", baseline, "--write");
            assert.strictEqual(code, 1);
            assert.match(err, /^Refused: Pulumi\.staging\.yaml is left untouched, because\n {2}- \[cognito-sign-in-options-unchanged\] UserPool "auth-pool"/);
            assert.match(err, /usernameConfiguration\.caseSensitive is fixed at creation/);
            assert.deepStrictEqual(snapshot(project), before);
        });

        it("when a client's secret would change, and says so already without --write", async () => {
            const baseline = await project.deployBaseline("prod");
            project.edit("staging", "type: confidential", "type: public");
            const before = snapshot(project);
            const { code, err } = await promote(project, "--from", "staging", "--to", "prod", "--baseline", baseline);
            assert.strictEqual(code, 1);
            assert.match(err, /^Refused: Pulumi\.prod\.yaml would be left untouched, because\n {2}- \[cognito-client-secret-unchanged\]/);
            assert.deepStrictEqual(snapshot(project), before);
        });

        it("when the result would not pass config validation", async () => {
            // dev verifies phone numbers too, with its own SNS role; staging has none.
            project.override("dev", "autoVerify", "[email, phone]");
            project.override("dev", "sms", "{snsCallerArn: \"arn:aws:iam::123456789012:role/cognito-sms\", externalId: dev}");
            const before = snapshot(project);
            const { code, err } = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(code, 1);
            assert.match(err, /the result would not pass config validation: cognito-user-pool:sms: got nothing; SMS \(phone recovery, phone verification or SMS MFA\) needs/);
            assert.deepStrictEqual(snapshot(project), before);
        });
    });

    describe("bad usage or input: a message on stderr, exit 2, no file touched", () => {
        const cases: BadInputCase[] = [
            ["no --to", () => ["--from", "dev", "--write"], /^error: missing --to\n\nusage: npm run promote/],
            ["the same stack twice", () => ["--from", "dev", "--to", "dev", "--write"], /--from and --to name the same stack/],
            ["an unknown option", () => ["--from", "dev", "--to", "staging", "--force"], /^error: unknown option --force\n/],
            ["an unknown stack", () => ["--from", "dev", "--to", "qa", "--write"], /unknown stack "qa": there is no Pulumi\.qa\.yaml/],
            ["malformed YAML, with its line", (project) => {
                project.edit("dev", "  cognito-user-pool:protect: false\n", "  cognito-user-pool:protect: false\n\tx: 1\n");
                return ["--from", "dev", "--to", "staging", "--write"];
            }, /Pulumi\.dev\.yaml:5: malformed YAML/],
            ["bad config, naming the stack in every problem", (project) => {
                project.override("staging", "tier", "gold");
                project.override("staging", "password", "{minLength: 100}");
                return ["--from", "dev", "--to", "staging", "--write"];
            }, /\(2 problems\):\n {2}- stack staging: cognito-user-pool:tier: got "gold".*\n {2}- stack staging: cognito-user-pool:password\.minLength/],
            ["an unreadable baseline", () => ["--from", "dev", "--to", "staging", "--baseline", "/nonexistent.json", "--write"], /cannot read baseline \/nonexistent\.json/],
        ];
        itRefusesEach(cases, () => project);
    });

    it("runs as a process through npm run, listing without writing: exit 0", function () {
        this.timeout(120000);
        const run = spawnSync("npm", ["run", "--silent", "promote", "--", "--from", "dev", "--to", "prod"], { cwd: repoRoot, encoding: "utf8" });
        assert.strictEqual(run.status, 0, run.stderr);
        assert.match(run.stdout, /^Promote dev → prod: what Pulumi\.prod\.yaml would get/);
        assert.match(run.stdout, /Nothing to promote: Pulumi\.prod\.yaml is left as it is\.\n$/);
    });

    describe("file safety", () => {
        /** Runs the built command in a process of its own on the project copy; resolves to its exit code and output. */
        function promoteProcess(...argv: string[]): Promise<{ code: number | null; out: string; err: string }> {
            const script = `require(${JSON.stringify(path.join(repoRoot, "bin/cli/promote.js"))}).main(${JSON.stringify(argv)}, ` +
                `{ projectDir: ${JSON.stringify(project.dir)}, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) })` +
                ".then((code) => { process.exitCode = code; })";
            return new Promise((resolve) => {
                const child = spawn(process.execPath, ["-e", script]);
                let out = "";
                let err = "";
                child.stdout.on("data", (chunk) => { out += chunk; });
                child.stderr.on("data", (chunk) => { err += chunk; });
                child.on("close", (code) => resolve({ code, out, err }));
            });
        }

        it("loses no update when several promotions write one stack file at once", async function () {
            this.timeout(120000);
            // Each source is staging plus one client of its own: each promotion adds its client to staging.
            const sources = ["qa1", "qa2", "qa3", "qa4", "qa5", "qa6"];
            for (const stack of sources) {
                project.write(`Pulumi.${stack}.yaml`, `${project.read("staging")}    - name: ${stack}-app\n      type: public\n`);
            }
            const runs = await Promise.all(sources.map((stack) => promoteProcess("--from", stack, "--to", "staging", "--write")));
            for (const run of runs) {
                assert.strictEqual(run.code, 0, run.err);
            }
            const clients = parse(project.read("staging")).config["cognito-user-pool:clients"].map((client: { name: string }) => client.name);
            assert.deepStrictEqual(clients.sort(), ["server", "web", ...sources.map((stack) => `${stack}-app`)].sort());
            assert.deepStrictEqual(fs.readdirSync(project.dir).filter((file) => /lock|tmp/.test(file)), []);
        });

        it("writes through a symbolic link to its target, keeps CRLF line ends, and refuses a read-only target", async () => {
            devAhead(project);
            const real = project.write("staging.real.yaml", project.read("staging").replace(/\n/g, "\r\n"));
            fs.rmSync(project.stackFile("staging"));
            fs.symlinkSync(real, project.stackFile("staging"));
            const { code, err } = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(code, 0, err);
            assert.ok(fs.lstatSync(project.stackFile("staging")).isSymbolicLink());
            const written = fs.readFileSync(real, "utf8");
            assert.match(written, /minLength: 12\r\n/);
            assert.doesNotMatch(written, /[^\r]\n/);

            fs.chmodSync(real, 0o444);
            project.edit("dev", "minLength: 12", "minLength: 14");
            const refused = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(refused.code, 2);
            assert.match(refused.err, /^error: .*Pulumi\.staging\.yaml \(a link to .*staging\.real\.yaml\) is read-only \(mode 444\)/);
            assert.strictEqual(fs.readFileSync(real, "utf8"), written);
        });

        it("refuses to edit through an alias, naming the stack file and its line, and writes nothing", async () => {
            devAhead(project);
            project.override("staging", "password", "*strict");
            project.edit("staging", "config:\n", "strict: &strict {minLength: 8, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 7}\nconfig:\n");
            const before = snapshot(project);
            const { code, err } = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(code, 2);
            assert.match(err, /^error: .*Pulumi\.staging\.yaml:\d+: promote cannot write password\.minLength here: the value is an alias \(\*strict\)/);
            assert.deepStrictEqual(snapshot(project), before);
        });
    });
});
