import { POLICY_NAMES } from "../catalogue";
import { baselineMismatch } from "../fixed-settings/baseline-scope";
import { unreadableMessage } from "../own-baseline";
import { readBaselineConfig } from "../policy-config";
import { baselineFor, currentProject, currentStack, stackPolicy } from "./common";

/**
 * The baseline is this stack's. A baseline in the config of another stack or project is a usage error: this
 * policy reports it once, and every other baseline policy compares nothing. Given no baseline, a pack that finds
 * its own reports here, once for the stack, a state it could not read.
 */
export const baselineOfThisStack = stackPolicy(
    POLICY_NAMES.baselineOfThisStack,
    "The baseline compared against is this stack's: from the policy config, captured for this stack of this project (npm run baseline -- --stack <stack>), or, given none, read from the stack's deployed state.",
    async (args, report) => {
        const urn = args.resources[0]?.urn;
        const configured = readBaselineConfig(args.getConfig<Record<string, unknown>>(), POLICY_NAMES.baselineOfThisStack);
        if (configured) {
            const mismatch = baselineMismatch(configured, currentStack(urn), currentProject(urn));
            if (mismatch !== undefined) report(mismatch);
            return;
        }
        const found = await baselineFor(args, POLICY_NAMES.baselineOfThisStack, urn);
        if ("unreadable" in found) report(unreadableMessage(`stack ${currentStack(urn) ?? "(unnamed)"}`, found.unreadable));
    },
);
