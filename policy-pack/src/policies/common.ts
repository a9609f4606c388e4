import type { ReportViolation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { EnforcementLevel, PolicyName, catalogueEntry } from "../catalogue";
import { Baseline, BaselineUserPool } from "../fixed-settings/types";
import { stackFromUrn } from "../fixed-settings/from-state";
import { resourceLabel } from "../messages";
import { configSchemaFor, readBaselineConfig, readProtectedStacks } from "../policy-config";

import { USER_POOL_TYPE } from "../fixed-settings/from-props";
export { USER_POOL_TYPE, USER_POOL_CLIENT_TYPE } from "../fixed-settings/from-props";

/** Name, description, level and configSchema of a policy, from the catalogue. */
export function policyHeader(name: PolicyName, description: string): {
    name: PolicyName;
    description: string;
    enforcementLevel: EnforcementLevel;
    configSchema: { properties: Record<string, any> };
} {
    const entry = catalogueEntry(name);
    // Every policy declares its schema, even an empty one, so that the CLI validates its config entry.
    return { name, description, enforcementLevel: entry.defaultLevel, configSchema: configSchemaFor(entry.config) };
}

/** The stack being previewed or updated: from the resource URN, else from the engine's environment. */
export function currentStack(urn?: string): string | undefined {
    const fromUrn = urn ? stackFromUrn(urn) : undefined;
    if (fromUrn) return fromUrn;
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.PULUMI_NODEJS_STACK || undefined;
}

export function label(args: { type: string; name: string; urn: string }): string {
    return resourceLabel(args.type, args.name, args.urn);
}

/**
 * The baseline for this policy, or undefined (no baseline: first deployment, nothing to compare).
 * When the baseline was captured for another stack, reports that and returns undefined: comparing with
 * another stack's pools would be meaningless.
 */
export function baselineFor(
    args: ResourceValidationArgs | StackValidationArgs,
    policy: PolicyName,
    urn: string | undefined,
    report: ReportViolation,
): Baseline | undefined {
    // A stack policy passes the URN of any resource (for the stack name); the report names no resource.
    const baseline = readBaselineConfig(args.getConfig<Record<string, unknown>>(), policy);
    if (!baseline) return undefined;
    const stack = currentStack(urn);
    if (stack !== undefined && stack !== baseline.stack) {
        report(
            `The baseline in this policy's config was captured for stack "${baseline.stack}", but this is stack "${stack}": ` +
                `nothing can be compared. Regenerate it with \`npm run baseline -- --stack ${stack}\` and pass that file with --policy-pack-config.`,
        );
        return undefined;
    }
    return baseline;
}

/** The deployed pool for a resource: by its URN, else by one of its aliases (a renamed resource). */
export function deployedPool(baseline: Baseline, urn: string, aliases: readonly string[] = []): [string, BaselineUserPool] | undefined {
    for (const u of [urn, ...aliases]) {
        const p = baseline.userPools[u];
        if (p) return [u, p];
    }
    return undefined;
}

/** The stack a user pool is being deployed to, when it is one of the protected stacks the policy's config names. */
export function protectedStackOfPool(args: ResourceValidationArgs, policy: PolicyName): string | undefined {
    if (args.type !== USER_POOL_TYPE) return undefined;
    const stacks = readProtectedStacks(args.getConfig<Record<string, unknown>>(), policy);
    const stack = currentStack(args.urn);
    return stack !== undefined && stacks.includes(stack) ? stack : undefined;
}
