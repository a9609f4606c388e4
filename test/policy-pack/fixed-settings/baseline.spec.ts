import * as assert from "assert";
import { BASELINE_JSON_SCHEMA } from "../../../policy-pack/src/policy-config";
import { Baseline, BaselineError, baselineFromStateExport, parseBaseline } from "../../../policy-pack/src/fixed-settings";
import { clientUrn, poolUrn } from "../support/args";
import { stateExport } from "../support/fixtures";

function seed(): Baseline {
    return JSON.parse(JSON.stringify(baselineFromStateExport(stateExport(), { capturedAt: "2026-11-26T07:00:00.000Z" })));
}

function problemsOf(value: unknown): string[] {
    try {
        parseBaseline(value);
    } catch (e) {
        assert.ok(e instanceof BaselineError, String(e));
        return e.problems;
    }
    assert.fail("expected a BaselineError");
}

describe("fixed-settings: baseline format", () => {
    it("accepts the documented format and returns it normalised", () => {
        const b = seed();
        assert.deepStrictEqual(parseBaseline(b), b);
        b.userPools[poolUrn()].aliasAttributes = ["preferred_username", "email"];
        assert.deepStrictEqual(parseBaseline(b).userPools[poolUrn()].aliasAttributes, ["email", "preferred_username"]);
    });

    it("accepts a first deployment's empty baseline, and one written before groups, resource servers, domains, branding styles and identity providers were recorded (none)", () => {
        const b = { source: "aws", stack: "prod", capturedAt: "2026-11-26T07:00:00.000Z", userPools: {}, clients: {}, emailIdentities: {} };
        const none = { groups: {}, resourceServers: {}, domains: {}, brandings: {}, identityProviders: {} };
        assert.deepStrictEqual(parseBaseline(b), { ...b, ...none });
        assert.deepStrictEqual(parseBaseline({ ...b, groups: {}, resourceServers: {} }), { ...b, ...none });
    });

    it("wants a branding style's client among its clients", () => {
        const b = { source: "aws", stack: "prod", capturedAt: "2026-11-26T07:00:00.000Z", userPools: {}, clients: {}, emailIdentities: {},
            brandings: { "urn:b": { id: "p,06c6ae7b-1e66-46d2-87a9-1203ea3307bd", region: "eu-west-1", client: "urn:gone", userPool: "urn:nowhere" } } };
        assert.throws(() => parseBaseline(b), (error: Error) => /baseline\.brandings\["urn:b"\]\.client: "urn:gone" is not a key of clients/.test(error.message) &&
            /baseline\.brandings\["urn:b"\]\.userPool: "urn:nowhere" is not a key of userPools/.test(error.message));
    });

    it("wants a group's and a resource server's pool among its userPools", () => {
        const b = { source: "aws", stack: "prod", capturedAt: "2026-11-26T07:00:00.000Z", userPools: {}, clients: {}, emailIdentities: {},
            groups: { "urn:g": { id: "p/admins", region: "eu-west-1", name: "admins", userPool: "urn:nowhere" } } };
        assert.throws(() => parseBaseline(b), /baseline\.groups\["urn:g"\]\.userPool: "urn:nowhere" is not a key of userPools/);
    });

    it("reports every problem at once, each naming its key", () => {
        const b = seed() as any;
        b.source = "terraform";
        delete b.stack;
        b.userPools[poolUrn()].caseSensitive = "no";
        b.userPools[poolUrn()].usernameAttributes = ["emial"];
        b.userPools[poolUrn()].attributes[0].dataType = "Text";
        b.userPools[poolUrn()].attributes[1].constraints.string.maxLength = "2048";
        b.clients[clientUrn()].generateSecret = 0;
        const problems = problemsOf(b);
        const p = `baseline.userPools[${JSON.stringify(poolUrn())}]`;
        assert.deepStrictEqual(problems, [
            'baseline.source: expected one of "pulumi-state", "aws", got "terraform"',
            "baseline.stack: missing",
            `${p}.usernameAttributes[0]: expected one of "email", "phone_number", got "emial"`,
            `${p}.attributes[0].dataType: expected one of "String", "Number", "DateTime", "Boolean", got "Text"`,
            `${p}.attributes[1].constraints.string.maxLength: expected a number, got "2048"`,
            `${p}.caseSensitive: expected true or false, got "no"`,
            `baseline.clients[${JSON.stringify(clientUrn())}].generateSecret: expected true or false, got number 0`,
        ]);
    });

    it("rejects unknown keys (typos), keys that are not URNs, clients of unknown pools, bad names", () => {
        const b = seed() as any;
        b.userPools[poolUrn()].caseSensitve = false;
        b.userPools["auth-pool"] = b.userPools[poolUrn()];
        b.clients[clientUrn()].userPool = "urn:pulumi:dev::x::y::z";
        b.userPools[poolUrn()].attributes[0].name = "tenant_id";
        const problems = problemsOf(b).join("\n");
        assert.match(problems, /\.caseSensitve: unknown key \(expected id, region, name, tier, threatProtection, usernameAttributes, aliasAttributes, attributes, caseSensitive, relyingPartyId\)/);
        assert.match(problems, /baseline\.userPools\["auth-pool"\]: key is not a Pulumi URN/);
        assert.match(problems, /\.userPool: "urn:pulumi:dev::x::y::z" is not a key of userPools/);
        assert.match(problems, /attributes\[0\]\.name: "tenant_id" is neither a standard attribute nor "custom:<name>" \(did you mean "custom:tenant_id"\?\)/);
    });

    it("checks the value under a key that is not a URN too", () => {
        const b = seed() as any;
        b.userPools["auth-pool"] = { ...b.userPools[poolUrn()], caseSensitive: "no" };
        assert.deepStrictEqual(problemsOf(b), [
            'baseline.userPools["auth-pool"]: key is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)',
            'baseline.userPools["auth-pool"].caseSensitive: expected true or false, got "no"',
        ]);
    });

    it("rejects custom attribute names Cognito refuses, and a name given twice", () => {
        const b = seed() as any;
        const attributes = b.userPools[poolUrn()].attributes;
        const [first, second] = attributes;
        attributes.push({ ...second }, { ...second, name: `custom:${"x".repeat(21)}` });
        first.name = "custom:";
        const p = `baseline.userPools[${JSON.stringify(poolUrn())}].attributes`;
        assert.deepStrictEqual(problemsOf(b), [
            `${p}[0].name: a custom attribute name has 1 to 20 characters after "custom:"`,
            `${p}[3].name: a custom attribute name has 1 to 20 characters after "custom:"`,
            `${p}[2].name: "${second.name}" appears twice`,
        ]);
    });

    it("rejects a pool with both usernameAttributes and aliasAttributes, and a non-date capturedAt", () => {
        const b = seed() as any;
        b.userPools[poolUrn()].usernameAttributes = ["email"];
        b.userPools[poolUrn()].aliasAttributes = ["preferred_username"];
        b.capturedAt = "yesterday";
        const problems = problemsOf(b).join("\n");
        assert.match(problems, /usernameAttributes and aliasAttributes cannot both be set/);
        assert.match(problems, /baseline\.capturedAt: not an ISO 8601 time: "yesterday"/);
    });

    it("rejects what is not an object, naming the place given", () => {
        assert.throws(() => parseBaseline([], 'policy config "x".baseline'), /policy config "x"\.baseline: expected an object, got a list/);
    });

    it("is checked against the same shape the policies declare as their config's JSON schema", () => {
        const schema = BASELINE_JSON_SCHEMA as any;
        assert.deepStrictEqual(schema.required, ["source", "stack", "capturedAt", "userPools", "clients", "emailIdentities"]);
        const pool = schema.properties.userPools.additionalProperties;
        assert.deepStrictEqual(pool.required, ["id", "region", "name", "usernameAttributes", "aliasAttributes", "attributes"]);
        assert.deepStrictEqual(pool.properties.caseSensitive.type, "boolean");
        assert.strictEqual(pool.additionalProperties, false);
        assert.deepStrictEqual(pool.properties.attributes.items.properties.dataType.enum, ["String", "Number", "DateTime", "Boolean"]);
        const client = schema.properties.clients.additionalProperties;
        assert.deepStrictEqual(client.required, ["id", "region", "name", "userPool"]);
        assert.deepStrictEqual(client.properties.generateSecret.type, "boolean", "absent: null in the provider's state");
        assert.deepStrictEqual(schema.properties.emailIdentities.propertyNames, { type: "string", pattern: "^urn:pulumi:" });
    });
});
