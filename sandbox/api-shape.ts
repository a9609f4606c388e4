/*
 * Provider inputs (camelCase paths) as the Cognito API writes them: each input under the API's name for it,
 * PascalCased unless a table names it otherwise. terraform-provider-aws's expand functions do this field by field
 * (internal/service/cognitoidp/user_pool.go, user_pool_client.go); the tables hold where they differ.
 */

/** Input path → API path, where the API's name is not the PascalCased input path. */
export type ApiNames = Readonly<Record<string, string>>;

const pascal = (name: string) => name[0].toUpperCase() + name.slice(1);
const isMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** A value as the API writes it: the keys of its objects PascalCased, unset fields left out. */
function apiValue(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(apiValue);
    }
    if (isMap(value)) {
        return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined).map(([key, inner]) => [pascal(key), apiValue(inner)]));
    }
    return value;
}

export function setAt(target: Record<string, any>, path: string, value: unknown): void {
    const parts = path.split(".");
    const last = parts.pop()!;
    parts.reduce((inner, part) => (inner[part] ??= {}), target)[last] = value;
}

/**
 * The inputs in the API's shape. A path in `names` goes to the API path it names, its value PascalCased within,
 * except for `userKeyed` paths (maps whose keys are the user's, such as tags), kept as they are.
 */
export function apiShaped(inputs: Record<string, unknown>, names: ApiNames, userKeyed: ReadonlySet<string> = new Set()): Record<string, any> {
    const shaped: Record<string, any> = {};
    const walk = (value: unknown, path: string) => {
        if (value === undefined) {
            return;
        }
        if (names[path] !== undefined) {
            setAt(shaped, names[path], userKeyed.has(path) ? value : apiValue(value));
        } else if (isMap(value) && Object.keys(value).length > 0) {
            Object.entries(value).forEach(([key, inner]) => walk(inner, path === "" ? key : `${path}.${key}`));
        } else {
            setAt(shaped, path.split(".").map(pascal).join("."), apiValue(value));
        }
    };
    walk(inputs, "");
    return shaped;
}
