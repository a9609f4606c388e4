/** The object without its undefined values: an unset setting leaves its provider input (or its stack file key) out. */
export function withoutUnset<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;
}
