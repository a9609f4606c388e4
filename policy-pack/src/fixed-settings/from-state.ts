import { clientSettingsFromProps, poolSettingsFromProps, requireKnownClient, requireKnownPool } from "./from-props";
import {
    EMAIL_IDENTITY_TYPE, IDENTITY_PROVIDER_TYPE, MANAGED_LOGIN_BRANDING_TYPE, RESOURCE_SERVER_TYPE, USER_GROUP_TYPE, USER_POOL_CLIENT_TYPE,
    USER_POOL_DOMAIN_TYPE, USER_POOL_TYPE, fixedInputsOf, settingsFromInputs,
} from "./table";
import { deployedPlanFromInputs } from "./deployed-plan";
import { FixedSettingsReadError, describe } from "./normalize";
import { regionOfArn, regionOfPoolId } from "./region";
import {
    Baseline, BaselineBranding, BaselineClient, BaselineDomain, BaselineEmailIdentity, BaselineGroup, BaselineIdentityProvider, BaselineResourceServer,
    BaselineUserPool,
} from "./types";
import { sentinelPaths } from "./unknown";

/** One resource of a `pulumi stack export` (version 3 or 4); only the fields read here. */
export interface StateResource {
    urn: string;
    type: string;
    id?: string;
    custom?: boolean;
    delete?: boolean;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    protect?: boolean;
    retainOnDelete?: boolean;
    parent?: string;
    /** The provider resource: `<provider URN>::<provider id>`. */
    provider?: string;
    /** Marked for replacement at the next update (`pulumi state taint`; a version-4 feature). */
    taint?: boolean;
}

/** `pulumi stack export` output, version 3 or 4. */
export interface StateExport {
    version: number;
    /** Version 4: the features the deployment uses. */
    features?: string[];
    deployment: { resources?: StateResource[] | null; [k: string]: unknown };
}

/**
 * `pulumi stack export` writes version 3, or 4 when the stack uses a feature that needs it: the same DeploymentV3
 * document, plus the list of features it uses, and the CLI refuses a feature it does not know (pulumi/pulumi
 * v3.248.0 pkg/resource/stack/deployment.go L54, L66-72, L123-129, L147-163, L271-274, L407-411;
 * sdk/go/common/apitype/core.go L81-88, L380-391). None of them changes a field read here.
 */
const EXPORT_VERSIONS = [3, 4];
const VERSION_4_FEATURES = ["refreshBeforeUpdate", "views", "hooks", "taint", "replaceWith", "snippets-prototype"];

function checkVersion(exported: Record<string, unknown>): void {
    if (!EXPORT_VERSIONS.includes(exported.version as number)) {
        throw new FixedSettingsReadError(`state export.version: expected 3 or 4 (pulumi stack export), got ${describe(exported.version)}`);
    }
    const features = exported.features ?? [];
    if (!Array.isArray(features) || features.some(f => typeof f !== "string")) {
        throw new FixedSettingsReadError(`state export.features: expected a list of strings, got ${describe(features)}`);
    }
    const unknown = features.filter(f => !VERSION_4_FEATURES.includes(f));
    if (unknown.length > 0) {
        throw new FixedSettingsReadError(`state export.features: ${unknown.map(f => `"${f}"`).join(", ")} unknown to this reader ` +
            `(it knows ${VERSION_4_FEATURES.join(", ")}): a newer CLI wrote this state; update the pack`);
    }
}

/** A tainted guarded resource is replaced by the next update whatever its inputs: nothing to compare with. */
function refuseTainted(resources: readonly StateResource[]): void {
    const tainted = resources.filter(r => r.taint === true && fixedInputsOf(r.type).length > 0).map(r => r.urn);
    if (tainted.length > 0) {
        throw new FixedSettingsReadError(`state export: ${tainted.join(", ")} ${tainted.length === 1 ? "is" : "are"} tainted, so the next ` +
            "update replaces them: `pulumi state untaint` what must be kept");
    }
}

const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Replaces state-file secrets by their values when the export was made with --show-secrets
 * (`{sig, plaintext}`); an encrypted one (`{sig, ciphertext}`) is an error, since a fixed setting must be
 * readable. The error names the place, never the value.
 */
