import type { z } from "zod";
import { closestMatch, didYouMean } from "./suggestions";

/** The project's config namespace: every key is `cognito-user-pool:<key>`. */
export const configNamespace = "cognito-user-pool";

/** Bad stack config: one line per problem, each naming the key, the value given and what is allowed. */
export class StackConfigError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(`Invalid stack configuration (${counted(problems.length, "problem")}):\n` +
            problems.map((problem) => `  - ${problem}`).join("\n"));
        this.name = "StackConfigError";
    }
}

/** `1 user`, `2 users`: a count and its noun, singular for one. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : plural}`;
}

/** `cognito-user-pool:clients[0].tokenValidity.access` */
export function keyOf(path: readonly PropertyKey[]): string {
    return configNamespace + ":" + path
        .map((part, index) => typeof part === "number" ? `[${part}]` : (index === 0 ? "" : ".") + String(part))
        .join("");
}

export function describeValue(value: unknown): string {
    if (value === undefined) {
        return "nothing";
    }
    if (typeof value === "number" && !Number.isFinite(value)) {
        return String(value);
    }
    const text = JSON.stringify(value);
    return text.length > 80 ? text.slice(0, 77) + "..." : text;
}

// Not the pack's problemsOf (its schemaAt is shared): these lines name a key as `pulumi config` writes it and quote the value as the stack file holds it, from issues several parses gathered, with no one schema to word them from.
/** One line per issue; zod must have been asked to report inputs (`reportInput: true`). */
export function describeIssues(issues: readonly z.core.$ZodIssue[], allowedKeysAt: (path: PropertyKey[]) => string[]): string[] {
    return issues.flatMap((issue): string[] => {
        const shaped = shapedOption(issue);
        if (shaped !== undefined) {
            return describeIssues(shaped, allowedKeysAt);
        }
        if (issue.code === "unrecognized_keys") {
            const allowed = allowedKeysAt(issue.path);
            return issue.keys.map((key) =>
                `${keyOf([...issue.path, key])}: unknown key; allowed here: ${allowed.join(", ")}${didYouMean(closestMatch(key, allowed))}`);
        }
        return [`${keyOf(issue.path)}: got ${describeValue(issue.input)}; ${expectation(issue)}`];
    });
}

/**
 * The problems inside the one option of a union that the value has the shape of (`cognito` or a map: the map's own
 * problems, every one), at their full paths; undefined when the value has the shape of none or of several.
 */
function shapedOption(issue: z.core.$ZodIssue): z.core.$ZodIssue[] | undefined {
    if (issue.code !== "invalid_union") {
        return undefined;
    }
    const notItsShape = (inner: z.core.$ZodIssue) => inner.path.length === 0 && (inner.code === "invalid_type" || inner.code === "invalid_value");
    const shaped = issue.errors.filter((option) => !option.every(notItsShape));
    return shaped.length === 1 ? shaped[0].map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })) : undefined;
}

function expectation(issue: z.core.$ZodIssue): string {
    switch (issue.code) {
        case "invalid_type":
            return issue.message.startsWith("Invalid input") ? `expected ${article(issue.expected)}` : issue.message;
        case "invalid_value":
            return `expected one of ${issue.values.map((value) => String(value)).join(", ")}`;
        default:
            return issue.message;
    }
}

function article(expected: string): string {
    switch (expected) {
        case "boolean":
            return "true or false (without quotes)";
        case "array":
            return "a list";
        case "object":
            return "a map of keys";
        case "int":
        case "number":
            return "a number";
        default:
            return `a ${expected}`;
    }
}
