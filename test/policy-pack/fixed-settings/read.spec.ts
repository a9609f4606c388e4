import * as assert from "assert";
import {
    BaselineUserPool,
    FixedSettingsReadError,
    UNKNOWN,
    baselineFromAws,
    baselineFromStateExport,
    clientFromDescribeUserPoolClient,
    clientSettingsFromProps,
    poolChanges,
    poolFromDescribeUserPool,
    poolSettingsFromProps,
    requireKnownPool,
} from "../../../policy-pack/src/fixed-settings";
import { UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, UNKNOWN_STRING, clientUrn, identityUrn, poolArgs, poolUrn } from "../support/args";
import {
    CLIENT_ID,
    POOL_ID,
    REGION,
    clientProps,
    describeUserPool,
    describeUserPoolClient,
    poolProps,
    stateExport,
} from "../support/fixtures";

const CAPTURED = "2026-11-26T07:00:00.000Z";

const expectedPool: BaselineUserPool = {
    id: POOL_ID,
    region: REGION,
    name: "myapp-dev",
    usernameAttributes: [],
    aliasAttributes: [],
    caseSensitive: false,
    attributes: [
        {
            name: "custom:tenant_id",
            dataType: "String",
            required: false,
            mutable: true,
            developerOnly: false,
            constraints: { string: { minLength: 1, maxLength: 64 } },
        },
        { name: "email", dataType: "String", required: true, mutable: true, developerOnly: false, constraints: { string: { minLength: 0, maxLength: 2048 } } },
    ],
};

