import {
    AdminCreateUserCommand, CognitoIdentityProviderClient, CreateUserPoolCommand, ListUsersCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { deployCommand, Operation } from "../../cli/deploy";
import { minimumPulumiCliVersion } from "../../cli/pulumi-cli";
import { FakePulumi, FakePulumiBehaviour, withoutPulumiOnPath } from "../aws/support/fake-pulumi";
import { LocalAws, startLocalAws, useLocalAws } from "../aws/support/local-aws";
import { capturingIO, ProjectCopy, repoRoot } from "./support/project-copy";

const stateFixture = (stack: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, "test", "fixtures", "state", `${stack}.json`), "utf8"));
const poolUrn = (stack: string) =>
    `urn:pulumi:${stack}::cognito-user-pool::cognito-user-pool:index:SignInBackend$aws:cognito/userPool:UserPool::auth-pool`;

/** The baseline a policy-config file carries (the same one under every fixed-settings policy). */
function baselineOf(config: unknown): Record<string, any> | undefined {
    return Object.values(config as Record<string, { baseline?: Record<string, any> }>).find((entry) => entry.baseline)?.baseline;
}

describe("npm run preview / npm run up (cli/deploy): pulumi under the policy pack, with the stack's baseline", function () {
    this.timeout(30_000);
    let project: ProjectCopy;
    let pulumi: FakePulumi;
    let restorePath: () => void;

    function withPulumi(behaviour: FakePulumiBehaviour = {}): FakePulumi {
        pulumi = new FakePulumi(behaviour);
        restorePath = pulumi.onPath();
        return pulumi;
    }

    async function run(operation: Operation, ...argv: string[]) {
        const io = capturingIO(project.dir);
        const exitCode = await deployCommand(operation, io)(argv, io);
        return { exitCode, stdout: io.out(), stderr: io.err() };
    }

    beforeEach(() => {
        project = new ProjectCopy();
    });

    afterEach(() => {
        restorePath?.();
        pulumi?.remove();
    });

    it("writes the baseline from the stack's state, then runs pulumi preview with the pack and that file, other options passed on", async () => {
        withPulumi().stateOf("staging", stateFixture("staging"));

        const { exitCode, stdout, stderr } = await run("preview", "--stack", "staging", "--diff", "--refresh", "-m", "a message");

        assert.strictEqual(exitCode, 0);
        const calls = pulumi.calls();
        assert.deepStrictEqual(calls.map((call) => call.args), [
            ["version"],
            ["whoami"],
            ["stack", "export", "--stack", "staging"],
            ["preview", "--json", "--stack", "staging", "--diff", "--refresh", "-m", "a message"],
            ["preview", "--stack", "staging", "--policy-pack", "policy-pack", "--policy-pack-config", "policy-baseline.staging.json",
                "--diff", "--refresh", "-m", "a message"],
        ]);
        const preview = calls[4];
        assert.strictEqual(fs.realpathSync(preview.cwd), fs.realpathSync(project.dir), "run in the project directory");
        assert.strictEqual(baselineOf(preview.policyPackConfig)?.userPools[poolUrn("staging")].id, "ap-northeast-2_St4gR9wPz",
            "the file holds the staging state's baseline when the CLI reads it");
        assert.match(stdout, /wrote .*policy-baseline\.staging\.json: baseline of stack staging from the Pulumi state/);
        assert.match(stdout, /preview of stack staging: done/, "the CLI's output passed on");
        assert.match(stderr, /running: pulumi preview --stack staging --policy-pack policy-pack --policy-pack-config policy-baseline\.staging\.json --diff/);
    });

    it("refuses (exit 1) what the engine's own preview would replace, naming the config keys, before pulumi preview runs", async () => {
        withPulumi().stateOf("dev", stateFixture("dev"));
        pulumi.previewOf("dev", JSON.parse(fs.readFileSync(path.join(repoRoot, "test", "fixtures", "preview", "dev-case-sensitive.json"), "utf8")));

        const { exitCode, stderr } = await run("preview", "--stack", "dev");

        assert.strictEqual(exitCode, 1);
        assert.match(stderr, /^running: pulumi preview --json --stack dev\nrefused: pulumi's own preview of stack dev would replace or delete 2 guarded resources/m);
        assert.match(stderr, /UserPool::auth-pool\n    replaced because of: usernameConfiguration \(cognito-user-pool:signIn\.caseSensitive\)/);
        assert.match(stderr, /UserPoolClient::auth-client-web\n    replaced because of: userPoolId/);
        assert.deepStrictEqual(pulumi.calls().map((call) => call.args.slice(0, 2)), [["version"], ["whoami"], ["stack", "export"], ["preview", "--json"]]);
    });

    it("runs pulumi up with the plan its preview saved, the options pulumi preview does not take left out of the preview", async () => {
        withPulumi().stateOf("dev", stateFixture("dev"));

        const { exitCode } = await run("up", "--stack", "dev", "--yes", "--skip-preview", "--secrets-provider", "awskms://alias/x", "--refresh", "--strict=true");

        assert.strictEqual(exitCode, 0);
        const [preview, up] = pulumi.calls().slice(-2);
        const plan = preview.args[preview.args.indexOf("--save-plan") + 1];
        assert.deepStrictEqual(preview.args, ["preview", "--json", "--stack", "dev", "--save-plan", plan, "--refresh"]);
        assert.deepStrictEqual(up.args, ["up", "--stack", "dev", "--policy-pack", "policy-pack", "--policy-pack-config", "policy-baseline.dev.json",
            "--plan", plan, "--yes", "--skip-preview", "--secrets-provider", "awskms://alias/x", "--refresh", "--strict=true"]);
        assert.deepStrictEqual(up.plan, { planOf: "dev" }, "up read the plan the preview saved");
        assert.ok(!fs.existsSync(plan), "the plan is removed afterwards");
    });

    it("ends with the preview's exit code and its errors when the engine's preview fails, and refuses a --plan of the user's", async () => {
        withPulumi({ exitCodes: { "preview --json": 255 } }).stateOf("dev", stateFixture("dev"));
        pulumi.previewOf("dev", { steps: [], diagnostics: [{ message: "error: Running program failed\n", severity: "error" }, { message: "a warning", severity: "warning" }] });

        const failed = await run("up", "--stack", "dev");
        const ownPlan = await run("up", "--stack", "dev", "--plan", "my-plan.json");

        assert.strictEqual(failed.exitCode, 255);
        assert.match(failed.stderr, /\nerror: Running program failed\n$/);
        assert.ok(!pulumi.calls().some((call) => call.args[0] === "up"), "no update");
        assert.strictEqual(ownPlan.exitCode, 2);
        assert.match(ownPlan.stderr, /^error: --plan: npm run up saves the plan of its own preview and applies that one\n/);
    });

    it("runs pulumi up the same way, and a stack that has deployed nothing gets the config without a baseline", async () => {
        withPulumi().stateOf("dev", { version: 3, deployment: { resources: [] } });

        const { exitCode } = await run("up", "--stack=dev", "--yes");

        assert.strictEqual(exitCode, 0);
        const up = pulumi.calls().at(-1)!;
        assert.deepStrictEqual(up.args, ["up", "--stack", "dev", "--policy-pack", "policy-pack", "--policy-pack-config", "policy-baseline.dev.json",
            "--plan", up.args[up.args.indexOf("--plan") + 1], "--yes"]);
        assert.ok(up.policyPackConfig !== undefined && baselineOf(up.policyPackConfig) === undefined, "a first deployment: no baseline");
    });

    it("passes the CLI's exit code back (a mandatory policy violation fails the preview)", async () => {
        withPulumi({ exitCodes: { preview: 255, up: 1 } }).stateOf("prod", stateFixture("prod"));

        assert.strictEqual((await run("preview", "-s", "prod")).exitCode, 255);
        assert.strictEqual((await run("up", "--stack", "prod")).exitCode, 1);
    });

    it("stops before pulumi preview when the baseline cannot be written (a stack the backend does not know)", async () => {
        withPulumi();

        const { exitCode, stderr } = await run("preview", "--stack", "nope");

        assert.strictEqual(exitCode, 2);
        assert.match(stderr, /error: `pulumi stack export --stack nope` failed \(exit 255\): error: no stack named 'nope' found/);
        assert.deepStrictEqual(pulumi.calls().map((call) => call.args[0]), ["version", "whoami", "stack"]);
    });

    it("says how to log in when the CLI is not logged in, exit 2, running nothing else", async () => {
        withPulumi({ loggedIn: false });

        const { exitCode, stderr } = await run("up", "--stack", "dev");

        assert.strictEqual(exitCode, 2);
        assert.match(stderr, /^error: the Pulumi CLI is not logged in \(`pulumi whoami`: error: PULUMI_ACCESS_TOKEN must be set .*\): run `pulumi login`/);
        assert.deepStrictEqual(pulumi.calls().map((call) => call.args[0]), ["version", "whoami"]);
        assert.ok(!fs.existsSync(path.join(project.dir, "policy-baseline.dev.json")), "no baseline written");
    });

    it(`refuses a CLI older than v${minimumPulumiCliVersion}, exit 2`, async () => {
        withPulumi({ version: "v3.100.0" });

        const { exitCode, stderr } = await run("preview", "--stack", "dev");

        assert.strictEqual(exitCode, 2);
        assert.match(stderr, new RegExp(`^error: the Pulumi CLI is v3\\.100\\.0; the program and the policy pack need v${minimumPulumiCliVersion.replace(/\./g, "\\.")} or later`));
    });

    it("says how to install the CLI when it is not on PATH, exit 2", async () => {
        const restore = withoutPulumiOnPath();
        try {
            const { exitCode, stderr } = await run("preview", "--stack", "dev");

            assert.strictEqual(exitCode, 2);
            assert.match(stderr, /^error: the Pulumi CLI \(pulumi\) is not on PATH: install it \(https:\/\/www\.pulumi\.com\/docs\/install\/\)/);
        } finally {
            restore();
        }
    });

    it("without --stack, works on the stack Pulumi has selected; -s is --stack", async () => {
        withPulumi({ selectedStack: "staging" }).stateOf("staging", stateFixture("staging"));
        pulumi.stateOf("dev", { version: 3, deployment: { resources: [] } });

        assert.strictEqual((await run("preview", "--diff")).exitCode, 0);
        assert.strictEqual((await run("preview", "-s", "dev")).exitCode, 0);
        const previews = pulumi.calls().filter((call) => call.args[0] === "preview" && !call.args.includes("--json"))
            .map((call) => call.args.slice(0, 3));
        assert.deepStrictEqual(previews, [["preview", "--stack", "staging"], ["preview", "--stack", "dev"]]);
    });

    it("refuses a repeated --stack, or none with none selected, with the usage, exit 2, before running a deployment", async () => {
        withPulumi();

        const missing = await run("preview", "--diff");
        assert.strictEqual(missing.exitCode, 2);
        assert.match(missing.stderr, /^error: no --stack given, and `pulumi stack --show-name` names no selected stack .*\n\nusage: npm run preview -- \[--stack <name>\]/);
        const repeated = await run("up", "--stack", "dev", "--stack", "prod");
        assert.strictEqual(repeated.exitCode, 2);
        assert.match(repeated.stderr, /--stack given 2 times \("dev", then "prod"\)/);
        assert.deepStrictEqual(pulumi.calls().map((call) => call.args), [["stack", "--show-name", "--non-interactive"]]);
    });

    describe("npm run up of a stack whose successor moves to the finish phase (cli/finish-guard.ts)", () => {
        let local: LocalAws;
        let restoreAws: () => void;
        let cognito: CognitoIdentityProviderClient;
        let pools: { fromPoolId: string; toPoolId: string };
        const successor = "  cognito-user-pool:successor:\n    name: myapp-prod-v2\n    phase: finish\n    signIn: {with: [email]}\n";

        async function createUser(poolId: string, username: string, attributes: Record<string, string> = {}) {
            const { User } = await cognito.send(new AdminCreateUserCommand({
                UserPoolId: poolId, Username: username, MessageAction: "SUPPRESS",
                UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
            }));
            return User!.Attributes!.find((attribute) => attribute.Name === "sub")!.Value!;
        }

        /** The migration prod exports, deployed in this phase (none: never deployed with its successor). */
        function deployed(phase: string | undefined) {
            pulumi.outputsOf("prod", phase === undefined ? {} : { migration: { phase, from: { userPoolId: pools.fromPoolId }, to: { userPoolId: pools.toPoolId } } });
        }

        before(async () => {
            local = await startLocalAws();
            restoreAws = useLocalAws(local);
            cognito = new CognitoIdentityProviderClient({});
            const fromPoolId = (await cognito.send(new CreateUserPoolCommand({ PoolName: "myapp-prod" }))).UserPool!.Id!;
            const toPoolId = (await cognito.send(new CreateUserPoolCommand({
                PoolName: "myapp-prod-v2", Schema: [{ Name: "legacy_sub", AttributeDataType: "String", Mutable: false }],
            }))).UserPool!.Id!;
            pools = { fromPoolId, toPoolId };
            const aliceSub = await createUser(fromPoolId, "alice");
            await createUser(fromPoolId, "bob");
            await createUser(toPoolId, "alice", { "custom:legacy_sub": aliceSub });
        });

        after(async () => {
            restoreAws?.();
            await local?.stop();
        });

        beforeEach(() => {
            fs.appendFileSync(project.stackFile("prod"), successor);
            withPulumi().stateOf("prod", stateFixture("prod"));
        });

        it("refuses (exit 1) while users of the current pool have not migrated, before the baseline and pulumi up", async () => {
            deployed("cutover");

            const { exitCode, stderr } = await run("up", "--stack", "prod", "--yes");

            assert.strictEqual(exitCode, 1);
            assert.strictEqual(stderr, "refused: 1 user of the current pool has not migrated; the finish phase removes the trigger " +
                "that would move them. Import them (npm run migration -- --stack prod --csv <file>), or pass --users-remain-ok to go ahead.\n");
            assert.deepStrictEqual(pulumi.calls().map((call) => call.args.slice(0, 2)), [["version"], ["whoami"], ["stack", "output"]]);
            assert.ok(!fs.existsSync(path.join(project.dir, "policy-baseline.prod.json")), "no baseline written");
        });

        it("applies it when told to go ahead (--users-remain-ok, not passed on), without reading AWS", async () => {
            deployed("cutover");
            const callsBefore = local.calls.length;

            const { exitCode } = await run("up", "--stack", "prod", "--users-remain-ok", "--yes");

            assert.strictEqual(exitCode, 0);
            const up = pulumi.calls().at(-1)!.args;
            assert.deepStrictEqual(up, ["up", "--stack", "prod", "--policy-pack", "policy-pack", "--policy-pack-config", "policy-baseline.prod.json",
                "--plan", up[up.indexOf("--plan") + 1], "--yes"]);
            assert.deepStrictEqual(local.calls.slice(callsBefore), []);
        });

        it("applies it once every user has migrated, and again once the stack is in the finish phase, then without reading AWS", async () => {
            const users = (await cognito.send(new ListUsersCommand({ UserPoolId: pools.fromPoolId, Filter: "username = \"bob\"" }))).Users!;
            const bobSub = users[0].Attributes!.find((attribute) => attribute.Name === "sub")!.Value!;
            await createUser(pools.toPoolId, "bob", { "custom:legacy_sub": bobSub });
            deployed("cutover");
            assert.strictEqual((await run("up", "--stack", "prod")).exitCode, 0);
            assert.strictEqual(pulumi.calls().at(-1)!.args[0], "up");

            deployed("finish");
            const callsBefore = local.calls.length;
            assert.strictEqual((await run("up", "--stack", "prod")).exitCode, 0);
            assert.deepStrictEqual(local.calls.slice(callsBefore), [], "the trigger is gone already: nothing to count");
        });

        it("refuses a stack that never deployed its successor: the finish phase would build the new pool without the trigger", async () => {
            deployed(undefined);

            const { exitCode, stderr } = await run("up", "--stack", "prod");

            assert.strictEqual(exitCode, 1);
            assert.match(stderr, /^refused: stack prod has not deployed its successor pool: the finish phase would build it without the trigger/);
        });

        it("checks nothing for a preview, and refuses --users-remain-ok there (exit 2)", async () => {
            deployed("cutover");

            assert.strictEqual((await run("preview", "--stack", "prod")).exitCode, 0);
            const flagged = await run("preview", "--stack", "prod", "--users-remain-ok");
            assert.strictEqual(flagged.exitCode, 2);
            assert.match(flagged.stderr, /^error: --users-remain-ok is for npm run up \(it applies the finish phase\); a preview applies nothing\n/);
            assert.ok(!pulumi.calls().some((call) => call.args[0] === "stack" && call.args[1] === "output"), "no migration read");
        });
    });

    it("needs the CLI version the program and the pack pin their SDK at", () => {
        const pinned = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), "utf8")).dependencies["@pulumi/pulumi"];
        assert.strictEqual(pinned("package.json"), minimumPulumiCliVersion);
        assert.strictEqual(pinned("policy-pack/package.json"), minimumPulumiCliVersion);
    });
});
