import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { POLICY_NAMES, README_FIXED_SECTION } from "../catalogue";
import { USER_POOL_TYPE, baselineFor, policyHeader } from "./common";
import { validatePoolGroup } from "./fixed-pool-settings";

/** The pool's name stays as deployed (the provider replaces a pool whose name changes). */
export const poolNameUnchanged: ResourceValidationPolicy = {
    ...policyHeader(
        POLICY_NAMES.poolNameUnchanged,
        "A deployed user pool keeps its name: the provider replaces a pool whose name changes, with a new, empty pool and a new id.",
    ),
    validateResource: validatePoolGroup(POLICY_NAMES.poolNameUnchanged, "pool-name"),
};

function nameOfUrn(urn: string): string {
    const i = urn.lastIndexOf("::");
    return i >= 0 ? urn.slice(i + 2) : urn;
}

/**
 * Every deployed pool is still in the stack, under its URN or as an alias of a resource: otherwise Pulumi
 * deletes it (removed from the program), or creates a new one and deletes the old (logical name or parent
 * changed without an alias). A stack policy: a removed resource is never sent to a resource policy.
 */
export const poolNotRemoved: StackValidationPolicy = {
    ...policyHeader(
        POLICY_NAMES.poolNotRemoved,
        "Every user pool in the baseline is still declared by the stack (same URN, or an alias): otherwise Pulumi deletes the deployed pool and every user in it.",
    ),
    validateStack: (args, report) => {
        const anyUrn = args.resources[0]?.urn;
        const baseline = baselineFor(args, POLICY_NAMES.poolNotRemoved, anyUrn, report);
        if (!baseline) return;
        const present = new Set<string>();
        for (const r of args.resources) {
            if (r.type !== USER_POOL_TYPE) continue;
            present.add(r.urn);
            for (const a of r.opts?.aliases ?? []) present.add(a);
        }
        for (const [urn, pool] of Object.entries(baseline.userPools)) {
            if (present.has(urn)) continue;
            report(
                [
                    `UserPool "${nameOfUrn(urn)}" (${urn}) is deployed (pool id ${pool.id}, name "${pool.name}") but the stack no longer declares it under that URN.`,
                    `  deployed: ${urn}`,
                    `  new:      (absent)`,
                    `  why: Pulumi would delete the deployed pool with every user in it; if only its logical name or parent changed, it would create a new, empty pool and delete the old one. A pool cannot be moved or renamed in place.`,
                    `  instead: keep declaring the pool with the same logical name and parent, or give the renamed resource the alias \`aliases: ["${urn}"]\`; to retire the pool, create its successor and migrate users first; see ${README_FIXED_SECTION}.`,
                ].join("\n"),
            );
        }
    },
};
