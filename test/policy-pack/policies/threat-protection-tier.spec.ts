import * as assert from "assert";
import { threatProtectionTier } from "../../../policy-pack/src/policies";
import { Baseline, baselineFromAws, baselineFromStateExport } from "../../../policy-pack/src/fixed-settings";
import { poolArgs, poolUrn, UNKNOWN_STRING, violations } from "../support/args";
import { seedBaseline } from "../support/baseline";
import { describeUserPool, poolProps, REGION, stateExport } from "../support/fixtures";

/** The seed's dev pool as deployed on `tier` with threat protection `mode`. */
function deployed(tier: "LITE" | "ESSENTIALS" | "PLUS", mode: "OFF" | "AUDIT" | "ENFORCED"): Baseline {
    const baseline = seedBaseline();
    const urn = poolUrn();
    return { ...baseline, userPools: { [urn]: { ...baseline.userPools[urn], tier, threatProtection: mode } } };
}

const withThreatProtection = (tier: string, mode = "ENFORCED") => poolProps("dev", { userPoolTier: tier, userPoolAddOns: { advancedSecurityMode: mode } });

describe("policy cognito-threat-protection-tier (mandatory; UserPoolAddOnsType: Plus tier; aws-cdk #36023: older Lite pools keep it)", () => {
    const judge = (props: Record<string, unknown>, baseline?: Baseline) => violations(threatProtectionTier, poolArgs(props, { config: baseline ? { baseline } : {} }));

    it("the tier matrix for a new pool (no baseline): Plus passes, Lite and Essentials fail naming the inputs and the config keys", async () => {
        assert.deepStrictEqual(await judge(withThreatProtection("PLUS")), []);
        for (const tier of ["LITE", "ESSENTIALS"]) {
            const [message, ...rest] = await judge(withThreatProtection(tier));
            assert.deepStrictEqual(rest, []);
            assert.match(message, new RegExp(`userPoolAddOns\\.advancedSecurityMode "ENFORCED"\\) needs the Plus tier, and userPoolTier is "${tier}"`));
            assert.match(message, /no deployed pool is recorded for this resource/);
            assert.match(message, /instead: set cognito-user-pool:tier to plus, or cognito-user-pool:threatProtection\.mode to off/);
        }
    });

    it("the honest older pool: deployed on Lite with threat protection, it keeps it (AUDIT or ENFORCED) with other changes", async () => {
        assert.deepStrictEqual(await judge(withThreatProtection("LITE", "AUDIT"), deployed("LITE", "ENFORCED")), []);
        assert.deepStrictEqual(await judge({ ...withThreatProtection("LITE"), mfaConfiguration: "OPTIONAL" }, deployed("LITE", "AUDIT")), []);
    });

    it("the Lite pool that never ran it cannot turn it on, nor can a pool moved down from Plus or Essentials", async () => {
        const [neverRan] = await judge(withThreatProtection("LITE"), seedBaseline());
        assert.match(neverRan ?? "", /deployed: tier not recorded, threat protection OFF/);
        for (const tier of ["PLUS", "ESSENTIALS"] as const) {
            const [message] = await judge(withThreatProtection("LITE"), deployed(tier, "ENFORCED"));
            assert.match(message ?? "", new RegExp(`deployed: tier ${tier}, threat protection ENFORCED`), `deployed ${tier}`);
        }
    });

    it("passes threat protection off, and what is unknown during preview", async () => {
        assert.deepStrictEqual(await judge(poolProps("dev", { userPoolTier: "LITE" })), []);
        assert.deepStrictEqual(await judge(withThreatProtection("LITE", "OFF")), []);
        assert.deepStrictEqual(await judge(poolProps("dev", { userPoolTier: UNKNOWN_STRING, userPoolAddOns: { advancedSecurityMode: "ENFORCED" } })), []);
    });

    it("the baseline records the deployed tier and mode from state outputs and from DescribeUserPool, for a pool running threat protection only", () => {
        assert.deepStrictEqual(Object.keys(seedBaseline().userPools[poolUrn()]).filter((key) => ["tier", "threatProtection"].includes(key)), []);
        const exported = stateExport("dev");
        const pool = exported.deployment.resources.find((resource: { urn: string }) => resource.urn === poolUrn());
        pool.outputs.userPoolTier = "LITE";
        pool.outputs.userPoolAddOns = { advancedSecurityMode: "AUDIT" };
        const fromState = baselineFromStateExport(exported).userPools[poolUrn()];
        assert.deepStrictEqual([fromState.tier, fromState.threatProtection], ["LITE", "AUDIT"]);
        const described = { ...describeUserPool("dev").UserPool, UserPoolTier: "LITE", UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" } };
        const fromAws = baselineFromAws({ stack: "dev", pools: [{ urn: poolUrn(), region: REGION, describeUserPool: described }] }).userPools[poolUrn()];
        assert.deepStrictEqual([fromAws.tier, fromAws.threatProtection], ["LITE", "ENFORCED"]);
    });
});
