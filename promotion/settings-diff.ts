import { isDeepStrictEqual } from "util";
import type { StackSettings } from "../config/schema";
import { isFixedAtCreation, isPerEnvironment, keyOf, SettingPath } from "./setting-keys";

/** One effective setting (defaults applied) whose value differs between the two stacks. */
export interface SettingDifference {
    readonly key: string;
    readonly path: SettingPath;
    /** The value in the stack promoted from; undefined: not set there. */
    readonly from: unknown;
    /** The value in the stack promoted to; undefined: not set there. */
    readonly to: unknown;
}

export interface SettingsDiff {
    /** Settings Cognito fixes at creation: promotable to a stack that has not deployed them yet. */
    readonly fixedAtCreation: readonly SettingDifference[];
    /** Settings a deployed stack can change, including clients only the promoted-from stack has. */
    readonly changeable: readonly SettingDifference[];
    /** Clients only the promoted-to stack has: left alone. */
    readonly onlyInTarget: readonly string[];
    /** Per-environment settings whose values differ: each stack keeps its own. */
    readonly perEnvironment: readonly SettingDifference[];
}

function isMap(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

type Client = StackSettings["clients"][number];

/**
 * The effective settings that differ between two stacks, per-environment ones apart. Maps are compared key by
 * key, lists as a whole, clients by name: a client only in `from` is one difference (its addition).
 */
export function diffSettings(from: StackSettings, to: StackSettings): SettingsDiff {
    const differences: SettingDifference[] = [];
    const onlyInTarget: string[] = [];
    const perEnvironment: SettingDifference[] = [];

    const compare = (fromValue: unknown, toValue: unknown, path: SettingPath): void => {
        if (keyOf(path) === "clients") {
            compareClients(fromValue as Client[], toValue as Client[]);
        } else if ((isMap(fromValue) || fromValue === undefined) && (isMap(toValue) || toValue === undefined)) {
            const keys = new Set([...Object.keys(fromValue ?? {}), ...Object.keys(toValue ?? {})]);
            for (const key of keys) {
                compare(fromValue?.[key], toValue?.[key], [...path, key]);
            }
        } else if (!isDeepStrictEqual(fromValue, toValue)) {
            (isPerEnvironment(path) ? perEnvironment : differences).push({ key: keyOf(path), path, from: fromValue, to: toValue });
        }
    };

    const compareClients = (fromClients: Client[], toClients: Client[]): void => {
        for (const client of fromClients) {
            const path = ["clients", { client: client.name }];
            const counterpart = toClients.find((other) => other.name === client.name);
            if (counterpart) {
                compare(client, counterpart, path);
            } else {
                differences.push({ key: keyOf(path), path, from: client, to: undefined });
            }
        }
        onlyInTarget.push(...toClients.filter((client) => !fromClients.some((other) => other.name === client.name))
            .map((client) => keyOf(["clients", { client: client.name }])));
    };

    compare(from, to, []);
    return {
        fixedAtCreation: differences.filter((difference) => isFixedAtCreation(difference.path)),
        changeable: differences.filter((difference) => !isFixedAtCreation(difference.path)),
        onlyInTarget,
        perEnvironment,
    };
}
