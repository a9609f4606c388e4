import {
    Baseline, baselineMismatch, catalogueEntry, GUARDED_RESOURCE_TYPES, IDENTITY_PROVIDER_TYPE, POLICY_NAMES, PolicyName, projectFromUrn, readBaselineConfig,
    readProtectedStacks, readRetiredClients, README_FIXED_SECTION, RESOURCE_SERVER_TYPE, stackFromUrn, USER_GROUP_TYPE,
    USER_POOL_CLIENT_TYPE, USER_POOL_DOMAIN_TYPE,
} from "cognito-user-pool-policies";
import { configKeysOfInput } from "../config/catalogue";
import type { PolicyPackConfig } from "../offline/run-policies";

/*
 * The engine's own verdict: what `pulumi preview --json` says it would do to the guarded resources. The pack sees
 * only new inputs; the engine knows what the provider will do (its Diff: replace, or delete).
 *
 * The JSON is the preview digest of pulumi v3.248.0: pkg/display/json.go PreviewDigest {steps: PreviewStep[]},
 * PreviewStep {op, urn, oldState, newState, diffReasons, replaceReasons, detailedDiff: {<path>: {kind,
 * inputDiff}}}, filled by pkg/backend/display/json.go getPreviewMetadataStep; ops are pkg/resource/deploy/step.go's
 * StepOp labels, detailedDiff kinds sdk/go/common/resource/plugin/provider.go DiffKind.String().
 */

/** One step of the digest, the fields read here. */
interface PreviewStep {
    readonly op: string;
    readonly urn: string;
    readonly oldState?: { readonly type?: string };
    readonly newState?: { readonly type?: string };
    readonly replaceReasons?: readonly string[];
    readonly detailedDiff?: Readonly<Record<string, { readonly kind?: string }>> | null;
}

/** The digest could not be read: the command stops (exit 2) rather than pass what it could not judge. */
export class PreviewDigestError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PreviewDigestError";
    }
}

/**
 * Steps that lose a resource: OpReplace, OpCreateReplacement and OpDeleteReplaced of a replacement (the two
 * physical steps appear only with --show-replacement-steps: pkg/backend/display/display.go shouldShow), OpDelete.
 */
const losingOps: readonly string[] = ["replace", "create-replacement", "delete-replaced", "delete"];

/** A guarded resource the preview would replace or delete, with the provider inputs that make it replace. */
export interface GuardedChange {
    readonly urn: string;
    readonly type: string;
    readonly ops: readonly string[];
    /** Top-level inputs (`replaceReasons`) and input paths whose diff kind replaces (`detailedDiff`). */
    readonly reasons: readonly string[];
}

/** `aws:cognito/userPool:UserPool` of `urn:pulumi:dev::project::parent$aws:cognito/userPool:UserPool::auth-pool`. */
function typeInUrn(urn: string): string {
    return urn.split("::")[2]?.split("$").pop() ?? "";
}

function stepsOf(digest: unknown): PreviewStep[] {
    if (digest === null || typeof digest !== "object" || Array.isArray(digest)) {
        throw new PreviewDigestError("`pulumi preview --json` printed no JSON object");
    }
    const steps = (digest as { steps?: unknown }).steps ?? [];
    if (!Array.isArray(steps) || steps.some((step) => typeof step?.op !== "string" || typeof step?.urn !== "string")) {
        throw new PreviewDigestError("`pulumi preview --json`: steps is not a list of steps with op and urn");
    }
    return steps as PreviewStep[];
}

/** One policy's entry of the config: its level and properties, as the engine hands them to the policy. */
function entryOf(config: PolicyPackConfig, policy: PolicyName): { level: string; properties: Record<string, unknown> } {
    const entry = config[policy];
    const all = config.all;
    const { enforcementLevel, ...properties } = typeof entry === "string" ? { enforcementLevel: entry } : entry ?? {};
    return { level: enforcementLevel ?? (typeof all === "string" ? all : all?.enforcementLevel) ?? catalogueEntry(policy).defaultLevel, properties };
}

/**
 * The pack's policies that let a deployed resource leave a protected stack, and where the baseline records it
 * (policy-pack/src/policies/groups-and-scopes-kept.ts, domain-kept.ts, identity-providers-kept.ts: protectedDeployedStackPolicy
 * over undeclared()).
 */
const keptBy: Readonly<Record<string, { readonly policy: PolicyName; readonly recorded: (baseline: Baseline) => Record<string, unknown> | undefined }>> = {
    [USER_GROUP_TYPE]: { policy: POLICY_NAMES.groupsAndScopesKept, recorded: (baseline) => baseline.groups },
    [RESOURCE_SERVER_TYPE]: { policy: POLICY_NAMES.groupsAndScopesKept, recorded: (baseline) => baseline.resourceServers },
    [USER_POOL_DOMAIN_TYPE]: { policy: POLICY_NAMES.domainKept, recorded: (baseline) => baseline.domains },
    [IDENTITY_PROVIDER_TYPE]: { policy: POLICY_NAMES.identityProvidersKept, recorded: (baseline) => baseline.identityProviders },
};

