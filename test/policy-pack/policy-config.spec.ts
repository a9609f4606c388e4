import * as assert from "assert";
import Ajv from "ajv";
import { POLICY_CATALOGUE, POLICY_NAMES, policyConfigFor } from "../../policy-pack/src";
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
        assert.throws(() => policyConfigFor(seedBaseline(), { retiredClients: ["auth-client-old"] }), /options\.retiredClients: expected client URNs .*got "auth-client-old"/);
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
