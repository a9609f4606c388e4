import { Baseline, baselineFromStateExport } from "../../../policy-pack/src/fixed-settings";
import { stateExport } from "./fixtures";

/** The baseline of the seed's deployed stack (pool `auth-pool`, client `web`), from its state export. */
export function seedBaseline(stack = "dev"): Baseline {
    return baselineFromStateExport(stateExport(stack), { capturedAt: "2026-11-26T07:00:00.000Z" });
}

/** A fixed-settings policy's config holding that baseline. */
export function withBaseline(stack = "dev"): { config: Record<string, unknown>; stack: string } {
    return { config: { baseline: seedBaseline(stack) }, stack };
}
