import * as assert from "assert";
import Ajv from "ajv";
import {
    POLICY_CATALOGUE, POLICY_NAMES, PolicyConfigKey, policyConfigFor, readBaselineConfig, readProtectedStacks, readPublicClients, readRetiredClients,
} from "../../policy-pack/src";
import { allPolicies } from "../../policy-pack/src/policies";
import { poolUrn } from "./support/args";
import { seedBaseline } from "./support/baseline";

describe("policy config (policyConfigFor)", () => {
    it("lists every policy of the pack, with its level", () => {
        const file = policyConfigFor(seedBaseline("prod"));
        assert.deepStrictEqual(Object.keys(file).sort(), allPolicies.map(p => p.name).sort());
        for (const p of allPolicies) {
            assert.strictEqual(file[p.name as keyof typeof file].enforcementLevel, p.enforcementLevel, p.name);
        }
    });

    it("makes client removal mandatory for a protected stack's baseline and advisory for any other", () => {
        const level = (stack: string, protectedStacks?: string[]) =>
            policyConfigFor(seedBaseline(stack), { protectedStacks })[POLICY_NAMES.clientNotRemoved].enforcementLevel;
        assert.strictEqual(level("prod"), "mandatory");
        assert.strictEqual(level("staging"), "mandatory");
        assert.strictEqual(level("dev"), "advisory");
        assert.strictEqual(level("dev", ["dev"]), "mandatory");
        const overridden = policyConfigFor(seedBaseline("dev"), { enforcementLevels: { [POLICY_NAMES.clientNotRemoved]: "mandatory" } });
        assert.strictEqual(overridden[POLICY_NAMES.clientNotRemoved].enforcementLevel, "mandatory");
    });

    it("hands retiredClients to cognito-client-not-removed, and refuses what is not a URN", () => {
        const urn = "urn:pulumi:dev::cognito-user-pool::x$aws:cognito/userPoolClient:UserPoolClient::auth-client-old";
        const file = policyConfigFor(seedBaseline(), { retiredClients: [urn] });
        assert.deepStrictEqual(file[POLICY_NAMES.clientNotRemoved].retiredClients, [urn]);
        assert.throws(() => policyConfigFor(seedBaseline(), { retiredClients: ["auth-client-old", urn, ""] }), {
            message: [
                'options.retiredClients[0]: expected a client URN (urn:pulumi:<stack>::<project>::<type>::<name>), got "auth-client-old"',
                'options.retiredClients[2]: expected a client URN (urn:pulumi:<stack>::<project>::<type>::<name>), got ""',
            ].join("\n"),
        });
    });

    it("repeats the baseline under each fixed-settings policy, and protectedStacks / publicClients where read", () => {
        const file = policyConfigFor(seedBaseline(), { protectedStacks: ["prod"], publicClients: ["web"] });
        const withBaseline = Object.entries(file).filter(([, e]) => e.baseline).map(([n]) => n).sort();
        assert.deepStrictEqual(withBaseline, [
            POLICY_NAMES.attributesUnchanged,
            POLICY_NAMES.baselineOfThisStack,
            POLICY_NAMES.brandingUnchanged,
            POLICY_NAMES.clientNotRemoved,
            POLICY_NAMES.clientSecretUnchanged,
            POLICY_NAMES.domainKept,
            POLICY_NAMES.domainUnchanged,
            POLICY_NAMES.groupUnchanged,
            POLICY_NAMES.groupsAndScopesKept,
            POLICY_NAMES.identityProviderUnchanged,
            POLICY_NAMES.identityProvidersKept,
            POLICY_NAMES.passkeysKept,
            POLICY_NAMES.passkeysKeptAdvisory,
            POLICY_NAMES.poolNotRemoved,
            POLICY_NAMES.regionUnchanged,
            POLICY_NAMES.resourceServerUnchanged,
            POLICY_NAMES.sesIdentityUnchanged,
            POLICY_NAMES.signInOptionsUnchanged,
            POLICY_NAMES.threatProtectionTier,
        ]);
        assert.deepStrictEqual(file[POLICY_NAMES.signInOptionsUnchanged].baseline, seedBaseline());
        assert.deepStrictEqual(file[POLICY_NAMES.protectedEnvironment], { enforcementLevel: "mandatory", protectedStacks: ["prod"] });
        assert.deepStrictEqual(file[POLICY_NAMES.mfaInProtectedStack], { enforcementLevel: "advisory", protectedStacks: ["prod"] });
        assert.deepStrictEqual(file[POLICY_NAMES.publicClient], { enforcementLevel: "advisory", publicClients: ["web"] });
        assert.deepStrictEqual(file[POLICY_NAMES.tokenRevocation], { enforcementLevel: "advisory" });
    });

    it("defaults protectedStacks to staging and prod, and omits the baseline on a first deployment", () => {
        const file = policyConfigFor(null);
        assert.deepStrictEqual(file[POLICY_NAMES.protectedEnvironment].protectedStacks, ["staging", "prod"]);
        assert.strictEqual(file[POLICY_NAMES.signInOptionsUnchanged].baseline, undefined);
        assert.ok(JSON.parse(JSON.stringify(file)));
    });

    it("takes levels per policy, and names a wrong policy or level", () => {
        const file = policyConfigFor(null, { enforcementLevels: { [POLICY_NAMES.mfaInProtectedStack]: "mandatory" } });
        assert.strictEqual(file[POLICY_NAMES.mfaInProtectedStack].enforcementLevel, "mandatory");
        assert.throws(() => policyConfigFor(null, { enforcementLevels: { "no-such": "advisory" } as any }), /options\.enforcementLevels\["no-such"\]: no such policy/);
        assert.throws(
            () => policyConfigFor(null, { enforcementLevels: { [POLICY_NAMES.tokenRevocation]: "strict" } as any }),
            /options\.enforcementLevels\["cognito-token-revocation"\]: expected one of advisory, mandatory, remediate, disabled, got "strict"/,
        );
        assert.throws(() => policyConfigFor(null, { protectedStacks: "prod" as any }), /options\.protectedStacks: expected a list of non-empty strings/);
    });

    it("validates the baseline first, naming the key", () => {
        const b = seedBaseline() as any;
        delete b.userPools[poolUrn()].name;
        assert.throws(() => policyConfigFor(b), new RegExp(`baseline\\.userPools\\[${JSON.stringify(poolUrn()).replace(/[$[\]]/g, "\\$&")}\\]\\.name: missing`));
    });

    // pulumi/pulumi pkg/resource/analyzer/config.go: validatePolicyConfig checks each policy's config, its
    // enforcementLevel taken out, with gojsonschema against {type: object, properties: configSchema.properties};
    // gojsonschema knows drafts 4 to 7. Ajv in strict draft 7 refuses any keyword that draft does not define.
    it("declares configSchemas a strict draft 7 validator accepts, as the engine assembles them, and the file it writes passes them", () => {
        const ajv = new Ajv({ strict: true, allErrors: true });
        const file = policyConfigFor(seedBaseline(), { publicClients: ["web"] });
        const refusedKey = JSON.parse(JSON.stringify(seedBaseline()));
        refusedKey.userPools["auth-pool"] = refusedKey.userPools[poolUrn()];
        for (const policy of allPolicies) {
            const validate = ajv.compile({ type: "object", properties: policy.configSchema?.properties ?? {} });
            const { enforcementLevel: _level, ...config } = file[policy.name as keyof typeof file];
            assert.ok(validate(config), `${policy.name}: ${ajv.errorsText(validate.errors)}`);
            if (config.baseline) {
                assert.ok(!validate({ ...config, baseline: refusedKey }), policy.name);
                assert.match(ajv.errorsText(validate.errors), /property name must be valid/, policy.name);
            }
        }
    });

    it("gives each policy a configSchema for what it reads, and the catalogue matches the pack", () => {
        for (const entry of POLICY_CATALOGUE) {
            const policy = allPolicies.find(p => p.name === entry.name)!;
            assert.ok(policy, entry.name);
            assert.deepStrictEqual(Object.keys(policy.configSchema?.properties ?? {}).sort(), [...entry.config].sort(), entry.name);
        }
        assert.strictEqual(allPolicies.length, POLICY_CATALOGUE.length);
    });
});

