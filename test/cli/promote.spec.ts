import * as assert from "assert";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { main } from "../../cli/promote";
import { capturingIO, ProjectCopy, repoRoot } from "./support/project-copy";

async function promote(project: ProjectCopy, ...argv: string[]) {
    const io = capturingIO(project.dir);
    const code = await main(argv, io);
    return { code, out: io.out(), err: io.err() };
}

/** Every file of the project copy and its bytes, to prove a command touched nothing. */
function snapshot(project: ProjectCopy): Record<string, string> {
    return Object.fromEntries(fs.readdirSync(project.dir).sort().map((file) => [file, fs.readFileSync(path.join(project.dir, file), "utf8")]));
}

/** The lines of `after` that are not in `before`, and the other way round. */
function changedLines(before: string, after: string) {
    const beforeLines = before.split("\n");
    const afterLines = after.split("\n");
    return { added: afterLines.filter((line) => !beforeLines.includes(line)), removed: beforeLines.filter((line) => !afterLines.includes(line)) };
}

describe("npm run promote", () => {
    let project: ProjectCopy;
    beforeEach(() => { project = new ProjectCopy(); });
    afterEach(() => project.remove());

    describe("listing (no --write)", () => {
        it("lists the effective settings that differ, grouped, with each stack's value, and touches nothing: exit 0", async () => {
            const before = snapshot(project);
            const { code, out, err } = await promote(project, "--from", "dev", "--to", "staging");
            assert.strictEqual(code, 0, err);
            assert.strictEqual(out, [
                "Effective settings that differ, dev → staging (after defaults):",
                "",
                "Fixed at creation (a deployed pool or client cannot take a change): none",
                "Changeable:",
                '    userPool.mfa.mode                   "off" → "optional"',
                '    clients[web].tokenValidity.refresh  "30d" → "7d"',
                "Only in staging, left alone: clients[server]",
                "",
                "Per-environment keys, not compared: userPool.name, userPool.email.from, userPool.email.fromName, " +
                    "userPool.email.replyTo, userPool.email.configurationSet, userPool.tags, protect, userPool.deletionProtection, userPool.sms, import.",
                "",
                "Dry run: --write would copy 2 values from dev into Pulumi.staging.yaml.",
                "",
            ].join("\n"));
            assert.deepStrictEqual(snapshot(project), before);
        });

        it("groups a fixed-at-creation difference apart and warns that no baseline checked it", async () => {
            project.edit("dev", "caseSensitive: false", "caseSensitive: true");
            const { code, out } = await promote(project, "--from", "dev", "--to", "staging");
            assert.strictEqual(code, 0);
            assert.match(out, /Fixed at creation \(a deployed pool or client cannot take a change\):\n {4}userPool\.signIn\.caseSensitive +true → false\n/);
            assert.match(out, /Not checked against a baseline: if staging is deployed, run `npm run plan -- --stack staging --baseline <file>`/);
        });

        it("says so when there is nothing to promote", async () => {
            project.write("Pulumi.dev2.yaml", project.read("dev").replace("name: myapp-dev", "name: myapp-dev2"));
            const { code, out } = await promote(project, "--from", "dev", "--to", "dev2");
            assert.strictEqual(code, 0);
            assert.match(out, /Fixed at creation .*: none\nChangeable: none\n/);
            assert.match(out, /Nothing to promote: Pulumi\.dev2\.yaml is left as it is\.\n$/);
        });
    });

    describe("--write", () => {
        it("copies the values into the target keeping its comments, key order and formatting: exit 0", async () => {
            const before = project.read("dev");
            const { code, out, err } = await promote(project, "--from", "staging", "--to", "dev", "--write");
            assert.strictEqual(code, 0, err);
            assert.match(out, /Wrote 3 values from staging into Pulumi\.dev\.yaml\.\n$/);
            const after = project.read("dev");
            assert.deepStrictEqual(changedLines(before, after), {
                added: [
                    '      mode: "optional"',
                    "      tokenValidity: {access: 60m, id: 60m, refresh: 7d, authSession: 3m}",
                    "    - name: server",
                    "      type: confidential",
                    "      authFlows: [admin_user_password, refresh_token]",
                    "      tokenValidity: {access: 15m, id: 15m, refresh: 1d, authSession: 3m}",
                ],
                removed: [
                    '      mode: "off"',
                    "      tokenValidity: {access: 60m, id: 60m, refresh: 30d, authSession: 3m}",
                ],
            });
            assert.ok(after.startsWith("# dev: the console walkthrough's choices"), "the file's comments stay");
            assert.deepStrictEqual(Object.keys(parse(after).config), Object.keys(parse(before).config), "key order stays");
            assert.deepStrictEqual(fs.readdirSync(project.dir).filter((file) => file.endsWith(".tmp")), [], "no temporary file left");
        });

        it("leaves nothing to promote afterwards", async () => {
            await promote(project, "--from", "staging", "--to", "dev", "--write");
            const { out } = await promote(project, "--from", "staging", "--to", "dev");
            assert.match(out, /Nothing to promote/);
        });

        it("writes after checking the target's baseline when no fixed setting of it changes", async () => {
            const baseline = await project.deployBaseline("staging");
            const { code, out, err } = await promote(project, "--from", "dev", "--to", "staging", "--baseline", baseline, "--write");
            assert.strictEqual(code, 0, err);
            assert.doesNotMatch(out, /Not checked against a baseline/);
            assert.match(project.read("staging"), /mode: "off"/);
        });

        it("writes a fixed setting when no baseline says the target has deployed one, with the warning", async () => {
            project.edit("dev", "caseSensitive: false", "caseSensitive: true");
            const { code, out } = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(code, 0);
            assert.match(out, /Not checked against a baseline/);
            assert.match(project.read("staging"), /caseSensitive: true/);
        });
    });

    describe("refused: exit 1, the target byte-identical", () => {
        it("when the result would change a fixed setting of what the target has deployed", async () => {
            const baseline = await project.deployBaseline("staging");
            project.edit("dev", "caseSensitive: false", "caseSensitive: true");
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
            project.edit("staging", "      sender: ses\n      from: no-reply@staging.example.com\n      fromName: MyApp Staging\n", "      sender: cognito\n");
            const before = snapshot(project);
            const { code, err } = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(code, 1);
            assert.match(err, /the result would not pass config validation: cognito-user-pool:userPool\.email\.from: got nothing; email through SES needs a FROM address/);
            assert.deepStrictEqual(snapshot(project), before);
        });
    });

    describe("bad usage or input: a message on stderr, exit 2, no file touched", () => {
        const cases: [string, (project: ProjectCopy) => string[], RegExp][] = [
            ["no --to", () => ["--from", "dev", "--write"], /^error: missing --to\n\nusage: npm run promote/],
            ["the same stack twice", () => ["--from", "dev", "--to", "dev", "--write"], /--from and --to name the same stack/],
            ["an unknown option", () => ["--from", "dev", "--to", "staging", "--force"], /^error: unknown option --force\n/],
            ["an unknown stack", () => ["--from", "dev", "--to", "qa", "--write"], /unknown stack "qa": there is no Pulumi\.qa\.yaml/],
            ["malformed YAML, with its line", (project) => {
                project.edit("dev", "  cognito-user-pool:protect: false\n", "  cognito-user-pool:protect: false\n\tx: 1\n");
                return ["--from", "dev", "--to", "staging", "--write"];
            }, /Pulumi\.dev\.yaml:5: malformed YAML/],
            ["bad config, naming the stack in every problem", (project) => {
                project.edit("staging", "tier: essentials", "tier: gold");
                project.edit("staging", "minLength: 8", "minLength: 100");
                return ["--from", "dev", "--to", "staging", "--write"];
            }, /\(2 problems\):\n {2}- stack staging: cognito-user-pool:userPool\.tier: got "gold".*\n {2}- stack staging: cognito-user-pool:userPool\.password\.minLength/],
            ["an unreadable baseline", () => ["--from", "dev", "--to", "staging", "--baseline", "/nonexistent.json", "--write"], /cannot read baseline \/nonexistent\.json/],
        ];
        for (const [what, argv, message] of cases) {
            it(what, async () => {
                const args = argv(project);
                const before = snapshot(project);
                const { code, out, err } = await promote(project, ...args);
                assert.strictEqual(code, 2);
                assert.strictEqual(out, "");
                assert.match(err, message);
                assert.deepStrictEqual(snapshot(project), before);
            });
        }
    });

    it("runs as a process through npm run, listing without writing: exit 0", function () {
        this.timeout(120000);
        const run = spawnSync("npm", ["run", "--silent", "promote", "--", "--from", "dev", "--to", "prod"], { cwd: repoRoot, encoding: "utf8" });
        assert.strictEqual(run.status, 0, run.stderr);
        assert.match(run.stdout, /^Effective settings that differ, dev → prod/);
        assert.match(run.stdout, /Dry run: --write would copy/);
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
            const real = project.write("staging.real.yaml", project.read("staging").replace(/\n/g, "\r\n"));
            fs.rmSync(project.stackFile("staging"));
            fs.symlinkSync(real, project.stackFile("staging"));
            const { code, err } = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(code, 0, err);
            assert.ok(fs.lstatSync(project.stackFile("staging")).isSymbolicLink());
            const written = fs.readFileSync(real, "utf8");
            assert.match(written, /mode: "off"\r\n/);
            assert.doesNotMatch(written, /[^\r]\n/);

            fs.chmodSync(real, 0o444);
            project.edit("dev", "refresh: 30d", "refresh: 14d");
            const refused = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(refused.code, 2);
            assert.match(refused.err, /^error: .*Pulumi\.staging\.yaml \(a link to .*staging\.real\.yaml\) is read-only \(mode 444\)/);
            assert.strictEqual(fs.readFileSync(real, "utf8"), written);
        });

        it("refuses to edit through an alias, naming the stack file and its line, and writes nothing", async () => {
            project.edit("staging", "    mfa:\n      mode: optional\n      factors: [totp]\n", "    mfa: *strict\n");
            project.edit("staging", "config:\n", "strict: &strict {mode: optional, factors: [totp]}\nconfig:\n");
            const before = snapshot(project);
            const { code, err } = await promote(project, "--from", "dev", "--to", "staging", "--write");
            assert.strictEqual(code, 2);
            assert.match(err, /^error: .*Pulumi\.staging\.yaml:\d+: promote cannot write userPool\.mfa\.mode here: the value is an alias \(\*strict\)/);
            assert.deepStrictEqual(snapshot(project), before);
        });
    });
});
