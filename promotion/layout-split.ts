import { isMap, isScalar, Pair, Scalar, YAMLMap } from "yaml";
import { configNamespace, userPoolKeys } from "../config";

/*
 * The earlier layout wrote every setting of the pool under one key, `cognito-user-pool:userPool`. Each group is a
 * top-level key now (config/catalogue/user-pool.ts), so that Pulumi.yaml can state the shared ones once: Pulumi
 * replaces a config value whole. These move the groups out: in a YAML document (its comments and layout kept)
 * and in the config values Pulumi hands a program (to check a rewrite).
 */

/** The keys that were under `userPool` and are keys of their own now; `userPool` keeps the rest. */
export const liftedKeys: readonly string[] = Object.keys(userPoolKeys).filter((key) => key !== "userPool");

const poolKey = "userPool";
const successorKey = "successor";
const namespaced = (key: string) => `${configNamespace}:${key}`;

export function keyText(node: unknown): string | undefined {
    return isScalar(node) ? String(node.value) : undefined;
}

/** A key for a moved value, with the comment and blank line that stood before the one it replaces. */
function keyLike(text: string, original: unknown): Scalar {
    const key = new Scalar(text);
    if (isScalar(original)) {
        key.commentBefore = original.commentBefore;
        key.spaceBefore = original.spaceBefore;
    }
    return key;
}

/** Takes the lifted keys out of a map; returns their pairs. */
function takeLifted(map: YAMLMap): Pair[] {
    const lifted = map.items.filter((pair) => liftedKeys.includes(keyText(pair.key) ?? ""));
    map.items = map.items.filter((pair) => !lifted.includes(pair));
    return lifted as Pair[];
}

/**
 * Moves the lifted keys of the map under `from` in `parent` to pairs of `parent` right after it (`keyOf` names
 * them), each with the comment that stood before it; drops the map when nothing is left in it. Returns the
 * keys moved.
 */
function liftPairs(parent: YAMLMap, from: string, keyOf: (key: string) => string): string[] {
    const index = parent.items.findIndex((pair) => keyText(pair.key) === from);
    const map = index < 0 ? undefined : parent.items[index].value;
    if (!isMap(map)) {
        return [];
    }
    const lifted = takeLifted(map);
    parent.items.splice(index + 1, 0, ...lifted.map((pair) => new Pair(keyLike(keyOf(keyText(pair.key)!), pair.key), pair.value)));
    if (lifted.length > 0 && map.items.length === 0) {
        parent.items.splice(index, 1);
    }
    return lifted.map((pair) => keyText(pair.key)!);
}

/** The `config:` map of a project or stack file's document, when it has one. */
export function configMap(document: { get(key: string, keepNode: true): unknown }): YAMLMap | undefined {
    const config = document.get("config", true);
    return isMap(config) ? config : undefined;
}

/**
 * Splits a stack file of the earlier layout: the groups under `cognito-user-pool:userPool` become top-level keys,
 * those under the successor's `userPool` keys of the successor. Returns the keys moved; none for a stack file of
 * this layout.
 */
export function splitStackFile(config: YAMLMap): string[] {
    const successor = config.items.find((pair) => keyText(pair.key) === namespaced(successorKey))?.value;
    return [
        ...liftPairs(config, namespaced(poolKey), namespaced),
        ...(isMap(successor) ? liftPairs(successor, poolKey, (key) => key) : []),
    ];
}

/**
 * Splits Pulumi.yaml's declaration of `userPool` (`cognito-user-pool:userPool` or `userPool`) the same way: each
 * group of its `value` or `default` becomes a declaration of its own, with that attribute, beside it.
 */
export function splitProjectFile(config: YAMLMap): string[] {
    const index = config.items.findIndex((pair) => [namespaced(poolKey), poolKey].includes(keyText(pair.key) ?? ""));
    const declaration = index < 0 ? undefined : config.items[index].value;
    if (!isMap(declaration)) {
        return [];
    }
    // Written as userPool's key is: with the namespace or without.
    const prefix = keyText(config.items[index].key)!.slice(0, -poolKey.length);
    return ["value", "default"].flatMap((attribute) => {
        const value = declaration.get(attribute, true);
        const lifted = isMap(value) ? takeLifted(value) : [];
        config.items.splice(index + 1, 0, ...lifted.map((pair) => {
            const group = new YAMLMap();
            group.items = [new Pair(new Scalar(attribute), pair.value)];
            return new Pair(keyLike(`${prefix}${keyText(pair.key)}`, pair.key), group);
        }));
        return lifted.map((pair) => keyText(pair.key)!);
    });
}

const isPlainMap = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === "object" && !Array.isArray(value);

/** A config value as the Pulumi CLI hands it to a program: a string as it is, anything else as JSON. */
const configText = (value: unknown) => typeof value === "string" ? value : JSON.stringify(value);

/**
 * A stack's merged config of the earlier layout (`namespace:key` → value as Pulumi hands it over), as the same
 * settings read in this layout: what a rewrite of its files must read back as.
 */
export function splitConfig(config: Readonly<Record<string, string>>): Record<string, string> {
    const split = { ...config };
    const lift = (into: Record<string, unknown>, map: Record<string, unknown>) => {
        for (const key of liftedKeys.filter((key) => key in map)) {
            into[key] = map[key];
            delete map[key];
        }
    };
    const pool = split[namespaced(poolKey)] === undefined ? undefined : JSON.parse(split[namespaced(poolKey)]);
    if (isPlainMap(pool)) {
        const top: Record<string, unknown> = {};
        lift(top, pool);
        for (const [key, value] of Object.entries(top)) {
            split[namespaced(key)] = configText(value);
        }
        split[namespaced(poolKey)] = JSON.stringify(pool);
    }
    const successor = split[namespaced(successorKey)] === undefined ? undefined : JSON.parse(split[namespaced(successorKey)]);
    if (isPlainMap(successor) && isPlainMap(successor[poolKey])) {
        lift(successor, successor[poolKey]);
        if (Object.keys(successor[poolKey]).length === 0) {
            delete successor[poolKey];
        }
        split[namespaced(successorKey)] = JSON.stringify(successor);
    }
    return split;
}