// pulumi/pulumi pkg/resource/analyzer/config.go: ReconcilePolicyPackConfig fills in each property's `default` from
// the policy's configSchema, then validatePolicyConfig checks the result against it (gojsonschema; ajv in strict
// draft 7 stands in for it); the pack reads only what passed. So the two must draw the same line.
describe("policy config: the JSON schema the engine checks and the pack's own reading agree", () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    const read: Record<PolicyConfigKey, (config: Record<string, unknown>, policy: string) => unknown> = {
        baseline: readBaselineConfig,
        protectedStacks: readProtectedStacks,
        publicClients: readPublicClients,
        retiredClients: readRetiredClients,
    };
    const urn = "urn:pulumi:dev::cognito-user-pool::x$aws:cognito/userPoolClient:UserPoolClient::auth-client-old";
    const notUrnKeyed = () => {
        const b = JSON.parse(JSON.stringify(seedBaseline()));
        b.userPools["auth-pool"] = b.userPools[poolUrn()];
        delete b.userPools[poolUrn()];
        return b;
    };
    const configs: [boolean, Partial<Record<PolicyConfigKey, unknown>>][] = [
        [true, {}],
        [true, { protectedStacks: ["prod"], publicClients: [], retiredClients: [urn] }],
        [true, { protectedStacks: [], publicClients: ["web", "ios"], retiredClients: [] }],
        [true, { baseline: seedBaseline() }],
        [false, { protectedStacks: "prod" }],
        [false, { protectedStacks: ["prod", ""] }],
        [false, { protectedStacks: null }],
        [false, { publicClients: [3] }],
        [false, { publicClients: { web: true } }],
        [false, { retiredClients: ["auth-client-old"] }],
        [false, { retiredClients: [""] }],
        [false, { baseline: null }],
        [false, { baseline: [] }],
        [false, { baseline: notUrnKeyed() }],
        [false, { baseline: { ...seedBaseline(), source: "console" } }],
    ];

    it("passes a config through the engine's check exactly when the pack reads it, for every policy", () => {
        for (const policy of allPolicies) {
            const validate = ajv.compile({ type: "object", properties: policy.configSchema?.properties ?? {} });
            const keys = Object.keys(policy.configSchema?.properties ?? {}) as PolicyConfigKey[];
            const readable = (config: Record<string, unknown>) => {
                try {
                    keys.forEach(key => read[key](config, policy.name));
                    return true;
                } catch {
                    return false;
                }
            };
            for (const [valid, config] of configs.filter(([, c]) => Object.keys(c).every(k => keys.includes(k as PolicyConfigKey)))) {
                const label = `${policy.name} ${JSON.stringify(config).slice(0, 100)}`;
                assert.strictEqual(validate(config), valid, `engine, ${label}: ${ajv.errorsText(validate.errors)}`);
                assert.strictEqual(readable(config), valid, `pack, ${label}`);
            }
        }
    });

    it("reads an absent key as the default the engine fills in", () => {
        for (const policy of allPolicies) {
            for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
                const absent = read[key as PolicyConfigKey]({}, policy.name);
                assert.deepStrictEqual(absent, schema.default, `${policy.name}.${key}`);
            }
        }
    });

    it("names every bad entry of a list, at once", () => {
        assert.throws(() => readProtectedStacks({ protectedStacks: ["prod", "", 3] }, "p"), {
            message: 'policy config "p".protectedStacks[1]: expected a non-empty string, got ""\n' +
                'policy config "p".protectedStacks[2]: expected a non-empty string, got number 3',
        });
        assert.throws(() => readPublicClients({ publicClients: null }, "p"), { message: 'policy config "p".publicClients: expected a list of non-empty strings, got null' });
    });

    // A baseline's rules between fields (cross-field problems in fixed-settings/baseline.ts) have no JSON schema
    // keyword: the engine lets such a baseline through and the pack refuses it, naming the key.
    it("leaves to the pack alone the baseline's rules between fields", () => {
        const baseline = JSON.parse(JSON.stringify(seedBaseline()));
        Object.values<any>(baseline.clients)[0].userPool = "urn:pulumi:dev::p::aws:cognito/userPool:UserPool::other";
        const validate = ajv.compile({ type: "object", properties: allPolicies[0].configSchema!.properties });
        assert.ok(validate({ baseline }));
        assert.throws(() => readBaselineConfig({ baseline }, "p"), /\.userPool: "urn:pulumi:dev::p::aws:cognito\/userPool:UserPool::other" is not a key of userPools/);
    });
});
