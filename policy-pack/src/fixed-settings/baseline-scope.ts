import { projectFromUrn, stackFromUrn } from "./from-state";
import { Baseline } from "./types";

/** The URNs a baseline records, of every kind of resource. */
function baselineUrns(baseline: Baseline): string[] {
    return [...Object.keys(baseline.userPools), ...Object.keys(baseline.clients), ...Object.keys(baseline.emailIdentities)];
}

/** Verdicts already reached, per baseline and stack/project: every policy asks for every resource. */
const verdicts = new WeakMap<Baseline, Map<string, string | undefined>>();

/**
 * Why a baseline cannot be compared with the stack being previewed, or undefined when it can: it was captured
 * for another stack, or its URNs belong to another project. A usage error, reported once (not per policy).
 */
export function baselineMismatch(baseline: Baseline, stack: string | undefined, project: string | undefined): string | undefined {
    const known = verdicts.get(baseline) ?? new Map<string, string | undefined>();
    verdicts.set(baseline, known);
    const key = JSON.stringify([stack, project]);
    if (!known.has(key)) known.set(key, mismatchOf(baseline, stack, project));
    return known.get(key);
}

function mismatchOf(baseline: Baseline, stack: string | undefined, project: string | undefined): string | undefined {
    const regenerate = `Regenerate it with \`npm run baseline -- --stack ${stack ?? "<stack>"}\` and pass that file with --policy-pack-config.`;
    if (stack !== undefined && stack !== baseline.stack) {
        return `The baseline was captured for stack "${baseline.stack}", but this is stack "${stack}": nothing can be compared. ${regenerate}`;
    }
    const projects = [...new Set(baselineUrns(baseline).map(projectFromUrn))].filter((p): p is string => p !== undefined);
    const other = projects.filter(p => project !== undefined && p !== project);
    if (other.length > 0) {
        return `The baseline records resources of project ${other.map(p => `"${p}"`).join(", ")}, but this is project "${project}": nothing can be compared. ${regenerate}`;
    }
    const stacks = [...new Set(baselineUrns(baseline).map(stackFromUrn))].filter(s => s !== baseline.stack);
    if (stacks.length > 0) {
        return `The baseline of stack "${baseline.stack}" records resources of stack ${stacks.map(s => `"${s}"`).join(", ")}: it was edited by hand or assembled from another stack's state. ${regenerate}`;
    }
    return undefined;
}
