import { configKeysFor } from "../config";
import type { PolicyOutcome, PolicyVerdict } from "../offline/run-policies";
import type { PlannedResource, PlanReport } from "./plan-report";
import { counted } from "../config/rules/problems";

/*
 * The plan as a reader scans it: the resource tree the way `pulumi preview` draws it, each resource's settings
 * under it, then every policy's verdict and its violations the way the CLI reports them.
 */

function formatValue(value: unknown): string {
    if (Array.isArray(value)) {
        return value.length === 0 ? "[]" : value.map(formatValue).join(", ");
    }
    if (value !== null && typeof value === "object") {
        return Object.entries(value).filter(([, inner]) => inner !== undefined)
            .map(([key, inner]) => `${key} ${formatValue(inner)}`).join(", ");
    }
    return String(value);
}

interface TreeRow {
    readonly resource: PlannedResource;
    /** `│  ├─ ` and the like: the branches in front of the resource's type. */
    readonly branches: string;
    /** What continues the branches on the lines under it (its settings). */
    readonly continuation: string;
}

/** The resources in registration order, drawn as a tree by parent, as `pulumi preview` draws them. */
function treeRows(resources: readonly PlannedResource[]): TreeRow[] {
    const known = new Set(resources.map((resource) => resource.urn));
    const childrenOf = (parent: string | undefined) => resources.filter((resource) =>
        (resource.parent !== undefined && known.has(resource.parent) ? resource.parent : undefined) === parent);
    const walk = (parent: string | undefined, prefix: string, nested: boolean): TreeRow[] => {
        const children = childrenOf(parent);
        return children.flatMap((resource, index) => {
            const last = index === children.length - 1;
            const branch = nested ? (last ? "└─ " : "├─ ") : "";
            const continuation = prefix + (nested ? (last ? "   " : "│  ") : "");
            return [{ resource, branches: prefix + branch, continuation }, ...walk(resource.urn, continuation, true)];
        });
    };
    return walk(undefined, "", false);
}

function resourceLines(resources: readonly PlannedResource[]): string[] {
    const rows = treeRows(resources);
    const typeWidth = Math.max(...rows.map((row) => row.branches.length + row.resource.type.length));
    return rows.flatMap(({ resource, branches, continuation }) => {
        const options = [
            resource.protect && "protect",
            resource.retainOnDelete && "retainOnDelete",
            resource.importId && `import ${resource.importId}`,
        ].filter(Boolean).join(", ");
        const childBranch = resources.some((other) => other.parent === resource.urn) ? "│  " : "   ";
        return [
            `    ${(branches + resource.type).padEnd(typeWidth)}  ${resource.name}${options ? `  [${options}]` : ""}`,
            ...Object.entries(resource.settings).map(([key, value]) =>
                `    ${continuation}${childBranch}  ${key}: ${formatValue(value)}`),
        ];
    });
}

const outcomeLabels: Record<PolicyOutcome, string> = {
    passed: "passed",
    violated: "VIOLATED",
    notApplicable: "not applicable",
    disabled: "disabled",
};

function policyLines(policies: readonly PolicyVerdict[], resources: readonly PlannedResource[]): string[] {
    const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
    const nameWidth = Math.max(...policies.map((policy) => policy.policyName.length));
    return policies.flatMap((policy) => [
        `    ${outcomeLabels[policy.outcome].padEnd(14)}  ${policy.enforcementLevel.padEnd(9)}  ${policy.policyName.padEnd(nameWidth)}`.trimEnd(),
        ...policy.violations.flatMap((violation) => {
            const resource = violation.urn ? byUrn.get(violation.urn) : undefined;
            // Named from the policy's structured detail (the table's input), never parsed out of the message.
            const configKeys = violation.detail ? configKeysFor(violation.detail.resourceType, violation.detail.inputs) : [];
            return [
                `        [${violation.enforcementLevel}]  ${violation.policyName}${resource ? `  (${resource.type}: ${resource.name})` : ""}`,
                ...violation.message.split("\n").map((line) => `        ${line}`),
                ...(configKeys.length > 0 ? [`        config: ${configKeys.join(", ")}`] : []),
            ];
        }),
    ]);
}

function baselineLine(report: PlanReport): string {
    const baseline = report.baseline;
    return baseline
        ? `baseline ${baseline.file}: stack ${baseline.stack}, from ${baseline.source}, captured ${baseline.capturedAt}`
        : "no baseline: a first deployment, the fixed-settings policies have nothing to compare";
}

function verdictLine(report: PlanReport): string {
    const count = (level: string) => report.policies.reduce((sum, policy) =>
        sum + policy.violations.filter((violation) => violation.enforcementLevel === level).length, 0);
    const mandatory = count("mandatory");
    const advisory = count("advisory");
    const advice = advisory > 0 ? `; ${advisory} advisory` : "";
    return mandatory > 0
        ? `${counted(mandatory, "mandatory violation")}${advice}: \`pulumi preview --policy-pack policy-pack\` would fail.`
        : `No mandatory violation${advice}.`;
}

const phaseDescriptions: Record<string, string> = {
    "side-by-side": "both pools; the current one is the primary, users move to the new one as they sign in",
    "cutover": "the new pool is the primary (frontendConfig included); users still move from the old one as they sign in",
    "finish": "the trigger and the old pool's migration client are gone (npm run baseline and npm run up list the client under " +
        "retiredClients); the old pool stays, protected",
};

function migrationLines(report: PlanReport): string[] {
    const migration = report.migration;
    if (migration === undefined) {
        return [];
    }
    return [
        `Migration to the successor pool, phase ${migration.phase}: ${phaseDescriptions[migration.phase]}.`,
        "Does not move with a user:",
        ...migration.notMigrated.map((item) => `    - ${item}`),
        "",
    ];
}

/** The program's warnings, each line indented under a `warning:` head. */
function warningLines(report: PlanReport): string[] {
    return report.warnings.flatMap((warning) => [
        ...warning.split("\n").map((line, index) => `${index === 0 ? "warning: " : "    "}${line}`),
        "",
    ]);
}

/** The plan as text, ending with a newline. */
export function renderPlanText(report: PlanReport): string {
    return [
        `Stack ${report.stack} (project ${report.project}), evaluated offline: ${counted(report.resources.length, "resource")}`,
        "",
        ...resourceLines(report.resources),
        "",
        ...warningLines(report),
        ...migrationLines(report),
        `Policies (${baselineLine(report)}):`,
        ...policyLines(report.policies, report.resources),
        "",
        verdictLine(report),
        "",
    ].join("\n");
}
