import type {
    EnforcementLevel,
    Policies,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import type { ReportWithDetail, ViolationDetail } from "cognito-user-pool-policies";
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
    /** What the policy reported beside the message (the resource type and provider inputs it is about), if anything. */
    readonly detail?: ViolationDetail;
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

// @pulumi/policy's own unknown-checking proxy (proxy.js; internal to the package, so its .d.ts declares nothing):
// props go through it as under the engine, and a policy that reads a value unknown during preview throws.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const framework = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy<T extends object>(props: T): T;
    UnknownValueError: new (...args: never[]) => Error;
};

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

/** A resource as the engine sends it to a policy pack in an AnalyzeRequest. */
export interface AnalyzedResource {
    readonly type: string;
    readonly urn: string;
    readonly name: string;
    /** The resource's inputs. */
    readonly props: Record<string, unknown>;
    readonly opts: PolicyResourceOptions;
    /** The resource's provider, its inputs as props (@pulumi/policy server.js getProviderResource). */
    readonly provider?: PolicyProviderResource;
}

/** What the program registered, as the engine sends it: the options a policy sees, defaults for the rest. */
export function analyzedResource(resource: RegisteredResource): AnalyzedResource {
    return {
        type: resource.type,
        urn: resource.urn,
        name: resource.name,
        props: resource.inputs,
        opts: {
            protect: resource.protect,
            ignoreChanges: [],
            aliases: [],
            customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
            additionalSecretOutputs: [],
            ...(resource.parent ? { parent: resource.parent } : {}),
        },
        ...(resource.provider ? { provider: resource.provider } : {}),
    };
}

type ResourceView = Pick<ResourceValidationArgs, "type" | "props" | "urn" | "name" | "opts" | "isType" | "asType" | "provider">;

/** A resource as both validateResource and validateStack see it: props behind the proxy, a class matched by its type token. */
function viewOf({ type, urn, name, props, opts, provider }: AnalyzedResource): ResourceView {
    const checkedProps = framework.unknownCheckingProxy(props);
    const isType = (resourceClass: { __pulumiType?: string; isInstance?: (value: unknown) => boolean }) =>
        resourceClass.__pulumiType !== undefined
            ? resourceClass.__pulumiType === type
            : resourceClass.isInstance?.({ __pulumiType: type }) === true;
    return {
        type,
        props: checkedProps,
        urn,
        name,
        opts,
        isType: isType as ResourceView["isType"],
        asType: ((resourceClass: Parameters<typeof isType>[0]) => isType(resourceClass) ? checkedProps : undefined) as ResourceView["asType"],
        ...(provider ? { provider: { ...provider, props: framework.unknownCheckingProxy(provider.props) } } : {}),
    };
}

/** What validateResource gets for a resource, with the policy's config (@pulumi/policy server.js, Analyze). */
export function resourceValidationArgs(resource: AnalyzedResource, config: Record<string, unknown>): ResourceValidationArgs {
    return { ...viewOf(resource), getConfig: <T>() => config as T, stackTags: new Map(), notApplicable: throwNotApplicable };
}

/** What validateStack gets, parents linked to the parent resource objects (@pulumi/policy server.js, AnalyzeStack). */
export function stackValidationArgs(resources: readonly AnalyzedResource[], config: Record<string, unknown>): StackValidationArgs {
    const linked = resources.map((resource): PolicyResource => ({ ...viewOf(resource), dependencies: [], propertyDependencies: {} }));
    const byUrn = new Map(linked.map((resource) => [resource.urn, resource]));
    resources.forEach((resource, index) => {
        const parent = resource.opts.parent ? byUrn.get(resource.opts.parent) : undefined;
        if (parent) {
            linked[index].parent = parent;
        }
    });
    return { resources: linked, getConfig: <T>() => config as T, stackTags: new Map(), notApplicable: throwNotApplicable };
}

/** A message a validation reported; `advisory` for the engine's "can't run during preview", whatever the policy's level. */
export interface Reported {
    readonly message: string;
    readonly urn?: string;
    readonly advisory?: true;
    readonly detail?: ViolationDetail;
}

/** What one validation call came to: the messages it reported, or that it did not apply. */
export interface ValidationResult {
    readonly applied: boolean;
    readonly reported: readonly Reported[];
}

