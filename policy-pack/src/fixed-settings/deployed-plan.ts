import { z } from "zod";

/*
 * What a baseline records of a deployed pool's feature plan besides its fixed inputs: its tier and its threat
 * protection mode. AWS lets a Lite pool that ran threat protection before feature plans keep it ("existing user pools
 * on LITE plans are grandfathered and can legitimately use threat protection", aws-cdk PR #36027 for issue #36023),
 * so whether a Lite pool may keep threat protection depends on what is deployed (cognito-threat-protection-tier).
 */

export const TIERS = ["LITE", "ESSENTIALS", "PLUS"] as const;
export const THREAT_PROTECTION_MODES = ["OFF", "AUDIT", "ENFORCED"] as const;

export const DEPLOYED_PLAN_SHAPE = {
    tier: z.enum(TIERS).optional().describe("The feature plan of a pool deployed with threat protection (userPoolTier; DescribeUserPool UserPoolTier). " +
        "Absent: not reported, or threat protection off."),
    threatProtection: z.enum(THREAT_PROTECTION_MODES).optional()
        .describe("Threat protection as deployed (userPoolAddOns.advancedSecurityMode; DescribeUserPool UserPoolAddOns.AdvancedSecurityMode). Absent: off."),
};

export type DeployedPlan = {
    tier?: (typeof TIERS)[number];
    threatProtection?: (typeof THREAT_PROTECTION_MODES)[number];
};

function known<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
    return allowed.find(candidate => candidate === value);
}

/** Recorded only for a pool running threat protection: the one case where the deployed plan decides anything. */
function plan(tier: unknown, mode: unknown): DeployedPlan {
    const deployedTier = known(TIERS, tier);
    const deployedMode = known(THREAT_PROTECTION_MODES, mode);
    if (deployedMode === undefined || deployedMode === "OFF") return {};
    return { ...(deployedTier ? { tier: deployedTier } : {}), threatProtection: deployedMode };
}

/** A field of an object, undefined for anything else. */
function fieldOf(value: unknown, key: string): unknown {
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

/** From a pool's inputs or state outputs (userPoolTier is Optional+Computed: the state holds AWS's value). */
export function deployedPlanFromInputs(props: Record<string, unknown>): DeployedPlan {
    return plan(props.userPoolTier, fieldOf(props.userPoolAddOns, "advancedSecurityMode"));
}

/** From DescribeUserPool's UserPool. */
export function deployedPlanFromAws(pool: Record<string, unknown>): DeployedPlan {
    return plan(pool.UserPoolTier, fieldOf(pool.UserPoolAddOns, "AdvancedSecurityMode"));
}
