// Builders for policy arguments shaped as @pulumi/policy's server builds them from the engine's requests:
// props wrapped in the framework's unknown-checking proxy, opts with every field, getConfig returning the
// policy's own config, notApplicable throwing.
import type {
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";

// The framework's own proxy (internal module; typed here by hand).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const proxy = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy<T>(o: T): T;
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
 * A resource's provider as the framework hands it to policies (server.js getProviderResource): the engine's
 * provider resource with its inputs, wrapped like props. The default provider's inputs carry `aws:region`.
 */
export function providerResource(stack = "dev", props: Record<string, unknown> = { region: "eu-west-1" }, name = "default_7_48_0"): PolicyProviderResource {
    return {
        type: "pulumi:providers:aws",
        urn: `urn:pulumi:${stack}::cognito-user-pool::pulumi:providers:aws::${name}`,
        name,
        props: proxy.unknownCheckingProxy(JSON.parse(JSON.stringify(props))),
    };
}

class NotApplicable extends Error {}

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
    const type = input.type;
    const props = proxy.unknownCheckingProxy(JSON.parse(JSON.stringify(input.props)));
    return {
        type,
        props,
        urn: input.urn ?? urnOf(stack, type, input.name),
        name: input.name,
        opts: options(stack, input.opts),
        stackTags: new Map(),
        isType: (cls: any) => cls?.__pulumiType === type,
        asType: (cls: any) => (cls?.__pulumiType === type ? props : undefined) as any,
        getConfig: <T extends object>() => ({ ...(input.config ?? {}) }) as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
        ...(input.provider ? { provider: input.provider } : {}),
    };
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
    const out: string[] = [];
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
    for (const v of validations) {
        try {
            await v(args, message => out.push(message));
        } catch (e) {
            if (e instanceof NotApplicable) continue;
            throw e;
        }
    }
    return out;
}

export interface StackResourceInput {
    type: string;
    name: string;
    props?: Record<string, unknown>;
    urn?: string;
    opts?: Partial<PolicyResourceOptions>;
}

export function stackArgs(stack: string, resources: StackResourceInput[], config: Record<string, unknown> = {}): StackValidationArgs {
    const built: PolicyResource[] = resources.map(r => {
        const props = proxy.unknownCheckingProxy(JSON.parse(JSON.stringify(r.props ?? {})));
        return {
            type: r.type,
            props,
            urn: r.urn ?? urnOf(stack, r.type, r.name),
            name: r.name,
            opts: options(stack, r.opts),
            dependencies: [],
            propertyDependencies: {},
            isType: (cls: any) => cls?.__pulumiType === r.type,
            asType: (cls: any) => (cls?.__pulumiType === r.type ? props : undefined) as any,
        };
    });
    return {
        resources: built,
        stackTags: new Map(),
        getConfig: <T extends object>() => ({ ...config }) as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
    };
}

export async function stackViolations(policy: StackValidationPolicy, args: StackValidationArgs): Promise<{ message: string; urn?: string }[]> {
    const out: { message: string; urn?: string }[] = [];
    try {
        await policy.validateStack(args, (message, urn) => out.push({ message, urn }));
    } catch (e) {
        if (!(e instanceof NotApplicable)) throw e;
    }
    return out;
}
