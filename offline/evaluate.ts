import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { Baseline, StateExport } from "cognito-user-pool-policies";
import { offlineCloud, revealed } from "./mock-cloud";
import type { StackConfig } from "../stack-files/reader";

/** A resource's provider as the engine hands it to policies (@pulumi/policy PolicyProviderResource). */
export interface ProviderView {
    readonly type: string;
    readonly urn: string;
    readonly name: string;
    readonly props: Record<string, unknown>;
}

/** A resource as the program registered it: what the engine, and so the policy pack, would see. */
export interface RegisteredResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    readonly parent?: string;
    readonly inputs: Record<string, any>;
    /** Paths (`a.b[0].c`) of the inputs the program registered as Pulumi secrets (recorded by evaluateStack). */
    readonly secretInputs?: string[];
    /** The physical id and outputs the (mock) provider answered with (recorded by evaluateStack). */
    readonly id?: string;
    readonly outputs?: Record<string, any>;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    /** Pulumi deletes it before creating its replacement. */
    readonly deleteBeforeReplace?: boolean;
    /** The URNs of the resources it depends on (dependsOn and those its inputs come from). */
    readonly dependencies?: readonly string[];
    readonly importId?: string;
    /** The resource options `ignoreChanges` and `additionalSecretOutputs`, as the engine gets them. */
    readonly ignoreChanges?: readonly string[];
    readonly additionalSecretOutputs?: readonly string[];
    /** The provider of a custom resource: an explicit one the program registered, else the package's default. */
    readonly provider?: ProviderView;
    /** The provider reference the program gave (`<provider URN>::<id>`), when explicit. */
    readonly providerReference?: string;
}

/** A stack output value that Pulumi keeps secret. */
export class SecretValue {
    constructor(readonly value: unknown) {}
    toJSON() {
        return "[secret]";
    }
}

export interface StackEvaluation {
    readonly resources: RegisteredResource[];
    /** The program's exports, resolved; secret values wrapped in SecretValue. */
    readonly outputs: Record<string, unknown>;
    /** What the program logged with `pulumi.log.warn`, as `pulumi up` would show it. */
    readonly warnings: string[];
}

export interface EvaluateOptions {
    /** The program's entry point. Default: index.ts at the repo root. */
    readonly program?: string;
    /** Evaluate as `pulumi preview` would (unknown values stay unknown). Default: false. */
    readonly preview?: boolean;
    /** Physical ids of what the stack has deployed, by URN (from a baseline). Default: none, a first deployment. */
    readonly deployedIds?: Readonly<Record<string, string>>;
    /**
     * Outputs of what the stack has deployed, by URN (from a `pulumi stack export`): a deployed SES identity keeps
     * the verification status its state records, as a preview of the deployed stack would. Default: none.
     */
    readonly deployedOutputs?: Readonly<Record<string, Record<string, unknown>>>;
}

/** The physical ids a baseline records, by URN: what a preview of the deployed stack would send. */
export function deployedIdsOf(baseline: Baseline | undefined): Record<string, string> {
    if (baseline === undefined) {
        return {};
    }
    return Object.fromEntries([...Object.entries(baseline.userPools), ...Object.entries(baseline.clients)]
        .map(([urn, deployed]) => [urn, deployed.id]));
}

const defaultProgram = path.join(__dirname, "..", "index");

/**
 * Runs the real program for one stack under Pulumi's mock monitor, with the stack's config, and returns what
 * it registered and exported. A config error thrown by the program propagates; nothing is registered then.
 */