describe("fixed-settings: reading the same pool from props, state export and DescribeUserPool", () => {
    it("gives the same pool settings from all three sources", () => {
        const fromProps = requireKnownPool(poolSettingsFromProps(poolProps()), "props");
        const fromState = baselineFromStateExport(stateExport(), { stack: "dev", capturedAt: CAPTURED });
        const fromAws = poolFromDescribeUserPool(describeUserPool());
        assert.deepStrictEqual({ id: POOL_ID, region: REGION, ...fromProps }, expectedPool);
        assert.deepStrictEqual(fromState.userPools[poolUrn()], expectedPool);
        assert.deepStrictEqual({ ...fromAws, region: REGION }, expectedPool);
    });

    it("gives equal baselines from the state export and from AWS, but for generateSecret, which an import leaves null", () => {
        const fromState = baselineFromStateExport(stateExport(), { capturedAt: CAPTURED });
        const fromAws = baselineFromAws({
            stack: "dev",
            capturedAt: CAPTURED,
            pools: [
                {
                    urn: poolUrn(),
                    region: REGION,
                    describeUserPool: describeUserPool(),
                    clients: [{ urn: clientUrn(), describeUserPoolClient: describeUserPoolClient() }],
                },
            ],
        });
        const { generateSecret: _created, ...imported } = fromState.clients[clientUrn()];
        assert.deepStrictEqual({ ...fromState, source: "aws", emailIdentities: {}, clients: { [clientUrn()]: imported } }, fromAws,
            "AWS reads no SES identity, and no generate_secret (user_pool_client.go Read never sets it)");
        assert.deepStrictEqual(fromState, {
            source: "pulumi-state",
            stack: "dev",
            capturedAt: CAPTURED,
            userPools: { [poolUrn()]: expectedPool },
            clients: { [clientUrn()]: { id: CLIENT_ID, region: REGION, name: "web", userPool: poolUrn(), generateSecret: false } },
            emailIdentities: { [identityUrn()]: { id: "no-reply@example.com", region: REGION } },
            groups: {},
            resourceServers: {},
            domains: {},
            brandings: {},
            identityProviders: {},
        });
    });

    it("reads the props a policy sees through the framework's proxy the same way", () => {
        const args = poolArgs(poolProps());
        assert.deepStrictEqual({ id: POOL_ID, region: REGION, ...requireKnownPool(poolSettingsFromProps(args.props), "props") }, expectedPool);
    });

    it("reads absent sign-in options as [] and an absent usernameConfiguration as absent, in every source", () => {
        const props = poolProps("dev", { usernameConfiguration: undefined, usernameAttributes: undefined });
        assert.strictEqual(requireKnownPool(poolSettingsFromProps(props), "p").caseSensitive, undefined);
        const aws = describeUserPool();
        delete aws.UserPool.UsernameConfiguration;
        assert.ok(!("caseSensitive" in poolFromDescribeUserPool(aws)));
        const state = stateExport();
        const pool = state.deployment.resources[3];
        delete pool.inputs.usernameConfiguration;
        pool.outputs.usernameConfiguration = null;
        assert.ok(!("caseSensitive" in JSON.parse(JSON.stringify(baselineFromStateExport(state).userPools[poolUrn()]))));
        assert.deepStrictEqual(baselineFromStateExport(state).userPools[poolUrn()].usernameAttributes, []);
    });

    it("prefers what the provider read (outputs) over inputs in a state export", () => {
        const state = stateExport();
        const pool = state.deployment.resources[3];
        delete pool.inputs.usernameConfiguration; // computed by the provider
        pool.outputs.usernameConfiguration = { caseSensitive: false };
        assert.strictEqual(baselineFromStateExport(state).userPools[poolUrn()].caseSensitive, false);
    });

    it("canonicalises attribute names: provider `x`, API `custom:x` and developer-only `dev:custom:x`", () => {
        const props = poolProps("dev", {
            schemas: [{ name: "secret_level", attributeDataType: "Number", mutable: true, developerOnlyAttribute: true, numberAttributeConstraints: { minValue: "1", maxValue: "5" } }],
        });
        const aws = describeUserPool();
        aws.UserPool.SchemaAttributes = [
            {
                Name: "dev:custom:secret_level",
                AttributeDataType: "Number",
                DeveloperOnlyAttribute: true,
                Mutable: true,
                Required: false,
                NumberAttributeConstraints: { MinValue: "1", MaxValue: "5" },
            },
        ];
        const expected = [
            { name: "custom:secret_level", dataType: "Number", required: false, mutable: true, developerOnly: true, constraints: { number: { minValue: 1, maxValue: 5 } } },
        ];
        assert.deepStrictEqual(requireKnownPool(poolSettingsFromProps(props), "p").attributes, expected);
        assert.deepStrictEqual(poolFromDescribeUserPool(aws).attributes, expected);
    });

    it("keeps every constraints block as the source has it, whatever the data type, an empty one included (resourceUserPoolSchemaHash)", () => {
        const schemas = [{ name: "score", attributeDataType: "Number", mutable: true, stringAttributeConstraints: { minLength: "1", maxLength: "3" },
            numberAttributeConstraints: {} }];
        const state = stateExport();
        state.deployment.resources[3].outputs.schemas = schemas;
        const aws = describeUserPool();
        aws.UserPool.SchemaAttributes = [{ Name: "custom:score", AttributeDataType: "Number", Mutable: true, Required: false,
            DeveloperOnlyAttribute: false, StringAttributeConstraints: { MinLength: "1", MaxLength: "3" }, NumberAttributeConstraints: {} }];
        const expected = [{ name: "custom:score", dataType: "Number", required: false, mutable: true, developerOnly: false,
            constraints: { string: { minLength: 1, maxLength: 3 }, number: {} } }];
        assert.deepStrictEqual(requireKnownPool(poolSettingsFromProps(poolProps("dev", { schemas })), "p").attributes, expected);
        assert.deepStrictEqual(baselineFromStateExport(state).userPools[poolUrn()].attributes, expected);
        assert.deepStrictEqual(poolFromDescribeUserPool(aws).attributes, expected);
    });

    it("reads what a schemas element leaves out as the provider sends it: no limits, and mutable, required, developer-only false", () => {
        const props = poolProps("dev", {
            schemas: [
                { name: "nick", attributeDataType: "String" },
                { name: "email", attributeDataType: "String", required: true, mutable: true },
            ],
        });
        const got = requireKnownPool(poolSettingsFromProps(props), "p").attributes;
        assert.deepStrictEqual(got.map(a => [a.name, a.mutable, a.required, a.developerOnly, a.constraints]), [
            ["custom:nick", false, false, false, {}],
            ["email", true, true, false, {}],
        ]);
    });

    it("so an element deployed with 0..2048 whose limits the program leaves out is a change the provider cannot apply", () => {
        const deployed = requireKnownPool(poolSettingsFromProps(poolProps()), "deployed");
        const next = poolProps("dev", {
            schemas: poolProps().schemas.map((s: Record<string, unknown>) => (s.name === "email" ? { ...s, stringAttributeConstraints: undefined } : s)),
        });
        assert.deepStrictEqual(poolChanges(deployed, poolSettingsFromProps(next)).map(c => c.setting), [
            "schemas[name=email].stringAttributeConstraints",
            "schemas[name=email].stringAttributeConstraints.minLength",
            "schemas[name=email].stringAttributeConstraints.maxLength",
        ]);
        const mutableLeftOut = poolProps("dev", {
            schemas: poolProps().schemas.map((s: Record<string, unknown>) => (s.name === "tenant_id" ? { ...s, mutable: undefined } : s)),
        });
        assert.deepStrictEqual(poolChanges(deployed, poolSettingsFromProps(mutableLeftOut)).map(c => [c.setting, c.deployed, c.proposed]), [
            ["schemas[name=tenant_id].mutable", true, false],
        ]);
    });

    it("keeps a standard attribute the program declares at Cognito's default; DescribeUserPool's undeclared ones are left out", () => {
        // user_pool.go flattenSchemaAttributeTypes: configured elements stay in state, unconfigured defaults do not.
        const givenName = { name: "given_name", attributeDataType: "String", mutable: true, required: false, stringAttributeConstraints: { minLength: "0", maxLength: "2048" } };
        assert.deepStrictEqual(requireKnownPool(poolSettingsFromProps(poolProps("dev", { schemas: [givenName] })), "p").attributes,
            [{ name: "given_name", dataType: "String", required: false, mutable: true, developerOnly: false, constraints: { string: { minLength: 0, maxLength: 2048 } } }]);
        const aws = describeUserPool();
        aws.UserPool.SchemaAttributes = [{ Name: "given_name", AttributeDataType: "String", Mutable: true, Required: false,
            DeveloperOnlyAttribute: false, StringAttributeConstraints: { MinLength: "0", MaxLength: "2048" } }];
        assert.deepStrictEqual(poolFromDescribeUserPool(aws).attributes, []);
    });

    it("sorts and de-duplicates sign-in lists and accepts camelCase spellings", () => {
        const read = poolSettingsFromProps(poolProps("dev", { aliasAttributes: ["preferredUsername", "email", "email"] }));
        assert.deepStrictEqual(read.aliasAttributes, ["email", "preferred_username"]);
    });

    it("marks settings unknown during preview as UNKNOWN, and keeps reading the others", () => {
        const args = poolArgs(poolProps("dev", { aliasAttributes: UNKNOWN_ARRAY, name: UNKNOWN_STRING }));
        const read = poolSettingsFromProps(args.props);
        assert.strictEqual(read.aliasAttributes, UNKNOWN);
        assert.strictEqual(read.name, UNKNOWN);
        assert.strictEqual(read.caseSensitive, false);
        assert.strictEqual((read.attributes as unknown[]).length, 2);
        assert.throws(() => requireKnownPool(read, "props"), /props: name, aliasAttributes not known/);
    });

    it("reads generateSecret as the provider's state holds it (null when not sent), none from AWS, and never keeps the secret", () => {
        assert.deepStrictEqual(clientSettingsFromProps(clientProps({ generateSecret: true })), {
            name: "web",
            generateSecret: true,
            userPoolId: POOL_ID,
        });
        assert.strictEqual(clientSettingsFromProps(clientProps({ generateSecret: undefined })).generateSecret, undefined);
        const fromAws = clientFromDescribeUserPoolClient(describeUserPoolClient(true), poolUrn());
        assert.deepStrictEqual(fromAws, { id: CLIENT_ID, name: "web", userPool: poolUrn() });
        assert.ok(!JSON.stringify(fromAws).includes("s3cr3t"));
        const state = baselineFromStateExport(stateExport());
        assert.ok(!JSON.stringify(state).includes("ciphertext"));
    });
});