/**
 * Whether a deletion passes, given the policy config the pack runs with. A group, resource server, domain or identity provider: as
 * the pack decides, when its policy would not fail the update (advisory or disabled; a stack outside its
 * protectedStacks; a URN its baseline does not record); a config without this stack's baseline lets none go (the
 * pack would judge against a baseline this command cannot see, or fail on the mismatch). A client: only when
 * cognito-client-not-removed's retiredClients lists it, stricter than the pack, which only warns outside
 * protectedStacks. A pool or an SES identity: never.
 */
function deletionPasses(urn: string, type: string, config: PolicyPackConfig): boolean {
    const kept = keptBy[type];
    if (kept !== undefined) {
        const { policy, recorded } = kept;
        const { level, properties } = entryOf(config, policy);
        const baseline = readBaselineConfig(properties, policy);
        if (baseline === undefined || baselineMismatch(baseline, stackFromUrn(urn), projectFromUrn(urn)) !== undefined) {
            return false;
        }
        return level === "advisory" || level === "disabled" || !(urn in (recorded(baseline) ?? {})) ||
            !readProtectedStacks(properties, policy).includes(stackFromUrn(urn) ?? "");
    }
    return type === USER_POOL_CLIENT_TYPE &&
        readRetiredClients(entryOf(config, POLICY_NAMES.clientNotRemoved).properties, POLICY_NAMES.clientNotRemoved).includes(urn);
}

/**
 * The guarded resources the preview would replace or delete, one entry per resource. A deletion the pack lets
 * through with the same policy config passes (deletionPasses); a replacement never does.
 */
export function guardedChanges(digest: unknown, config: PolicyPackConfig): GuardedChange[] {
    const byUrn = new Map<string, { type: string; ops: Set<string>; reasons: Set<string> }>();
    for (const step of stepsOf(digest)) {
        const type = step.newState?.type ?? step.oldState?.type ?? typeInUrn(step.urn);
        if (!losingOps.includes(step.op) || !GUARDED_RESOURCE_TYPES.includes(type) || (step.op === "delete" && deletionPasses(step.urn, type, config))) {
            continue;
        }
        const change = byUrn.get(step.urn) ?? { type, ops: new Set<string>(), reasons: new Set<string>() };
        change.ops.add(step.op);
        for (const reason of step.replaceReasons ?? []) change.reasons.add(reason);
        for (const [path, diff] of Object.entries(step.detailedDiff ?? {})) {
            if (diff?.kind?.endsWith("-replace")) change.reasons.add(path);
        }
        byUrn.set(step.urn, change);
    }
    return [...byUrn].map(([urn, { type, ops, reasons }]) => ({ urn, type, ops: [...ops], reasons: [...reasons] }));
}

/** A provider input with the config keys that set it: `aliasAttributes (cognito-user-pool:signIn.with)`. */
function describeReason(type: string, reason: string): string {
    const keys = configKeysOfInput(type, reason);
    return `${reason} (${keys.length > 0 ? keys.join(", ") : "no config key of this project sets it"})`;
}

/** Why the command refuses, resource by resource, with the config keys behind each replacement. */
export function refusalText(stack: string, changes: readonly GuardedChange[]): string {
    const lines = changes.flatMap(({ urn, type, ops, reasons }) => [
        `  ${ops.includes("delete") ? "delete" : "replace"}: ${urn}`,
        ops.includes("delete")
            ? "    it leaves the program (or its logical name changed without an alias): Pulumi would delete it"
            : `    replaced because of: ${reasons.length > 0 ? reasons.map((reason) => describeReason(type, reason)).join("; ") : "(the preview names no input)"}`,
    ]);
    return [
        `refused: pulumi's own preview of stack ${stack} would replace or delete ${changes.length === 1 ? "a guarded resource" : `${changes.length} guarded resources`} ` +
            "(a pool loses its users, a client its id, a sender its verification, a group its members, a resource server the scopes clients hold, " +
            "a domain the URLs apps sign in through, an identity provider its users' sign-in); nothing was applied:",
        ...lines,
        `Keep these inputs as deployed; for a change Cognito fixes at creation see ${README_FIXED_SECTION}. ` +
            "A client removed on purpose is listed in the policy config's retiredClients (policy-pack/README.md, \"Retiring an app client\"), " +
            "which npm run up writes only for the successor's finish phase: retire any other with pulumi up and that config. " +
            `A group, resource server, domain or identity provider leaves a protected stack in an update whose policy config sets ` +
            `${POLICY_NAMES.groupsAndScopesKept}, ${POLICY_NAMES.domainKept} or ${POLICY_NAMES.identityProvidersKept} to advisory ` +
            "(policy-pack/README.md, \"Groups and resource servers\", \"The domain\", \"Identity providers\").",
    ].join("\n");
}
