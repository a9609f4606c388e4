import { POLICY_NAMES, README_FIXED_SECTION } from "../catalogue";
import { USER_POOL_TYPE, deployedStackPolicy } from "./common";
import { nameOfUrn, undeclared } from "./declared-urns";

/**
 * Every deployed pool is still in the stack, under its URN or as an alias of a resource: otherwise Pulumi
 * deletes it (removed from the program), or creates a new one and deletes the old (logical name or parent
 * changed without an alias). A stack policy: a removed resource is never sent to a resource policy.
 */
export const poolNotRemoved = deployedStackPolicy(
    POLICY_NAMES.poolNotRemoved,
    "Every user pool in the baseline is still declared by the stack (same URN, or an alias): otherwise Pulumi deletes the deployed pool and every user in it.",
    (args, report, baseline) => {
        for (const [urn, pool] of undeclared(baseline.userPools, args.resources, USER_POOL_TYPE)) {
            report(
                [
                    `UserPool "${nameOfUrn(urn)}" (${urn}) is deployed (pool id ${pool.id}, name "${pool.name}") but the stack no longer declares it under that URN.`,
                    `  deployed: ${urn}`,
                    `  new:      (absent)`,
                    `  why: Pulumi would delete the deployed pool with every user in it; if only its logical name or parent changed, it would create a new, empty pool and delete the old one. A pool cannot move to a new logical name or parent without an alias.`,
                    `  instead: keep declaring the pool with the same logical name and parent, or give the renamed resource the alias \`aliases: ["${urn}"]\`; to retire the pool, create its successor and migrate users first; see ${README_FIXED_SECTION}.`,
                ].join("\n"),
            );
        }
    },
);
