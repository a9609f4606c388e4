import { strict as assert } from "assert";
import { parseStackConfig, parseStackSettings, StackConfigError, StackContext } from "../../../config";

export const context: StackContext = { project: "cognito-user-pool", stack: "dev" };

function problemsThrownBy(parse: () => unknown): readonly string[] {
    try {
        parse();
    } catch (error) {
        assert.ok(error instanceof StackConfigError, `expected a StackConfigError, got ${error}`);
        return error.problems;
    }
    assert.fail("the settings were accepted");
}

/** The problem lines for raw settings (the `cognito-user-pool:` keys without their namespace). */
export function problemsOf(raw: Record<string, unknown>, stack: StackContext = context): readonly string[] {
    return problemsThrownBy(() => parseStackSettings(raw, stack));
}

/** The problem lines for a whole config as Pulumi hands it to the program (`namespace:key` → string). */
export function configProblemsOf(values: Record<string, string>): readonly string[] {
    return problemsThrownBy(() => parseStackConfig(values, context));
}

/** Asserts that the settings are refused with exactly these problem lines, in this order. */
export function assertProblems(raw: Record<string, unknown>, expected: readonly string[]): void {
    assert.deepEqual(problemsOf(raw), expected);
}

/** Asserts that the settings are accepted. */
export function assertAccepted(raw: Record<string, unknown>): void {
    parseStackSettings(raw, context);
}