export async function evaluateStack(stack: StackConfig, options: EvaluateOptions = {}): Promise<StackEvaluation> {
    const region = stack.config["aws:region"] ?? "us-east-1";
    const deployedIdOf = byTypeAndName(options.deployedIds);
    const deployedOutputsOf = byTypeAndName(options.deployedOutputs);
    await pulumi.runtime.setMocks(offlineCloud(stack.stack, region, deployedIdOf, deployedOutputsOf),
        stack.project, stack.stack, options.preview ?? false);
    qualifyUrnsAsTheEngine();
    const resources = recordRegistrations();
    pulumi.runtime.setAllConfig(stack.config, [...stack.secretKeys]);

    const program = require.resolve(options.program ?? defaultProgram);
    delete require.cache[program];
    const warnings: string[] = [];
    const stopCapturing = captureRuntimeWarnings(warnings);
    try {
        const exports: Record<string, unknown> = require(program);
        const outputs = await resolve(exports) as Record<string, unknown>;
        // As the engine does, wait for every registration, also those no output depends on (a DNS record's).
        await waitForRegistrations();
        return { resources: withProviders(resources, stack), outputs, warnings };
    } finally {
        stopCapturing();
    }
}

const runtimeWarningPrefix = "warning: [runtime] ";

/**
 * Without an engine (under mocks), `pulumi.log.warn` writes `warning: [runtime] <message>` with console.warn
 * (@pulumi/pulumi log/index.js): those go to the list instead. Returns the function that restores console.warn.
 */
function captureRuntimeWarnings(warnings: string[]): () => void {
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
        if (typeof args[0] === "string" && args[0].startsWith(runtimeWarningPrefix)) {
            warnings.push(args[0].slice(runtimeWarningPrefix.length));
        } else {
            original(...args);
        }
    };
    return () => { console.warn = original; };
}

/** A lookup by resource type and logical name in a record keyed by URN. */
function byTypeAndName<T>(byUrn: Readonly<Record<string, T>> = {}): (type: string, name: string) => T | undefined {
    const entries = Object.entries(byUrn);
    return (type, name) => entries.find(([urn]) => urn.endsWith(`${type}::${name}`))?.[1];
}

/** The outputs of every resource in a `pulumi stack export`, by URN. */
export function deployedOutputsOf(exported: StateExport): Record<string, Record<string, unknown>> {
    return Object.fromEntries((exported.deployment.resources ?? [])
        .filter((resource) => resource.outputs !== undefined && !resource.delete)
        .map((resource) => [resource.urn, resource.outputs as Record<string, unknown>]));
}

/**
 * Each custom resource with its provider as the engine would send it: the explicit provider resource the program
 * registered, else the package's default provider, whose inputs are the stack's config of the package's
 * namespace (`aws:region` → `region`).
 */
function withProviders(resources: RegisteredResource[], stack: StackConfig): RegisteredResource[] {
    const providers = new Map(resources.filter((r) => r.type.startsWith("pulumi:providers:")).map((r) => [r.urn, r]));
    const defaultProvider = (pkg: string): ProviderView => ({
        type: `pulumi:providers:${pkg}`,
        urn: `urn:pulumi:${stack.stack}::${stack.project}::pulumi:providers:${pkg}::default`,
        name: "default",
        props: Object.fromEntries(Object.entries(stack.config)
            .filter(([key]) => key.startsWith(`${pkg}:`))
            .map(([key, value]) => [key.slice(pkg.length + 1), value])),
    });
    return resources.map((resource) => {
        if (!resource.custom || resource.type.startsWith("pulumi:providers:")) {
            return resource;
        }
        const explicit = resource.providerReference === undefined ? undefined
            : providers.get(resource.providerReference.slice(0, resource.providerReference.lastIndexOf("::")));
        const provider = explicit === undefined ? defaultProvider(resource.type.split(":")[0])
            : { type: explicit.type, urn: explicit.urn, name: explicit.name, props: explicit.inputs };
        return { ...resource, provider };
    });
}

/** Wraps the mock monitor so every registration is recorded with the options the engine would get. */
/**
 * The engine prefixes a resource's type with its parent's whole type chain, the root stack's excepted
 * (resource.NewURN with parent.QualifiedType(), pulumi/pulumi sdk/go/common/resource/urn.go); the SDK's mock
 * monitor keeps only the parent's own type, which gives a component's grandchildren (a successor pool's
 * migration client) URNs no deployment has.
 */
