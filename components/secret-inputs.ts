import * as pulumi from "@pulumi/pulumi";

/**
 * `args` with the values at `paths` (`smsConfiguration.externalId`, `schemas[].name`) made Pulumi secrets, so that
 * the state and `pulumi preview --diff` keep them encrypted. A path that reaches an Output before its end (a value
 * only known once another resource is) makes that whole Output secret; a path to nothing is left alone.
 */
export function withSecretInputs<T extends object>(args: T, paths: readonly string[]): T {
    return paths.reduce((result, path) => secretAt(result, path.split(".")) as T, args);
}

function secretAt(value: unknown, parts: readonly string[]): unknown {
    if (value === undefined || value === null) {
        return value;
    }
    if (pulumi.Output.isInstance(value) || parts.length === 0) {
        return pulumi.secret(value);
    }
    const [first, ...rest] = parts;
    const listed = first.endsWith("[]");
    const key = listed ? first.slice(0, -2) : first;
    if (typeof value !== "object" || !(key in value)) {
        return value;
    }
    const inner = (value as Record<string, unknown>)[key];
    const replaced = listed && Array.isArray(inner) ? inner.map((item) => secretAt(item, rest)) : secretAt(inner, listed ? [] : rest);
    return { ...value, [key]: replaced };
}
