// Builders for policy arguments, made and run by the same runner as `npm run plan` (offline/run-policies), which
// shapes them as @pulumi/policy's server does from the engine's requests: props behind the framework's
// unknown-checking proxy, opts with every field, getConfig returning the policy's own config.
import type {
    PolicyProviderResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { resourceValidationArgs, stackValidationArgs, validateResource, validateStack } from "../../../offline/run-policies";

// The framework's sentinels for unknown values (internal module; typed here by hand).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const proxy = require("@pulumi/policy/proxy") as {
    unknownStringValue: string;
    unknownArrayValue: string;
    unknownObjectValue: string;
    unknownBooleanValue: string;
};

/** What the engine sends for a value not known during preview. */
export const UNKNOWN_STRING = proxy.unknownStringValue;
export const UNKNOWN_ARRAY = proxy.unknownArrayValue;
export const UNKNOWN_OBJECT = proxy.unknownObjectValue;
export const UNKNOWN_BOOLEAN = proxy.unknownBooleanValue;

export const POOL_TYPE = "aws:cognito/userPool:UserPool";
export const CLIENT_TYPE = "aws:cognito/userPoolClient:UserPoolClient";
export const COMPONENT_TYPE = "cognito-user-pool:index:SignInBackend";
export const IDENTITY_TYPE = "aws:sesv2/emailIdentity:EmailIdentity";

/** A URN as the program registers it: a child of the `auth` SignInBackend component. */
export function urnOf(stack: string, type: string, name: string): string {
    return `urn:pulumi:${stack}::cognito-user-pool::${COMPONENT_TYPE}$${type}::${name}`;
}

export function poolUrn(stack = "dev", name = "auth-pool"): string {
    return urnOf(stack, POOL_TYPE, name);
}

export function clientUrn(stack = "dev", clientName = "web"): string {
    return urnOf(stack, CLIENT_TYPE, `auth-client-${clientName}`);
}

export function identityUrn(stack = "dev", name = "auth-sender"): string {
    return urnOf(stack, IDENTITY_TYPE, name);
}

export function componentUrn(stack = "dev"): string {
    return `urn:pulumi:${stack}::cognito-user-pool::${COMPONENT_TYPE}::auth`;
}

function options(stack: string, opts: Partial<PolicyResourceOptions> = {}): PolicyResourceOptions {
    return {
        protect: false,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        parent: componentUrn(stack),
        ...opts,
    };
}

/**
 * A resource's provider as the engine sends it (the runner hands its inputs to policies as props, wrapped like a
 * resource's). The default provider's inputs carry `aws:region`.
 */
export function providerResource(stack = "dev", props: Record<string, unknown> = { region: "eu-west-1" }, name = "default_7_48_0"): PolicyProviderResource {
    return {
        type: "pulumi:providers:aws",
        urn: `urn:pulumi:${stack}::cognito-user-pool::pulumi:providers:aws::${name}`,
        name,
        props: JSON.parse(JSON.stringify(props)),
    };
}

export interface ResourceArgsInput {
    type: string;
    name: string;
    props: Record<string, unknown>;
    stack?: string;
    urn?: string;
    opts?: Partial<PolicyResourceOptions>;
    config?: Record<string, unknown>;
    provider?: PolicyProviderResource;
}

export function resourceArgs(input: ResourceArgsInput): ResourceValidationArgs {
    const stack = input.stack ?? "dev";
    return resourceValidationArgs({
        type: input.type,
        urn: input.urn ?? urnOf(stack, input.type, input.name),
        name: input.name,
        props: JSON.parse(JSON.stringify(input.props)),
        opts: options(stack, input.opts),
        ...(input.provider ? { provider: input.provider } : {}),
    }, { ...input.config });
}

export function poolArgs(props: Record<string, unknown>, more: Partial<ResourceArgsInput> = {}): ResourceValidationArgs {
    return resourceArgs({ type: POOL_TYPE, name: "auth-pool", props, ...more });
}

export function clientArgs(props: Record<string, unknown>, more: Partial<ResourceArgsInput> = {}): ResourceValidationArgs {
    const name = `auth-client-${String(props.name ?? "web")}`;
    return resourceArgs({ type: CLIENT_TYPE, name, props, ...more });
}

/** Runs a resource policy as the framework does; returns the violation messages. */
export async function violations(policy: ResourceValidationPolicy, args: ResourceValidationArgs): Promise<string[]> {
    return (await validateResource(policy, args)).flatMap((result) => result.reported.map((reported) => reported.message));
}

export interface StackResourceInput {
    type: string;
    name: string;
    props?: Record<string, unknown>;
    urn?: string;
    opts?: Partial<PolicyResourceOptions>;
}

export function stackArgs(stack: string, resources: StackResourceInput[], config: Record<string, unknown> = {}): StackValidationArgs {
    return stackValidationArgs(resources.map((resource) => ({
        type: resource.type,
        urn: resource.urn ?? urnOf(stack, resource.type, resource.name),
        name: resource.name,
        props: JSON.parse(JSON.stringify(resource.props ?? {})),
        opts: options(stack, resource.opts),
    })), { ...config });
}

export async function stackViolations(policy: StackValidationPolicy, args: StackValidationArgs): Promise<{ message: string; urn?: string }[]> {
    return (await validateStack(policy, args)).reported.map(({ message, urn }) => ({ message, urn }));
}
