import * as assert from "assert";
import { UsageError } from "../../cli/args";
import { main as plan } from "../../cli/plan";
import { stackToUse } from "../../cli/stack-option";
import { FakePulumi, withoutPulumiOnPath } from "../aws/support/fake-pulumi";
import { capturingIO, ProjectCopy } from "./support/project-copy";

const howToName = "name one with --stack <name> (-s <name>), or select one with `pulumi stack select <name>`";

describe("the stack a command works on (cli/stack-option): --stack, -s, else the one Pulumi has selected", () => {
    let project: ProjectCopy;
    let pulumi: FakePulumi | undefined;
    let restorePath: (() => void) | undefined;
    const withPulumi = (selectedStack?: string) => {
        pulumi = new FakePulumi({ selectedStack });
        restorePath = pulumi.onPath();
        return pulumi;
    };
    const refusal = (message: string) => (error: Error) => error instanceof UsageError && error.message === message;

    beforeEach(() => { project = new ProjectCopy(); });
    afterEach(() => {
        restorePath?.();
        pulumi?.remove();
        [pulumi, restorePath] = [undefined, undefined];
        project.remove();
    });

    it("takes the stack given, without asking the Pulumi CLI", async () => {
        withPulumi("prod");
        assert.strictEqual(await stackToUse("staging", project.dir), "staging");
        assert.deepStrictEqual(pulumi!.calls(), []);
    });

    it("else asks the Pulumi CLI for the selected stack, in the project directory, and never lets it prompt", async () => {
        withPulumi("staging");
        assert.strictEqual(await stackToUse(undefined, project.dir), "staging");
        assert.deepStrictEqual(pulumi!.calls().map((call) => call.args), [["stack", "--show-name", "--non-interactive"]]);
    });

    it("takes the stack part of a fully qualified name, which names the stack file", async () => {
        withPulumi("acme/cognito-user-pool/staging");
        assert.strictEqual(await stackToUse(undefined, project.dir), "staging");
    });

    it("says how to name a stack when none is selected, with the CLI's own words", async () => {
        withPulumi();
        await assert.rejects(stackToUse(undefined, project.dir), refusal("no --stack given, and `pulumi stack --show-name` names no selected stack " +
            "(error: no stack selected; please use `pulumi stack select` or `pulumi stack init` to choose one): " + howToName));
    });

    it("says how to name a stack offline, without the Pulumi CLI on PATH", async () => {
        restorePath = withoutPulumiOnPath();
        await assert.rejects(stackToUse(undefined, project.dir),
            refusal(`no --stack given, and no Pulumi CLI on PATH to ask which stack is selected: ${howToName}`));
    });

    it("refuses a selected name that is not a stack name", async () => {
        withPulumi("dev staging");
        await assert.rejects(stackToUse(undefined, project.dir), /the selected stack \(pulumi stack --show-name\) "dev staging": a stack name has only/);
    });

    describe("in a command (npm run plan)", () => {
        const run = async (...argv: string[]) => {
            const io = capturingIO(project.dir);
            const code = await plan(argv, io);
            return { code, out: io.out(), err: io.err() };
        };

        it("plans the selected stack when no --stack is given", async () => {
            withPulumi("staging");
            const { code, out } = await run();
            assert.strictEqual(code, 0);
            assert.match(out, /^Stack staging \(project cognito-user-pool\), evaluated offline/);
        });

        it("takes -s as --stack, and refuses both together as one option given twice", async () => {
            const short = await run("-s", "prod");
            assert.strictEqual(short.code, 0);
            assert.match(short.out, /^Stack prod /);
            const both = await run("-s", "prod", "--stack", "dev");
            assert.strictEqual(both.code, 2);
            assert.match(both.err, /^error: --stack given 2 times \("prod", then "dev"\): give it once\n/);
        });

        it("offline, without --stack: exit 2 with how to name one and the usage", async () => {
            restorePath = withoutPulumiOnPath();
            const { code, err } = await run("--json");
            assert.strictEqual(code, 2);
            assert.ok(err.startsWith(`error: no --stack given, and no Pulumi CLI on PATH to ask which stack is selected: ${howToName}\n\n` +
                "usage: npm run plan -- [--stack <name>]"), err);
        });
    });
});