describe("fixed-settings: state export edge cases", () => {
    it("skips resources pending deletion, and refuses a client of a pool outside the stack (it could not be judged)", () => {
        const state = stateExport();
        state.deployment.resources.push({
            ...state.deployment.resources[3],
            urn: poolUrn("dev", "old-pool"),
            id: "eu-west-1_Old",
            delete: true,
        });
        state.deployment.resources[4].inputs.userPoolId = "eu-west-1_Elsewhere";
        state.deployment.resources[4].outputs.userPoolId = "eu-west-1_Elsewhere";
        assert.throws(() => baselineFromStateExport(state), (e: Error) =>
            e instanceof FixedSettingsReadError && e.message.includes(`${clientUrn()}.userPoolId: "eu-west-1_Elsewhere" is not the id of a user pool in this stack`));
        state.deployment.resources.splice(4, 1);
        assert.deepStrictEqual(Object.keys(baselineFromStateExport(state).userPools), [poolUrn()]);
    });

    it("reads a fixed setting kept as a secret when exported with --show-secrets", () => {
        const state = stateExport();
        state.deployment.resources[3].outputs.name = {
            "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
            plaintext: JSON.stringify("myapp-dev"),
        };
        assert.strictEqual(baselineFromStateExport(state).userPools[poolUrn()].name, "myapp-dev");
    });

    it("names the resource and key of an encrypted fixed setting, without its value", () => {
        const state = stateExport();
        const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:TOPSECRET" };
        state.deployment.resources[3].outputs.name = secret;
        state.deployment.resources[3].inputs.name = secret;
        assert.throws(
            () => baselineFromStateExport(state),
            (e: Error) => e.message.includes(`${poolUrn()}.name is an encrypted secret`) && !e.message.includes("TOPSECRET"),
        );
    });

    it("names the resource and key of a --show-secrets plaintext that is not JSON, without its value", () => {
        const state = stateExport();
        state.deployment.resources[3].outputs.name = {
            "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
            plaintext: "myapp-dev (not JSON)",
        };
        assert.throws(
            () => baselineFromStateExport(state),
            (e: Error) => e instanceof FixedSettingsReadError && !e.message.includes("myapp-dev") &&
                e.message.includes(`${poolUrn()}.name is a secret whose plaintext in the state export is not JSON`),
        );
    });

    it("reads a version-4 export (pulumi v3.248.0: the version-3 document plus the features it uses) as version 3", () => {
        const v4 = stateExport();
        v4.version = 4;
        (v4 as Record<string, unknown>).features = ["hooks", "refreshBeforeUpdate"];
        (v4.deployment.resources[3] as Record<string, unknown>).refreshBeforeUpdate = true;
        (v4.deployment.resources[3] as Record<string, unknown>).resourceHooks = { beforeUpdate: ["notify"] };
        const options = { stack: "dev", capturedAt: CAPTURED };
        assert.deepStrictEqual(baselineFromStateExport(v4, options), baselineFromStateExport(stateExport(), options));
    });

    it("refuses a version-4 export with a feature it does not know, and a tainted guarded resource, naming them", () => {
        const future = { ...stateExport(), version: 4, features: ["views", "teleport"] };
        assert.throws(() => baselineFromStateExport(future), /state export.features: "teleport" unknown to this reader/);
        const tainted = stateExport();
        tainted.version = 4;
        (tainted as Record<string, unknown>).features = ["taint"];
        (tainted.deployment.resources[3] as Record<string, unknown>).taint = true;
        assert.throws(() => baselineFromStateExport(tainted), (e: Error) => e.message.includes(`${poolUrn()} is tainted`));
    });

    it("gives clear errors for a wrong version, a wrong stack, a pool without id", () => {
        assert.throws(() => baselineFromStateExport({ version: 2, deployment: {} }), /state export.version: expected 3 or 4/);
        assert.throws(() => baselineFromStateExport({ version: 5, deployment: {} }), /state export.version: expected 3 or 4/);
        assert.throws(() => baselineFromStateExport(stateExport("dev"), { stack: "prod" }), /state of stack "dev", not "prod"/);
        const state = stateExport();
        delete state.deployment.resources[3].id;
        assert.throws(() => baselineFromStateExport(state), /auth-pool\.id: expected the pool's id/);
        assert.throws(() => baselineFromStateExport("nope"), /state export: expected a JSON object/);
    });

    it("names the resource and key of a malformed setting", () => {
        const state = stateExport();
        state.deployment.resources[3].outputs.schemas[0].attributeDataType = "Text";
        assert.throws(() => baselineFromStateExport(state), /auth-pool\.schemas\[0\]\.dataType: expected one of String, Number, DateTime, Boolean, got "Text"/);
    });
});

describe("fixed-settings: the region a state export records", () => {
    const regionsOf = (state: Record<string, any>) => {
        const b = baselineFromStateExport(state);
        return [b.userPools[poolUrn()].region, b.clients[clientUrn()].region, b.emailIdentities[identityUrn()].region];
    };
    const withoutRegions = () => {
        const state = stateExport();
        for (const r of state.deployment.resources) {
            if (r.outputs) delete r.outputs.region;
        }
        return state;
    };

    it("takes each resource's own region output first", () => {
        const state = stateExport();
        state.deployment.resources[4].outputs.region = "ap-south-1";
        assert.deepStrictEqual(regionsOf(state), [REGION, "ap-south-1", REGION]);
    });

    it("falls back to the provider's region input, then the ARN or pool id, then (a client) its pool's", () => {
        const state = withoutRegions();
        state.deployment.resources[1].inputs.region = "us-west-2";
        assert.deepStrictEqual(regionsOf(state), ["us-west-2", "us-west-2", "us-west-2"]);
        const noProvider = withoutRegions();
        for (const r of noProvider.deployment.resources) delete r.provider;
        assert.deepStrictEqual(regionsOf(noProvider), [REGION, REGION, REGION]);
        delete noProvider.deployment.resources[3].outputs.arn;
        assert.strictEqual(baselineFromStateExport(noProvider).userPools[poolUrn()].region, "eu-west-1", "from the pool id");
    });

    it("refuses an unknown value anywhere in a deployed setting, naming the resource and the key", () => {
        const state = stateExport();
        state.deployment.resources[3].outputs.schemas[1].mutable = UNKNOWN_BOOLEAN;
        assert.throws(() => baselineFromStateExport(state), (e: Error) =>
            e.message.includes(`${poolUrn()}: schemas[1].mutable is unknown in the state export`));
    });
});