function unwrapSecrets(v: unknown, where: string): unknown {
    if (Array.isArray(v)) {
        return v.map((x, i) => unwrapSecrets(x, `${where}[${i}]`));
    }
    if (v !== null && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (o[SECRET_SIG_KEY] === SECRET_SIG) {
            if (typeof o.plaintext === "string") {
                let plaintext: unknown;
                try {
                    plaintext = JSON.parse(o.plaintext);
                } catch {
                    // `pulumi stack export --show-secrets` writes the plaintext as JSON text: this one is damaged.
                    throw new FixedSettingsReadError(`${where} is a secret whose plaintext in the state export is not JSON: ` +
                        "export the state again with `pulumi stack export --show-secrets`");
                }
                return unwrapSecrets(plaintext, where);
            }
            throw new FixedSettingsReadError(
                `${where} is an encrypted secret in the state export: export with --show-secrets, or do not mark fixed settings as secret`,
            );
        }
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unwrapSecrets(x, `${where}.${k}`)]));
    }
    return v;
}

/** The stack name in a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`), or undefined. */
export function stackFromUrn(urn: string): string | undefined {
    const m = /^urn:pulumi:([^:]+)::/.exec(urn);
    return m ? m[1] : undefined;
}

/** The project name in a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`), or undefined. */
export function projectFromUrn(urn: string): string | undefined {
    const m = /^urn:pulumi:[^:]+::([^:]+)::/.exec(urn);
    return m ? m[1] : undefined;
}

/**
 * A resource's view of the given keys: what the provider last read (outputs) where present, else what the
 * program sent (inputs); only outputs for an input whose row says the provider compares its state alone
 * (generateSecret: an imported client's state has none, whatever the program sends). A value the
 * engine marks unknown (a sentinel) is refused, naming the resource and the key: a deployed setting must be
 * known, and reading it as absent would record a default that is not deployed.
 */
function deployedView(r: StateResource, keys: string[], where: string, outputsOnly: readonly string[] = []): Record<string, unknown> {
    const view: Record<string, unknown> = {};
    for (const k of keys) {
        const out = r.outputs?.[k];
        const inp = outputsOnly.includes(k) ? undefined : r.inputs?.[k];
        const v = out !== undefined && out !== null ? out : inp;
        if (v === undefined) continue;
        const unknown = sentinelPaths(v, k);
        if (unknown.length > 0) {
            throw new FixedSettingsReadError(
                `${where}: ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} unknown in the state export ` +
                    "(an update that did not finish?): run `pulumi refresh` and export again, or read the baseline from AWS (--from-aws)",
            );
        }
        view[k] = unwrapSecrets(v, `${where}.${k}`);
    }
    return view;
}

/**
 * Where a resource lives: its own `region` (output, else input; @pulumi/aws 7), else its provider resource's
 * `region` input, else the region in its ARN or pool id, else `fallback` (a client: its pool's region).
 */
function regionOf(r: StateResource, providers: Map<string, StateResource>, where: string, fallback?: string): string {
    const view = deployedView(r, ["region", "arn"], where);
    const provider = r.provider === undefined ? undefined : providers.get(r.provider);
    const fromProvider = provider === undefined ? undefined : deployedView(provider, ["region"], `state export resource ${provider.urn}`).region;
    const region = [view.region, fromProvider, regionOfArn(view.arn), r.type === USER_POOL_TYPE ? regionOfPoolId(r.id) : undefined, fallback]
        .find((v): v is string => typeof v === "string" && v !== "");
    if (region === undefined) {
        throw new FixedSettingsReadError(`${where}.region: not recorded, and neither its provider, ARN nor id names one`);
    }
    return region;
}

/** Provider resources by the reference other resources hold to them (`<urn>::<id>`). */
function providersByReference(resources: StateResource[]): Map<string, StateResource> {
    return new Map(resources.filter(r => r.type.startsWith("pulumi:providers:") && typeof r.id === "string").map(r => [`${r.urn}::${r.id}`, r]));
}

export interface BaselineFromStateOptions {
    /** The stack the export belongs to; checked against its URNs. Default: the stack in the URNs. */
    stack?: string;
    /** The project the export must belong to; checked against its URNs. Default: not checked. */
    project?: string;
    /** Default: now. */
    capturedAt?: string | Date;
}

function isObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * Builds a baseline from `pulumi stack export` JSON: every aws:cognito/userPool:UserPool and UserPoolClient in
 * the stack, keyed by URN. A client's `userPool` is the URN of the pool whose physical id its `userPoolId`
 * names; a client of a pool that is not in this stack is an error (nothing here could judge it).
 * Resources pending deletion (`delete: true`) are skipped.
 */
