import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { evaluateStack } from "../../offline/evaluate";
import { readStackConfig } from "../../stack-files/reader";
import { ProjectCopy, repoRoot } from "./support/project-copy";
import { BadInputCase, itRefusesEach, promote, snapshot } from "./support/promote-run";

/** The project copy holding the files of the earlier layout instead (test/fixtures/old-layout: every setting under userPool). */
function oldLayout(project: ProjectCopy): void {
    const fixtures = path.join(repoRoot, "test", "fixtures", "old-layout");
    for (const file of fs.readdirSync(fixtures)) {
        fs.copyFileSync(path.join(fixtures, file), path.join(project.dir, file));
    }
}

const configKeysOf = (text: string) => Object.keys(parse(text).config);

describe("npm run promote -- --shared: shared settings stated once in Pulumi.yaml", () => {
    let project: ProjectCopy;
    beforeEach(() => { project = new ProjectCopy(); });
    afterEach(() => project.remove());

    describe("the earlier layout's files (every setting under cognito-user-pool:userPool)", () => {
        beforeEach(() => oldLayout(project));

        it("are split into top-level keys, and what every stack has alike moves to Pulumi.yaml, comments kept", async () => {
            const { code, out, err } = await promote(project, "--shared", "--write");
            assert.strictEqual(code, 0, err);
            assert.match(out, /\n {2}Pulumi\.dev\.yaml: split into top-level keys \(the earlier layout\): tier, signIn, attributes, password, mfa,/);
            assert.match(out, /\n {2}Pulumi\.yaml: signIn +stated once \(value:\), dropped from Pulumi\.dev\.yaml, Pulumi\.prod\.yaml, Pulumi\.staging\.yaml\n/);
            assert.match(out, /\nWrote Pulumi\.yaml, Pulumi\.dev\.yaml, Pulumi\.prod\.yaml, Pulumi\.staging\.yaml\.\n$/);
            for (const stack of ["dev", "staging", "prod"]) {
                assert.deepStrictEqual(configKeysOf(project.read(stack)), [
                    "aws:region", "cognito-user-pool:protect", "cognito-user-pool:userPool", "cognito-user-pool:mfa", "cognito-user-pool:email",
                    "cognito-user-pool:clients",
                ], `Pulumi.${stack}.yaml keeps only its own`);
                assert.ok(project.read(stack).startsWith(`# ${stack}: `), "the file's comment stays");
            }
            const projectText = fs.readFileSync(path.join(project.dir, "Pulumi.yaml"), "utf8");
            assert.match(projectText, /\n {2}# Cognito's default password policy\.\n {2}cognito-user-pool:password:\n {4}value:\n {6}minLength: 8\n/);
            assert.match(projectText, /\n {2}cognito-user-pool:accountRecovery:\n {4}value: \[email\]\n/);
        });

        it("read back, every stack, as the same config: each registers what it registered before", async () => {
            await promote(project, "--shared", "--write");
            for (const stack of ["dev", "staging", "prod"]) {
                const { resources } = await evaluateStack(readStackConfig(project.dir, stack));
                const registered = resources.map(({ urn, type, name, parent, protect, retainOnDelete, importId, inputs }) =>
                    ({ urn, type, name, parent, protect, retainOnDelete, importId, inputs }));
                const fixture = fs.readFileSync(path.join(repoRoot, "test", "fixtures", "registered", `${stack}.json`), "utf8");
                assert.deepStrictEqual(JSON.parse(JSON.stringify(registered)), JSON.parse(fixture), stack);
            }
        });

        it("are left as they are without --write, and a second run has nothing to change", async () => {
            const before = snapshot(project);
            const listed = await promote(project, "--shared");
            assert.strictEqual(listed.code, 0, listed.err);
            assert.match(listed.out, /\nDry run: --write would rewrite Pulumi\.yaml, Pulumi\.dev\.yaml, Pulumi\.prod\.yaml, Pulumi\.staging\.yaml\.\n$/);
            assert.deepStrictEqual(snapshot(project), before);

            await promote(project, "--shared", "--write");
            const written = snapshot(project);
            const again = await promote(project, "--shared", "--write");
            assert.strictEqual(again.code, 0);
            assert.match(again.out, /\n {2}nothing to change\n\nNothing to change: every file is left as it is\.\n$/);
            assert.deepStrictEqual(snapshot(project), written);
        });
    });

    it("states a change once when it has reached every stack, and leaves it in the stack files until then", async () => {
        const longer = "{minLength: 12, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 7}";
        project.override("dev", "password", longer);
        project.override("staging", "password", longer);
        const midway = await promote(project, "--shared", "--write");
        assert.strictEqual(midway.code, 0, midway.err);
        assert.match(midway.out, /\n {2}nothing to change\nLeft in the stack files, not alike in every stack: password\n/);

        project.override("prod", "password", longer);
        const done = await promote(project, "--shared", "--write");
        assert.strictEqual(done.code, 0, done.err);
        assert.match(done.out, /\n {2}Pulumi\.yaml: password +stated once \(value:\), dropped from Pulumi\.dev\.yaml, Pulumi\.prod\.yaml, Pulumi\.staging\.yaml\n/);
        for (const stack of ["dev", "staging", "prod"]) {
            assert.ok(!configKeysOf(project.read(stack)).includes("cognito-user-pool:password"));
            assert.strictEqual(JSON.parse(readStackConfig(project.dir, stack).config["cognito-user-pool:password"]).minLength, 12);
        }
    });

    it("refuses a rewrite it cannot follow (a merge key): exit 1, no file written", async () => {
        oldLayout(project);
        project.edit("dev", "config:\n", "base: &base {tier: essentials}\nconfig:\n");
        project.edit("dev", "    name: myapp-dev\n", "    <<: *base\n    name: myapp-dev\n");
        project.edit("dev", "    tier: essentials\n", "");
        const before = snapshot(project);
        const { code, err } = await promote(project, "--shared", "--write");
        assert.strictEqual(code, 1);
        assert.match(err, /^Refused: no file is written, because\n {2}- .*Pulumi\.dev\.yaml: rewritten, stack dev would read another config/);
        assert.deepStrictEqual(snapshot(project), before);
    });

    describe("bad usage or input: exit 2, no file written", () => {
        const cases: BadInputCase[] = [
            ["--shared with --from", () => ["--shared", "--from", "dev"], /^error: --shared takes no --from: /],
            ["malformed YAML in a stack file, with its line", (project) => {
                project.edit("staging", "  cognito-user-pool:protect: true\n", "  cognito-user-pool:protect: true\n\tx: 1\n");
                return ["--shared", "--write"];
            }, /^error: .*Pulumi\.staging\.yaml:5: malformed YAML/],
        ];
        itRefusesEach(cases, () => project);
    });
});
