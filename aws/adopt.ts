import { parseStackSettings, StackConfigError, StackContext } from "../config";
import { requireUniqueClientNames } from "./aws-baseline";
import { AdoptedSettings, settingsFromLive } from "./live-to-settings";
import type { LivePool } from "./read-pool";
import { PendingChange, pendingChanges } from "./round-trip";

export interface Adoption extends AdoptedSettings {
    /** Where the program, run with these settings, would still differ from the live pool. */
    readonly pendingChanges: PendingChange[];
}

/** Whether `pulumi up` with the adopted settings imports everything with no diff. */
export function isClean(adoption: Adoption): boolean {
    return adoption.gaps.length === 0 && adoption.pendingChanges.length === 0;
}

/**
 * The settings that reproduce a live pool in the given stack, checked by running them through the config's
 * validation and the program's own mapping.
 */
export function adoptionOf(live: LivePool, context: StackContext): Adoption {
    requireUniqueClientNames(live);
    const adopted = settingsFromLive(live);
    try {
        return { ...adopted, pendingChanges: pendingChanges(parseStackSettings(adopted.settings, context), live) };
    } catch (error) {
        if (!(error instanceof StackConfigError)) {
            throw error;
        }
        const invalid = error.problems.map((problem) => ({ setting: "config", live: undefined, why: `not valid in the config model: ${problem}` }));
        return { ...adopted, gaps: [...adopted.gaps, ...invalid], pendingChanges: [] };
    }
}