export function baselineFromStateExport(exported: unknown, options: BaselineFromStateOptions = {}): Baseline {
    if (!isObject(exported)) {
        throw new FixedSettingsReadError(`state export: expected a JSON object, got ${describe(exported)}`);
    }
    checkVersion(exported);
    if (!isObject(exported.deployment)) {
        throw new FixedSettingsReadError(`state export.deployment: expected an object, got ${describe(exported.deployment)}`);
    }
    const rawResources = exported.deployment.resources ?? [];
    if (!Array.isArray(rawResources)) {
        throw new FixedSettingsReadError(`state export.deployment.resources: expected a list, got ${describe(rawResources)}`);
    }
    const resources: StateResource[] = rawResources.map((r: unknown, i: number) => {
        if (!isObject(r) || typeof r.urn !== "string" || typeof r.type !== "string") {
            throw new FixedSettingsReadError(`state export.deployment.resources[${i}]: expected an object with string urn and type`);
        }
        return r as unknown as StateResource;
    });

    const projects = new Set(resources.map(r => projectFromUrn(r.urn)).filter((p): p is string => p !== undefined));
    const otherProjects = [...projects].filter(p => options.project !== undefined && p !== options.project);
    if (otherProjects.length > 0) {
        throw new FixedSettingsReadError(
            `state export: it holds resources of project ${otherProjects.map(p => `"${p}"`).join(", ")}, not "${options.project}": export this project's stack`,
        );
    }
    const stacks = new Set(resources.map(r => stackFromUrn(r.urn)).filter((s): s is string => s !== undefined));
    if (stacks.size > 1) {
        throw new FixedSettingsReadError(`state export: resources of more than one stack (${[...stacks].join(", ")})`);
    }
    const urnStack = [...stacks][0];
    if (options.stack !== undefined && urnStack !== undefined && options.stack !== urnStack) {
        throw new FixedSettingsReadError(`state export: it is the state of stack "${urnStack}", not "${options.stack}"`);
    }
    const stack = options.stack ?? urnStack;
    if (!stack) {
        throw new FixedSettingsReadError("state export: no resources to take the stack name from; pass the stack name");
    }

    const live = resources.filter(r => r.delete !== true);
    refuseTainted(live);
    const providers = providersByReference(live);
    const userPools: Record<string, BaselineUserPool> = {};
    const poolUrnById = new Map<string, string>();
    for (const r of live.filter(x => x.type === USER_POOL_TYPE)) {
        const where = `state export resource ${r.urn}`;
        if (typeof r.id !== "string" || r.id === "") {
            throw new FixedSettingsReadError(`${where}.id: expected the pool's id, got ${describe(r.id)}`);
        }
        const view = deployedView(r, ["name", "userPoolTier", "userPoolAddOns", ...inputKeysOf(USER_POOL_TYPE)], where, outputsOnlyKeysOf(USER_POOL_TYPE));
        const settings = requireKnownPool(prefixErrors(where, () => poolSettingsFromProps(view)), where);
        userPools[r.urn] = { id: r.id, region: regionOf(r, providers, where), ...settings, ...deployedPlanFromInputs(view) };
        poolUrnById.set(r.id, r.urn);
    }

    const clients: Record<string, BaselineClient> = {};
    for (const r of live.filter(x => x.type === USER_POOL_CLIENT_TYPE)) {
        const where = `state export resource ${r.urn}`;
        if (typeof r.id !== "string" || r.id === "") {
            throw new FixedSettingsReadError(`${where}.id: expected the client's id, got ${describe(r.id)}`);
        }
        const view = deployedView(r, ["name", "userPoolId", ...inputKeysOf(USER_POOL_CLIENT_TYPE)], where, outputsOnlyKeysOf(USER_POOL_CLIENT_TYPE));
        const c = requireKnownClient(prefixErrors(where, () => clientSettingsFromProps(view)), where);
        const poolUrn = c.userPoolId !== undefined ? poolUrnById.get(c.userPoolId) : undefined;
        if (poolUrn === undefined) {
            // Fail closed: a deployed client the baseline cannot record would pass every policy unjudged.
            throw new FixedSettingsReadError(`${where}.userPoolId: ${describe(c.userPoolId)} is not the id of a user pool in this stack, ` +
                "so the baseline cannot record which pool the client belongs to: manage the client in the stack of its pool");
        }
        const { userPoolId: _poolId, ...settings } = c;
        clients[r.urn] = { id: r.id, region: regionOf(r, providers, where, userPools[poolUrn].region), ...settings, userPool: poolUrn };
    }

    const emailIdentities: Record<string, BaselineEmailIdentity> = {};
    for (const r of live.filter(x => x.type === EMAIL_IDENTITY_TYPE)) {
        const where = `state export resource ${r.urn}`;
        if (typeof r.id !== "string" || r.id === "") {
            throw new FixedSettingsReadError(`${where}.id: expected the SES identity, got ${describe(r.id)}`);
        }
        emailIdentities[r.urn] = { id: r.id, region: regionOf(r, providers, where) };
    }

    /**
     * The pool's groups (resource servers, domain): the name (identifier, domain) and pool each was created with;
     * a domain also its certificate, which the provider's Read records as "" for a prefix domain (user_pool_domain.go).
     */
    const poolMembers = <K extends "name" | "identifier" | "domain" | "providerName">(type: string, key: K, optional: readonly string[] = []) => {
        const members: Record<string, { id: string; region: string; userPool: string } & Record<K, string>> = {};
        for (const r of live.filter(x => x.type === type)) {
            const where = `state export resource ${r.urn}`;
            const view = deployedView(r, [key, "userPoolId", ...optional], where);
            const poolUrn = typeof view.userPoolId === "string" ? poolUrnById.get(view.userPoolId) : undefined;
            if (typeof r.id !== "string" || r.id === "" || typeof view[key] !== "string" || poolUrn === undefined) {
                throw new FixedSettingsReadError(`${where}: expected its id, ${key} and the id of a user pool in this stack ` +
                    `(userPoolId ${describe(view.userPoolId)}): manage it in the stack of its pool`);
            }
            const recorded = Object.fromEntries(optional.filter((field) => typeof view[field] === "string" && view[field] !== "").map((field) => [field, view[field]]));
            members[r.urn] = { id: r.id, region: regionOf(r, providers, where, userPools[poolUrn].region), [key]: view[key], userPool: poolUrn, ...recorded } as never;
        }
        return members;
    };
    const groups: Record<string, BaselineGroup> = poolMembers(USER_GROUP_TYPE, "name");
    const resourceServers: Record<string, BaselineResourceServer> = poolMembers(RESOURCE_SERVER_TYPE, "identifier");
    const domains: Record<string, BaselineDomain> = poolMembers(USER_POOL_DOMAIN_TYPE, "domain", ["certificateArn"]);
    const identityProviders = poolMembers(IDENTITY_PROVIDER_TYPE, "providerName", ["providerType"]) as Record<string, BaselineIdentityProvider>;

    /** The clients' branding styles: the client and pool each belongs to, and its assets. */
    const brandings: Record<string, BaselineBranding> = {};
    const clientUrnById = new Map(Object.entries(clients).map(([urn, client]) => [client.id, urn]));
    for (const r of live.filter(x => x.type === MANAGED_LOGIN_BRANDING_TYPE)) {
        const where = `state export resource ${r.urn}`;
        const view = deployedView(r, ["clientId", "userPoolId", ...inputKeysOf(MANAGED_LOGIN_BRANDING_TYPE)], where);
        const poolUrn = typeof view.userPoolId === "string" ? poolUrnById.get(view.userPoolId) : undefined;
        const clientUrn = typeof view.clientId === "string" ? clientUrnById.get(view.clientId) : undefined;
        if (typeof r.id !== "string" || r.id === "" || poolUrn === undefined || clientUrn === undefined) {
            throw new FixedSettingsReadError(`${where}: expected its id and the ids of a user pool and a client in this stack ` +
                `(userPoolId ${describe(view.userPoolId)}, clientId ${describe(view.clientId)}): manage it in the stack of its client`);
        }
        const settings = Object.entries(prefixErrors(where, () => settingsFromInputs(MANAGED_LOGIN_BRANDING_TYPE, row => row.fromInputs(view, row.input))))
            .filter(([, value]) => value !== undefined);
        brandings[r.urn] = { id: r.id, region: regionOf(r, providers, where, userPools[poolUrn].region), client: clientUrn, userPool: poolUrn, ...Object.fromEntries(settings) };
    }

    return {
        source: "pulumi-state", stack, capturedAt: isoTime(options.capturedAt), userPools, clients, emailIdentities, groups, resourceServers, domains,
        brandings, identityProviders,
    };
}

/** The input names (top-level keys of a resource's inputs) the table's setting rows of a type read. */
function inputKeysOf(type: string): string[] {
    return [...new Set(fixedInputsOf(type).filter(row => row.state !== "identity").map(row => row.input.split(".")[0]))];
}

function outputsOnlyKeysOf(type: string): string[] {
    return fixedInputsOf(type).filter(row => row.state === "outputs-only").map(row => row.input.split(".")[0]);
}

export function isoTime(t: string | Date | undefined): string {
    const d = t === undefined ? new Date() : new Date(t);
    if (Number.isNaN(d.getTime())) {
        throw new FixedSettingsReadError(`capturedAt: not a date: ${describe(t)}`);
    }
    return d.toISOString();
}

function prefixErrors<T>(where: string, fn: () => T): T {
    try {
        return fn();
    } catch (e) {
        if (e instanceof FixedSettingsReadError && !e.message.startsWith(where)) {
            throw new FixedSettingsReadError(`${where}.${e.message}`);
        }
        throw e;
    }
}