/**
 * Calls one validation as @pulumi/policy's server does: notApplicable() means it did not apply; reading a value
 * unknown during preview reports "can't run ... during preview" (which the engine shows as advisory); any other
 * error propagates, as the engine fails the preview on it.
 */
async function validate(policyName: string, call: (report: ReportViolation) => Promise<void> | void): Promise<ValidationResult> {
    const reported: Reported[] = [];
    try {
        // The engine's report takes (message, urn); the pack's policies pass their structured detail third, kept here.
        const report: ReportWithDetail = (message, urn, detail) => reported.push({ message, ...(urn ? { urn } : {}), ...(detail ? { detail } : {}) });
        await call(report);
        return { applied: true, reported };
    } catch (error) {
        if (error instanceof NotApplicable) {
            return { applied: false, reported };
        }
        if (error instanceof framework.UnknownValueError) {
            return { applied: true, reported: [...reported, { message: `can't run policy '${policyName}' during preview: ${error.message}`, advisory: true }] };
        }
        throw error;
    }
}

/** The type a validation was declared for with validateResourceOfType / validateStackResourcesOfType. */
function declaredType(validation: unknown): string | undefined {
    return (validation as { __pulumiType?: string }).__pulumiType;
}

/** Runs a resource policy's validations on one resource's args; a validation declared for another type is skipped. */
export async function validateResource(policy: ResourceValidationPolicy, args: ResourceValidationArgs): Promise<ValidationResult[]> {
    const validations = policy.validateResource === undefined ? []
        : Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    const results: ValidationResult[] = [];
    for (const validation of validations.filter((candidate) => [undefined, args.type].includes(declaredType(candidate)))) {
        results.push(await validate(policy.name, (report) => validation(args, report)));
    }
    return results;
}

/** Runs a stack policy on the stack's args; declared for a type no resource has, it does not apply. */
export async function validateStack(policy: StackValidationPolicy, args: StackValidationArgs): Promise<ValidationResult> {
    const type = declaredType(policy.validateStack);
    return type === undefined || args.resources.some((resource) => resource.type === type)
        ? validate(policy.name, (report) => policy.validateStack(args, report))
        : { applied: false, reported: [] };
}

async function runPolicy({ policy, enforcementLevel, config }: ResolvedPolicy, resources: readonly AnalyzedResource[]): Promise<PolicyVerdict> {
    const verdict = { policyName: policy.name, description: policy.description, enforcementLevel };
    if (enforcementLevel === "disabled") {
        return { ...verdict, outcome: "disabled", violations: [] };
    }
    const results: { result: ValidationResult; urn?: string }[] = [];
    if ("validateResource" in policy && policy.validateResource) {
        for (const resource of resources) {
            const args = resourceValidationArgs(resource, config);
            results.push(...(await validateResource(policy, args)).map((result) => ({ result, urn: resource.urn })));
        }
    }
    if ("validateStack" in policy) {
        results.push({ result: await validateStack(policy, stackValidationArgs(resources, config)) });
    }
    const violations = results.flatMap(({ result, urn }) => result.reported.map((reported): PolicyViolation => {
        const about = reported.urn ?? urn;
        const level = reported.advisory ? "advisory" : enforcementLevel;
        return { policyName: policy.name, enforcementLevel: level, ...(about ? { urn: about } : {}), message: reported.message,
            ...(reported.detail ? { detail: reported.detail } : {}) };
    }));
    const applied = results.some(({ result }) => result.applied);
    return { ...verdict, outcome: violations.length > 0 ? "violated" : applied ? "passed" : "notApplicable", violations };
}

/**
 * Runs every policy over the resources of one evaluated stack, one verdict per policy in the pack's order.
 * A policy error other than notApplicable() propagates, as the engine fails the preview on it.
 */
export async function runPolicies(policies: Policies, resources: readonly RegisteredResource[], file: PolicyPackConfig): Promise<PolicyVerdict[]> {
    const analyzed = resources.map(analyzedResource);
    const verdicts: PolicyVerdict[] = [];
    for (const policy of policies) {
        verdicts.push(await runPolicy(resolvePolicy(policy, file), analyzed));
    }
    return verdicts;
}

/** Whether any violation would fail `pulumi preview` / `pulumi up`. */
export function hasMandatoryViolation(verdicts: readonly PolicyVerdict[]): boolean {
    return verdicts.some((verdict) => verdict.violations.some((violation) => violation.enforcementLevel === "mandatory"));
}
