import * as assert from "assert";
import { findOwnBaselines, pulumiCliExporter } from "../../policy-pack/src/own-baseline";
import { allPolicies, baselineOfThisStack, clientNotRemoved, signInOptionsUnchanged } from "../../policy-pack/src/policies";
import { FakePulumi, withoutPulumiOnPath } from "../aws/support/fake-pulumi";
import { setEnvironment } from "../aws/support/local-aws";
import { CLIENT_TYPE, POOL_TYPE, clientArgs, poolArgs, stackArgs, stackViolations, violations } from "./support/args";
import { withBaseline } from "./support/baseline";
import { clientProps, poolProps, stateExport } from "./support/fixtures";

describe("the pack's own baseline (own-baseline.ts): given none, the stack's deployed state through the Pulumi CLI", function () {
    this.timeout(20_000);
    const dev = "organization/cognito-user-pool/dev";
    const changedSignIn = () => poolArgs(poolProps("dev", { usernameAttributes: ["email"] }), { config: {} });
    const noBaseline = { config: {} };
    let pulumi: FakePulumi;
    const undo: (() => void)[] = [];

    beforeEach(() => {
        pulumi = new FakePulumi();
        undo.push(pulumi.onPath(), setEnvironment({ PULUMI_NODEJS_ORGANIZATION: "organization", PULUMI_BACKEND_URL: undefined, PULUMI_API: undefined }),
            findOwnBaselines(pulumiCliExporter()));
    });

    afterEach(() => {
        undo.splice(0).reverse().forEach((step) => step());
        pulumi.remove();
    });

    const exports = () => pulumi.calls().filter((call) => call.args[0] === "stack");

    it("reads `pulumi stack export --stack <organization/project/stack>` once, and judges as with that baseline in the config", async () => {
        pulumi.stateOf(dev, stateExport("dev"));

        const found = await violations(signInOptionsUnchanged, changedSignIn());
        const configured = await violations(signInOptionsUnchanged, poolArgs(poolProps("dev", { usernameAttributes: ["email"] }), withBaseline()));
        for (const policy of allPolicies.filter((p) => "validateResource" in p)) {
            assert.deepStrictEqual(await violations(policy as never, poolArgs(poolProps(), noBaseline)), [], policy.name);
            assert.deepStrictEqual(await violations(policy as never, clientArgs(clientProps(), noBaseline)), [], policy.name);
        }
        const withoutClient = stackArgs("dev", [{ type: POOL_TYPE, name: "auth-pool", props: poolProps() }]);

        assert.strictEqual(found.length, 1);
        assert.deepStrictEqual(found, configured);
        assert.strictEqual((await stackViolations(clientNotRemoved, withoutClient)).length, 1, "the deployed client is known");
        assert.deepStrictEqual(exports().map((call) => call.args), [["stack", "export", "--stack", dev]]);
    });

    it("takes a stack with no deployment for a first deployment: the fixed-settings policies pass", async () => {
        pulumi.stateOf(dev, { version: 3, deployment: null });

        assert.deepStrictEqual(await violations(signInOptionsUnchanged, changedSignIn()), []);
        assert.deepStrictEqual(await stackViolations(baselineOfThisStack, stackArgs("dev", [{ type: CLIENT_TYPE, name: "auth-client-web" }])), []);
    });

    it("fails closed on a stack the CLI does not find: each resource's mandatory policy says so, and the stack policy once", async () => {
        const [message, ...rest] = await violations(signInOptionsUnchanged, changedSignIn());
        const stack = await stackViolations(baselineOfThisStack, stackArgs("dev", [{ type: POOL_TYPE, name: "auth-pool", props: poolProps() }]));

        assert.deepStrictEqual(rest, []);
        assert.match(message, /^UserPool "auth-pool" \(urn:pulumi:dev::.*\): cannot be compared with what this stack has deployed, so it is not let through \(fail closed\): /);
        assert.match(message, /`pulumi stack export --stack organization\/cognito-user-pool\/dev` failed \(exit 255\): error: no stack named 'organization\/cognito-user-pool\/dev' found \(the engine is deploying this stack, so the CLI the pack ran reads another backend/);
        assert.match(message, /pass the stack's baseline in the policy config \(npm run baseline -- --stack <stack>/);
        assert.deepStrictEqual(stack.map((v) => v.message.split(":")[0]), ["stack dev"]);
        assert.strictEqual(exports().length, 1, "read once for both");
    });

    it("fails closed on a failing read, naming the CLI's error, for a deployed pool as for an unchanged one", async () => {
        pulumi.failsToRead(dev, "error: [403] Forbidden: this access token cannot read stack organization/cognito-user-pool/dev\n");

        const changed = await violations(signInOptionsUnchanged, changedSignIn());
        const unchanged = await violations(signInOptionsUnchanged, poolArgs(poolProps(), noBaseline));

        assert.strictEqual(changed.length, 1);
        assert.deepStrictEqual(unchanged, changed);
        assert.match(changed[0], /failed \(exit 255\): error: \[403\] Forbidden: this access token cannot read stack/);
    });

    it("fails closed on a state it cannot read as a baseline, and on output that is not JSON", async () => {
        const broken = stateExport("dev");
        broken.deployment.resources.find((r: { type: string }) => r.type === POOL_TYPE).outputs.usernameAttributes =
            { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "AAAA" };
        pulumi.stateOf(dev, broken);
        const [encrypted] = await violations(signInOptionsUnchanged, changedSignIn());
        assert.match(encrypted, /the state of stack organization\/cognito-user-pool\/dev cannot be read as a baseline: .*usernameAttributes is an encrypted secret/);

        undo.push(findOwnBaselines(async () => "not json"));
        const [garbled] = await violations(signInOptionsUnchanged, changedSignIn());
        assert.match(garbled, /printed something other than JSON/);
    });

    it("fails closed when no Pulumi CLI is on the PATH the engine gave it", async () => {
        undo.push(withoutPulumiOnPath(), findOwnBaselines(pulumiCliExporter()));

        const [message] = await violations(signInOptionsUnchanged, changedSignIn());

        assert.match(message, /could not run: the Pulumi CLI \(pulumi\) is not on the PATH the engine gave the pack/);
    });

    it("reads from the backend the deploying CLI chose: PULUMI_API, set by the engine for a Pulumi Cloud login, as PULUMI_BACKEND_URL", async () => {
        pulumi.stateOf(dev, stateExport("dev"));
        undo.push(findOwnBaselines(pulumiCliExporter({ ...process.env, PULUMI_API: "https://api.pulumi.example" })));

        await violations(signInOptionsUnchanged, changedSignIn());

        assert.deepStrictEqual(exports().map((call) => call.backendUrl), ["https://api.pulumi.example"]);
    });

    it("is off unless turned on: the library's policies take no baseline for a first deployment and run no CLI", async () => {
        undo.splice(2, 1)[0]();

        assert.deepStrictEqual(await violations(signInOptionsUnchanged, changedSignIn()), []);
        assert.deepStrictEqual(pulumi.calls(), []);
    });
});
