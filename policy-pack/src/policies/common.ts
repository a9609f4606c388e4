import type {
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidation,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { EnforcementLevel, PolicyName, catalogueEntry } from "../catalogue";
import { Baseline } from "../fixed-settings/types";
import { baselineMismatch } from "../fixed-settings/baseline-scope";
import type { FixedSettingChange } from "../fixed-settings/compare";
import { fixedInputChanges, fixedInputsOf } from "../fixed-settings/table";
import { readKnown, isUnknown } from "../fixed-settings/unknown";
import { projectFromUrn, stackFromUrn } from "../fixed-settings/from-state";
import { fixedSettingMessage, resourceLabel } from "../messages";
import { OwnBaseline, ownBaseline, unreadableMessage } from "../own-baseline";
import { configSchemaFor, readBaselineConfig, readProtectedStacks } from "../policy-config";

import {
    EMAIL_IDENTITY_TYPE, IDENTITY_PROVIDER_TYPE, MANAGED_LOGIN_BRANDING_TYPE, RESOURCE_SERVER_TYPE, USER_GROUP_TYPE, USER_POOL_CLIENT_TYPE,
    USER_POOL_DOMAIN_TYPE, USER_POOL_TYPE,
} from "../fixed-settings/table";
export { IDENTITY_PROVIDER_TYPE, RESOURCE_SERVER_TYPE, USER_GROUP_TYPE, USER_POOL_DOMAIN_TYPE, USER_POOL_TYPE, USER_POOL_CLIENT_TYPE } from "../fixed-settings/table";

/** Name, description, level and configSchema of a policy, from the catalogue. */
function policyHeader(name: PolicyName, description: string): {
    name: PolicyName;
    description: string;
    enforcementLevel: EnforcementLevel;
    configSchema: { properties: Record<string, any> };
} {
    const entry = catalogueEntry(name);
    // Every policy declares its schema, even an empty one, so that the CLI validates its config entry.
    return { name, description, enforcementLevel: entry.defaultLevel, configSchema: configSchemaFor(entry.config) };
}

type ResourceCheck = (args: ResourceValidationArgs, report: ReportViolation) => void;

/** A policy that judges each resource of `type` (its header from the catalogue). */
export function resourcePolicy(name: PolicyName, type: string, description: string, check: ResourceCheck): ResourceValidationPolicy {
    return { ...policyHeader(name, description), validateResource: (args, report) => (args.type === type ? check(args, report) : undefined) };
}

/** A policy that judges the whole stack at once (its header from the catalogue). */
export function stackPolicy(name: PolicyName, description: string, validateStack: StackValidation): StackValidationPolicy {
    return { ...policyHeader(name, description), validateStack };
}

function engineEnvironment(name: string): string | undefined {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.[name] || undefined;
}

/** The stack being previewed or updated: from the resource URN, else from the engine's environment. */
export function currentStack(urn?: string): string | undefined {
    return (urn ? stackFromUrn(urn) : undefined) ?? engineEnvironment("PULUMI_NODEJS_STACK");
}

/** The project being previewed or updated: from the resource URN, else from the engine's environment. */
export function currentProject(urn?: string): string | undefined {
    return (urn ? projectFromUrn(urn) : undefined) ?? engineEnvironment("PULUMI_NODEJS_PROJECT");
}

/** The organization of the stack being previewed or updated, as getOrganization() reads it (@pulumi/pulumi runtime/state.js). */
function currentOrganization(): string | undefined {
    return engineEnvironment("PULUMI_NODEJS_ORGANIZATION");
}

export function label(args: { type: string; name: string; urn: string }): string {
    return resourceLabel(args.type, args.name, args.urn);
}

/**
 * The baseline to compare the stack being previewed (`urn`: any of its resources) with. From this policy's
 * config: none there is a first deployment, and one captured for another stack or project compares nothing
 * (cognito-baseline-of-this-stack reports it once). Given none, a pack that finds its own baselines (own-baseline.ts)
 * reads the stack's deployed state instead, or says why it could not.
 */
export async function baselineFor(args: ResourceValidationArgs | StackValidationArgs, policy: PolicyName, urn: string | undefined): Promise<OwnBaseline> {
    const configured = readBaselineConfig(args.getConfig<Record<string, unknown>>(), policy);
    if (configured) {
        return { baseline: baselineMismatch(configured, currentStack(urn), currentProject(urn)) === undefined ? configured : undefined };
    }
    return (await ownBaseline(currentOrganization(), currentProject(urn), currentStack(urn))) ?? { baseline: undefined };
}

/** The deployed resource recorded under a resource's URN, else under one of its aliases (a renamed resource). */
export function deployedAs<T>(recorded: Record<string, T>, urn: string, aliases: readonly string[] = []): T | undefined {
    const found = [urn, ...aliases].find(u => recorded[u] !== undefined);
    return found === undefined ? undefined : recorded[found];
}

/** Where a baseline records the deployed resources of one type, by URN. */
type RecordedIn<T> = (baseline: Baseline) => Record<string, T>;

/** A stack policy that compares the whole stack with the baseline of what it has deployed, when there is one. */
export function deployedStackPolicy(
    name: PolicyName,
    description: string,
    check: (args: StackValidationArgs, report: ReportViolation, baseline: Baseline) => void,
): StackValidationPolicy {
    // A baseline that could not be read is reported by cognito-baseline-of-this-stack, once for the stack.
    return stackPolicy(name, description, async (args, report) => {
        const found = await baselineFor(args, name, args.resources[0]?.urn);
        if ("baseline" in found && found.baseline) check(args, report, found.baseline);
    });
}

/** A deployedStackPolicy that judges only the protected stacks its config names (protectedStacks). */
export function protectedDeployedStackPolicy(
    name: PolicyName,
    description: string,
    check: (args: StackValidationArgs, report: ReportViolation, baseline: Baseline) => void,
): StackValidationPolicy {
    return deployedStackPolicy(name, description, (args, report, baseline) => {
        const stack = currentStack(args.resources[0]?.urn);
        if (stack !== undefined && readProtectedStacks(args.getConfig<Record<string, unknown>>(), name).includes(stack)) {
            check(args, report, baseline);
        }
    });
}

/** Where a baseline records the deployed resources of each type the table guards, by URN. */
const RECORDED_IN: Readonly<Record<string, RecordedIn<Record<string, unknown>>>> = {
    [USER_POOL_TYPE]: b => b.userPools,
    [USER_POOL_CLIENT_TYPE]: b => b.clients,
    [EMAIL_IDENTITY_TYPE]: b => b.emailIdentities,
    [USER_GROUP_TYPE]: b => b.groups ?? {},
    [RESOURCE_SERVER_TYPE]: b => b.resourceServers ?? {},
    [USER_POOL_DOMAIN_TYPE]: b => b.domains ?? {},
    [MANAGED_LOGIN_BRANDING_TYPE]: b => b.brandings ?? {},
    [IDENTITY_PROVIDER_TYPE]: b => b.identityProviders ?? {},
};

/**
 * Structured data beside a violation's message: the resource type and provider input the change is about. The
 * engine's report function takes (message, urn) and ignores it; the offline runner (npm run plan) keeps it, so
 * that config keys are named from the table, never parsed out of the message.
 */
export interface ViolationDetail {
    readonly resourceType: string;
    readonly inputs: readonly string[];
}
export type ReportWithDetail = (message: string, urn?: string, detail?: ViolationDetail) => void;

/** Reports a violation about provider inputs of the resource being judged, with them as structured detail. */
export function reportAbout(report: ReportViolation, resourceType: string, inputs: readonly string[], message: string): void {
    (report as ReportWithDetail)(message, undefined, { resourceType, inputs });
}

/**
 * Which stacks a fixed-input policy judges, and whose rows: every stack; or, for a change that is mandatory to refuse
 * in a protected stack (config protectedStacks) and worth a warning elsewhere, one policy per side over the same rows.
 */
export interface JudgedStacks {
    readonly stacks: "all" | "protected" | "unprotected";
    readonly rowsOf: PolicyName;
}

function judges(stacks: JudgedStacks["stacks"], args: ResourceValidationArgs, name: PolicyName): boolean {
    if (stacks === "all") return true;
    const stack = currentStack(args.urn);
    const isProtected = stack !== undefined && readProtectedStacks(args.getConfig<Record<string, unknown>>(), name).includes(stack);
    return isProtected === (stacks === "protected");
}

/**
 * A policy over the rows of the table it guards: each resource of a type with such rows is compared with what
 * the baseline records under its URN (or an alias), each row read from the new inputs and compared the way the
 * provider compares it. A resource the baseline does not record is new: it passes. A value unknown during
 * preview is skipped (judged again on update).
 */
export function fixedInputPolicy(name: PolicyName, description: string, judged: JudgedStacks = { stacks: "all", rowsOf: name }): ResourceValidationPolicy {
    return {
        ...policyHeader(name, description),
        validateResource: async (args, report) => {
            const rows = fixedInputsOf(args.type).filter(row => row.policy === judged.rowsOf);
            if (rows.length === 0 || !judges(judged.stacks, args, name)) return;
            const found = await baselineFor(args, name, args.urn);
            // Each policy fails closed on its own: the engine runs a resource's step right after its analysis,
            // before any stack policy could object.
            if ("unreadable" in found) {
                report(unreadableMessage(label(args), found.unreadable));
                return;
            }
            const baseline = found.baseline;
            if (!baseline) return;
            const deployed = deployedAs(RECORDED_IN[args.type](baseline), args.urn, args.opts?.aliases);
            if (deployed === undefined) return;
            const changes: FixedSettingChange[] = fixedInputChanges(args.type, judged.rowsOf, deployed, row => {
                const value = readKnown(() => row.fromInputs(args.props, row.input, args.provider));
                return { known: !isUnknown(value), value };
            }, { poolId: urn => baseline.userPools[urn]?.id, clientId: urn => baseline.clients[urn]?.id });
            for (const change of changes) {
                reportAbout(report, change.resourceType, [change.input], fixedSettingMessage(label(args), change));
            }
        },
    };
}

/** A policy over the user pools of the protected stacks its config names (protectedStacks). */
export function protectedPoolPolicy(
    name: PolicyName,
    description: string,
    check: (args: ResourceValidationArgs, report: ReportViolation, stack: string) => void,
): ResourceValidationPolicy {
    return resourcePolicy(name, USER_POOL_TYPE, description, (args, report) => {
        const stack = currentStack(args.urn);
        if (stack !== undefined && readProtectedStacks(args.getConfig<Record<string, unknown>>(), name).includes(stack)) {
            check(args, report, stack);
        }
    });
}
