import { POLICY_NAMES } from "../catalogue";
import { baselineMismatch } from "../fixed-settings/baseline-scope";
import { readBaselineConfig } from "../policy-config";
import { currentProject, currentStack, stackPolicy } from "./common";

/**
 * The baseline in the config is this stack's. A baseline of another stack or project is a usage error: this
 * policy reports it once, and every other baseline policy compares nothing.
 */
export const baselineOfThisStack = stackPolicy(
    POLICY_NAMES.baselineOfThisStack,
    "The baseline in the policy config was captured for this stack of this project (npm run baseline -- --stack <stack>); another stack's baseline would compare nothing.",
    (args, report) => {
        const baseline = readBaselineConfig(args.getConfig<Record<string, unknown>>(), POLICY_NAMES.baselineOfThisStack);
        if (!baseline) return;
        const urn = args.resources[0]?.urn;
        const mismatch = baselineMismatch(baseline, currentStack(urn), currentProject(urn));
        if (mismatch !== undefined) report(mismatch);
    },
);
