import * as assert from "assert";
import type { Policies, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import type { RegisteredResource } from "../../offline/evaluate";
import { hasMandatoryViolation, runPolicies } from "../../offline/run-policies";

const componentUrn = "urn:pulumi:dev::proj::cognito-user-pool:index:SignInBackend::auth";
const poolUrn = "urn:pulumi:dev::proj::cognito-user-pool:index:SignInBackend$aws:cognito/userPool:UserPool::auth-pool";

function resource(type: string, name: string, urn: string, extra: Partial<RegisteredResource> = {}): RegisteredResource {
    return { urn, type, name, custom: true, inputs: {}, protect: false, retainOnDelete: false, ...extra };
}

const component = resource("cognito-user-pool:index:SignInBackend", "auth", componentUrn, { custom: false });
const pool = resource("aws:cognito/userPool:UserPool", "auth-pool", poolUrn, {
    parent: componentUrn, protect: true, retainOnDelete: true, inputs: { name: "myapp-dev", mfaConfiguration: "OFF" },
});
const resources = [component, pool];

/** A resource policy that reports every pool it sees, and records the args it was given. */
function poolReporter(seen: ResourceValidationArgs[] = [], extra: object = {}): Policies[number] {
    return {
        name: "reports-pools",
        description: "reports every pool",
        enforcementLevel: "mandatory",
        validateResource: (args, report) => {
            seen.push(args);
            if (args.type === "aws:cognito/userPool:UserPool") {
                report(`pool ${args.props.name}`);
            }
        },
        ...extra,
    };
}

describe("runPolicies: the pack's policies run in-process as the engine runs them", () => {
    it("calls validateResource once per resource with the engine's args: type, inputs as props, urn, name, options", async () => {
        const seen: ResourceValidationArgs[] = [];
        await runPolicies([poolReporter(seen)], resources, {});
        assert.deepStrictEqual(seen.map((args) => args.name), ["auth", "auth-pool"]);
        const args = seen[1];
        assert.strictEqual(args.type, "aws:cognito/userPool:UserPool");
        assert.strictEqual(args.urn, poolUrn);
        assert.deepStrictEqual(args.props, { name: "myapp-dev", mfaConfiguration: "OFF" });
        assert.strictEqual(args.opts.protect, true);
        assert.strictEqual(args.opts.parent, componentUrn);
        assert.deepStrictEqual(args.opts.aliases, []);
        assert.deepStrictEqual(args.opts.customTimeouts, { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 });
        assert.strictEqual(args.stackTags.size, 0);
        assert.strictEqual(args.isType({ __pulumiType: "aws:cognito/userPool:UserPool" } as any), true);
    });

    it("reports each violation with the policy, its level, the resource's URN and the message", async () => {
        const [verdict] = await runPolicies([poolReporter()], resources, {});
        assert.strictEqual(verdict.outcome, "violated");
        assert.deepStrictEqual(verdict.violations, [
            { policyName: "reports-pools", enforcementLevel: "mandatory", urn: poolUrn, message: "pool myapp-dev" },
        ]);
    });

    it("takes the level from the config file's entry, else from `all`, else the policy's, else advisory", async () => {
        const withoutLevel = { ...poolReporter(), enforcementLevel: undefined };
        const level = async (policy: Policies[number], file: Record<string, any>) =>
            (await runPolicies([policy], resources, file))[0].enforcementLevel;
        assert.strictEqual(await level(poolReporter(), { "reports-pools": { enforcementLevel: "advisory" } }), "advisory");
        assert.strictEqual(await level(poolReporter(), { "reports-pools": "advisory" }), "advisory");
        assert.strictEqual(await level(poolReporter(), { all: "advisory" }), "advisory");
        assert.strictEqual(await level(poolReporter(), { all: "advisory", "reports-pools": "mandatory" }), "mandatory");
        assert.strictEqual(await level(poolReporter(), {}), "mandatory");
        assert.strictEqual(await level(withoutLevel, {}), "advisory");
    });

    it("holds a remediate policy that only validates to mandatory, and does not run a disabled one", async () => {
        const seen: ResourceValidationArgs[] = [];
        const [remediated] = await runPolicies([poolReporter()], resources, { "reports-pools": "remediate" });
        assert.strictEqual(remediated.violations[0].enforcementLevel, "mandatory");
        const [disabled] = await runPolicies([poolReporter(seen)], resources, { "reports-pools": "disabled" });
        assert.strictEqual(disabled.outcome, "disabled");
        assert.strictEqual(seen.length, 0);
    });

    it("hands getConfig() the entry's properties over the schema's defaults, without the level", async () => {
        const configs: unknown[] = [];
        const policy = poolReporter([], {
            configSchema: { properties: { protectedStacks: { type: "array", default: ["staging", "prod"] }, baseline: { type: "object" } } },
            validateResource: (args: ResourceValidationArgs) => { configs.push(args.getConfig()); },
        });
        await runPolicies([policy], [pool], { "reports-pools": { enforcementLevel: "mandatory", baseline: { stack: "dev" } } });
        await runPolicies([policy], [pool], {});
        assert.deepStrictEqual(configs, [
            { protectedStacks: ["staging", "prod"], baseline: { stack: "dev" } },
            { protectedStacks: ["staging", "prod"] },
        ]);
    });

    it("skips resources of other types for a validation declared for one type, and says so when none is left", async () => {
        const seen: string[] = [];
        const ofType = Object.assign((args: ResourceValidationArgs) => { seen.push(args.name); },
            { __pulumiType: "aws:cognito/userPoolClient:UserPoolClient" });
        const [verdict] = await runPolicies([{ name: "clients-only", description: "", validateResource: ofType }], resources, {});
        assert.deepStrictEqual(seen, []);
        assert.strictEqual(verdict.outcome, "notApplicable");
    });

    it("counts a policy that calls notApplicable() for every resource as not applicable", async () => {
        const policy: Policies[number] = {
            name: "never-applies", description: "", enforcementLevel: "mandatory",
            validateResource: (args) => args.notApplicable("not a pool"),
        };
        const [verdict] = await runPolicies([policy], resources, {});
        assert.strictEqual(verdict.outcome, "notApplicable");
    });

    it("calls validateStack once with every resource, parents linked, and passes when nothing is reported", async () => {
        const seen: StackValidationArgs[] = [];
        const policy: Policies[number] = {
            name: "stack-wide", description: "", enforcementLevel: "mandatory",
            validateStack: (args) => { seen.push(args); },
        };
        const [verdict] = await runPolicies([policy], resources, {});
        assert.strictEqual(verdict.outcome, "passed");
        assert.strictEqual(seen.length, 1);
        const [first, second] = seen[0].resources;
        assert.deepStrictEqual([first.name, second.name], ["auth", "auth-pool"]);
        assert.strictEqual(second.parent, first);
        assert.strictEqual(second.opts.protect, true);
    });

    it("reports a stack-wide violation without a URN unless the policy names one", async () => {
        const policy: Policies[number] = {
            name: "stack-wide", description: "", enforcementLevel: "mandatory",
            validateStack: (_args, report) => { report("gone"); report("this one", poolUrn); },
        };
        const [verdict] = await runPolicies([policy], resources, {});
        assert.deepStrictEqual(verdict.violations.map((violation) => violation.urn), [undefined, poolUrn]);
    });

    it("hands props behind the framework's unknown-checking proxy: reading a value unknown during preview is an advisory can't-run", async () => {
        const unknownString = require("@pulumi/policy/proxy").unknownStringValue as string;
        const previewed = { ...pool, inputs: { name: unknownString, mfaConfiguration: "OFF" } };
        const [verdict] = await runPolicies([poolReporter()], [component, previewed], {});
        assert.deepStrictEqual(verdict.violations.map(({ enforcementLevel, urn, message }) => [enforcementLevel, urn, message.split(":")[0]]),
            [["advisory", poolUrn, "can't run policy 'reports-pools' during preview"]]);
        assert.strictEqual(hasMandatoryViolation([verdict]), false);
    });

    it("lets any other error from a policy through, as the engine fails the preview", async () => {
        const policy = poolReporter([], { validateResource: () => { throw new Error("broken policy"); } });
        await assert.rejects(runPolicies([policy], resources, {}), /broken policy/);
    });

    it("tells a mandatory violation from advisory ones", async () => {
        assert.strictEqual(hasMandatoryViolation(await runPolicies([poolReporter()], resources, {})), true);
        assert.strictEqual(hasMandatoryViolation(await runPolicies([poolReporter()], resources, { all: "advisory" })), false);
    });
});
