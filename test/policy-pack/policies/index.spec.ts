import * as assert from "assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { baselineFromAws, policyConfigFor } from "../../../policy-pack/src";
import { allPolicies } from "../../../policy-pack/src/policies";
import {
    CLIENT_TYPE,
    POOL_TYPE,
    UNKNOWN_ARRAY,
    UNKNOWN_BOOLEAN,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    clientArgs,
    clientUrn,
    poolArgs,
    poolUrn,
    stackArgs,
    stackViolations,
    violations,
} from "../support/args";
import { seedBaseline } from "../support/baseline";
import { clientProps, describeUserPool, describeUserPoolClient, poolProps } from "../support/fixtures";

/** One policy's entry of a config file, as args.getConfig() hands it over. */
function entryOf(file: ReturnType<typeof policyConfigFor>, name: string): Record<string, unknown> {
    return { ...(file as unknown as Record<string, Record<string, unknown>>)[name] };
}

const resourcePolicies = allPolicies.filter((p): p is ResourceValidationPolicy => "validateResource" in p);
const stackPolicies = allPolicies.filter((p): p is StackValidationPolicy => "validateStack" in p);

/** Every top-level input replaced by the engine's unknown sentinel of its kind. */
function allUnknown(props: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(props).map(([k, v]) => [
            k,
            Array.isArray(v) ? UNKNOWN_ARRAY : typeof v === "boolean" ? UNKNOWN_BOOLEAN : typeof v === "object" && v !== null ? UNKNOWN_OBJECT : UNKNOWN_STRING,
        ]),
    );
}

describe("the pack's policies together", () => {
    it("never throw on inputs unknown during preview, in any stack", async () => {
        for (const stack of ["dev", "prod"]) {
            const config = policyConfigFor(seedBaseline(stack));
            for (const p of resourcePolicies) {
                const cfg = entryOf(config, p.name);
                const more = { stack, config: cfg, opts: { protect: true } };
                assert.deepStrictEqual(await violations(p, poolArgs(allUnknown(poolProps(stack)), more)), [], `${p.name} on a pool in ${stack}`);
                assert.deepStrictEqual(await violations(p, clientArgs(allUnknown(clientProps()), more)), [], `${p.name} on a client in ${stack}`);
            }
        }
    });

    it("pass the seed's deployed dev stack with its baseline", async () => {
        const config = policyConfigFor(seedBaseline("dev"));
        for (const p of resourcePolicies) {
            const cfg = entryOf(config, p.name);
            assert.deepStrictEqual(await violations(p, poolArgs(poolProps(), { config: cfg })), [], p.name);
            assert.deepStrictEqual(await violations(p, clientArgs(clientProps(), { config: cfg })), [], p.name);
        }
        for (const p of stackPolicies) {
            const cfg = entryOf(config, p.name);
            const args = stackArgs(
                "dev",
                [
                    { type: POOL_TYPE, name: "auth-pool", props: poolProps() },
                    { type: CLIENT_TYPE, name: "auth-client-web", props: clientProps() },
                ],
                cfg,
            );
            assert.deepStrictEqual(await stackViolations(p, args), [], p.name);
        }
    });

    it("never put a client secret in the baseline, the config file or a message", async () => {
        const baseline = baselineFromAws({
            stack: "dev",
            pools: [{ urn: poolUrn(), region: "eu-west-1", describeUserPool: describeUserPool(), clients: [{ urn: clientUrn(), describeUserPoolClient: describeUserPoolClient(true) }] }],
        });
        const config = policyConfigFor(baseline);
        assert.ok(!JSON.stringify(config).includes("s3cr3t"));
        const messages: string[] = [];
        for (const p of resourcePolicies) {
            const cfg = entryOf(config, p.name);
            messages.push(...(await violations(p, clientArgs(clientProps({ generateSecret: false, clientSecret: "s3cr3t-value" }), { config: cfg }))));
        }
        assert.ok(messages.length > 0);
        assert.ok(messages.every(m => !m.includes("s3cr3t")));
    });
});