function qualifyUrnsAsTheEngine(): void {
    const monitor = pulumi.runtime.getMonitor() as any;
    monitor.newUrn = (parent: string, type: string, name: string) => {
        const parentType = parent ? parent.split("::")[2] : "";
        const qualifiedType = parentType === "" || parentType === "pulumi:pulumi:Stack" ? type : `${parentType}$${type}`;
        return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${qualifiedType}::${name}`;
    };
}

/**
 * Until the SDK's queue of resource RPCs is empty: @pulumi/pulumi runtime/settings.js `waitForRPCs`, which
 * `disconnect` awaits at the end of a real run (exported from the module, left out of its typings as internal).
 */
function waitForRegistrations(): Promise<void> {
    const settings: { waitForRPCs(): Promise<void> } = require("@pulumi/pulumi/runtime/settings");
    return settings.waitForRPCs();
}

function recordRegistrations(): RegisteredResource[] {
    const monitor = pulumi.runtime.getMonitor() as any;
    const registerResource = monitor.registerResource.bind(monitor);
    const resources: RegisteredResource[] = [];
    monitor.registerResource = (request: any, callback: (error: unknown, response: any) => void) =>
        registerResource(request, (error: unknown, response: any) => {
            if (!error) {
                resources.push({
                    urn: response.getUrn(),
                    type: request.getType(),
                    name: request.getName(),
                    custom: request.getCustom(),
                    parent: request.getParent() || undefined,
                    // Unwrapped, as the engine hands inputs to policies; which were secret is in secretInputs.
                    inputs: revealed(pulumi.runtime.deserializeProperties(request.getObject())),
                    secretInputs: secretPaths(request.getObject().toJavaScript()),
                    id: response.getId(),
                    outputs: revealed(pulumi.runtime.deserializeProperties(response.getObject())),
                    protect: request.getProtect() ?? false,
                    retainOnDelete: request.getRetainondelete() ?? false,
                    deleteBeforeReplace: request.getDeletebeforereplace() || undefined,
                    dependencies: request.getDependenciesList() ?? [],
                    importId: request.getImportid() || undefined,
                    ignoreChanges: request.getIgnorechangesList() ?? [],
                    additionalSecretOutputs: request.getAdditionalsecretoutputsList() ?? [],
                    providerReference: request.getProvider() || undefined,
                });
            }
            callback(error, response);
        });
    return resources;
}

/** The paths of the values a serialized property map marks secret (@pulumi/pulumi runtime/rpc.ts `secretSig`). */
function secretPaths(value: unknown, path = ""): string[] {
    if (Array.isArray(value)) {
        return value.flatMap((item, index) => secretPaths(item, `${path}[${index}]`));
    }
    if (value === null || typeof value !== "object") {
        return [];
    }
    const record = value as Record<string, unknown>;
    if (record[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) {
        return [path];
    }
    return Object.entries(record).flatMap(([key, inner]) => secretPaths(inner, path === "" ? key : `${path}.${key}`));
}

async function resolve(value: unknown): Promise<unknown> {
    if (pulumi.Output.isInstance(value)) {
        const [resolved, secret] = await Promise.all([
            new Promise((done) => value.apply((inner) => done(inner))),
            pulumi.isSecret(value),
        ]);
        const inner = await resolve(resolved);
        return secret ? new SecretValue(inner) : inner;
    }
    if (pulumi.Resource.isInstance(value)) {
        return undefined;
    }
    if (Array.isArray(value)) {
        return Promise.all(value.map(resolve));
    }
    if (value !== null && typeof value === "object") {
        const entries = await Promise.all(Object.entries(value).map(async ([key, inner]) => [key, await resolve(inner)]));
        return Object.fromEntries(entries.filter(([, inner]) => inner !== undefined));
    }
    return value;
}
