import type {
    EnforcementLevel,
    Policies,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
} from "@pulumi/policy";
import type { RegisteredResource } from "./evaluate";

/*
 * Runs a policy pack's policies in-process the way the Pulumi engine and @pulumi/policy's analyzer server do
 * (@pulumi/policy 1.21 server.js): validateResource once per resource with the resource's inputs, then
 * validateStack over all of them; each policy at the level its config gives, else its own, else the pack's.
 */

/** One policy's entry in a policy-config file: a level, or a level and the policy's properties. */
export type PolicyConfigEntry = EnforcementLevel | { readonly enforcementLevel?: EnforcementLevel; readonly [property: string]: unknown };

/** The file given to `pulumi preview --policy-pack-config`: entries by policy name, or `all` for every policy. */
export type PolicyPackConfig = Readonly<Record<string, PolicyConfigEntry>>;

export interface PolicyViolation {
    readonly policyName: string;
    readonly enforcementLevel: EnforcementLevel;
    /** The resource the violation is about; absent for a stack-wide one. */
    readonly urn?: string;
    readonly message: string;
}

/** passed: ran and found nothing; notApplicable: every resource (or the stack) was outside its scope. */
export type PolicyOutcome = "passed" | "violated" | "notApplicable" | "disabled";

export interface PolicyVerdict {
    readonly policyName: string;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly outcome: PolicyOutcome;
    readonly violations: readonly PolicyViolation[];
}

class NotApplicable extends Error {}

function throwNotApplicable(reason?: string): never {
    throw new NotApplicable(reason);
}

type Policy = Policies[number];

interface ResolvedPolicy {
    readonly policy: Policy;
    readonly enforcementLevel: EnforcementLevel;
    readonly config: Record<string, unknown>;
}

/** The level of a policy that neither the config nor the policy sets: @pulumi/policy's pack default. */
const packEnforcementLevel: EnforcementLevel = "advisory";

/** The level and properties the CLI hands a policy: the file's entry (or `all`), schema defaults filled in. */
function resolvePolicy(policy: Policy, file: PolicyPackConfig): ResolvedPolicy {
    const entry = file[policy.name];
    const { enforcementLevel: entryLevel, ...properties } = typeof entry === "string" ? { enforcementLevel: entry } : entry ?? {};
    const all = file.all;
    const allLevel = typeof all === "string" ? all : all?.enforcementLevel;
    const defaults = Object.entries(policy.configSchema?.properties ?? {})
        .filter(([, schema]) => schema.default !== undefined)
        .map(([key, schema]) => [key, schema.default]);
    const enforcementLevel = entryLevel ?? allLevel ?? policy.enforcementLevel ?? packEnforcementLevel;
    return {
        policy,
        // As the engine reports them: a remediation policy that only validates is held to mandatory.
        enforcementLevel: enforcementLevel === "remediate" ? "mandatory" : enforcementLevel,
        config: { ...Object.fromEntries(defaults), ...properties },
    };
}

function optionsOf(resource: RegisteredResource): PolicyResourceOptions {
    return {
        protect: resource.protect,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        ...(resource.parent ? { parent: resource.parent } : {}),
    };
}

type ResourceView = Pick<ResourceValidationArgs, "type" | "props" | "urn" | "name" | "opts" | "isType" | "asType" | "provider">;

/** A resource as both validateResource and validateStack see it; a class matches by its type token. */
function viewOf(resource: RegisteredResource): ResourceView {
    const isType = (resourceClass: { __pulumiType?: string; isInstance?: (value: unknown) => boolean }) =>
        resourceClass.__pulumiType !== undefined
            ? resourceClass.__pulumiType === resource.type
            : resourceClass.isInstance?.({ __pulumiType: resource.type }) === true;
    return {
        type: resource.type,
        props: resource.inputs,
        urn: resource.urn,
        name: resource.name,
        opts: optionsOf(resource),
        isType: isType as ResourceView["isType"],
        asType: ((resourceClass: Parameters<typeof isType>[0]) => isType(resourceClass) ? resource.inputs : undefined) as ResourceView["asType"],
        ...(resource.provider ? { provider: { ...resource.provider, props: { ...resource.provider.props } } } : {}),
    };
}

/** The stack's resources as validateStack sees them, parents linked to the parent resource objects. */
function stackResources(resources: readonly RegisteredResource[]): PolicyResource[] {
    const linked = resources.map((resource): PolicyResource => ({ ...viewOf(resource), dependencies: [], propertyDependencies: {} }));
    const byUrn = new Map(linked.map((resource) => [resource.urn, resource]));
    resources.forEach((resource, index) => {
        const parent = resource.parent ? byUrn.get(resource.parent) : undefined;
        if (parent) {
            linked[index].parent = parent;
        }
    });
    return linked;
}

/** The type a validation was declared for with validateResourceOfType / validateStackResourcesOfType. */
function declaredType(validation: unknown): string | undefined {
    return (validation as { __pulumiType?: string }).__pulumiType;
}

async function runPolicy({ policy, enforcementLevel, config }: ResolvedPolicy, resources: readonly RegisteredResource[]): Promise<PolicyVerdict> {
    const verdict = { policyName: policy.name, description: policy.description, enforcementLevel };
    if (enforcementLevel === "disabled") {
        return { ...verdict, outcome: "disabled", violations: [] };
    }
    const violations: PolicyViolation[] = [];
    const reportAbout = (urn?: string): ReportViolation => (message, reportedUrn) => {
        const about = reportedUrn ?? urn;
        violations.push({ policyName: policy.name, enforcementLevel, ...(about ? { urn: about } : {}), message });
    };
    const common = { getConfig: <T>() => config as T, stackTags: new Map<string, string>(), notApplicable: throwNotApplicable };
    let applied = 0;
    const attempt = async (validate: () => Promise<void> | void) => {
        try {
            await validate();
            applied++;
        } catch (error) {
            if (!(error instanceof NotApplicable)) {
                throw error;
            }
        }
    };

    if ("validateResource" in policy && policy.validateResource) {
        const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
        for (const validation of validations) {
            const type = declaredType(validation);
            for (const resource of resources.filter((candidate) => type === undefined || candidate.type === type)) {
                await attempt(() => validation({ ...viewOf(resource), ...common }, reportAbout(resource.urn)));
            }
        }
    }
    if ("validateStack" in policy) {
        const type = declaredType(policy.validateStack);
        if (type === undefined || resources.some((resource) => resource.type === type)) {
            await attempt(() => policy.validateStack({ resources: stackResources(resources), ...common }, reportAbout()));
        }
    }
    return { ...verdict, outcome: violations.length > 0 ? "violated" : applied > 0 ? "passed" : "notApplicable", violations };
}

/**
 * Runs every policy over the resources of one evaluated stack, one verdict per policy in the pack's order.
 * A policy error other than notApplicable() propagates, as the engine fails the preview on it.
 */
export async function runPolicies(policies: Policies, resources: readonly RegisteredResource[], file: PolicyPackConfig): Promise<PolicyVerdict[]> {
    const verdicts: PolicyVerdict[] = [];
    for (const policy of policies) {
        verdicts.push(await runPolicy(resolvePolicy(policy, file), resources));
    }
    return verdicts;
}

/** Whether any violation would fail `pulumi preview` / `pulumi up`. */
export function hasMandatoryViolation(verdicts: readonly PolicyVerdict[]): boolean {
    return verdicts.some((verdict) => verdict.violations.some((violation) => violation.enforcementLevel === "mandatory"));
}
