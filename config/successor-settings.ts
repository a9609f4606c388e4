import type { z } from "zod";
import { ClientSettings, stackSettingsSchema } from "./schema";
import { legacySubAttribute, SuccessorSettings, successorOwnKeys } from "./successor";

type Issue = z.core.$ZodIssue;
type RawMap = Record<string, unknown>;

const isMap = (value: unknown): value is RawMap => value !== null && typeof value === "object" && !Array.isArray(value);

/** The declaration of custom:legacy_sub: a string set once, by the migration. */
const legacySubDeclaration = { name: legacySubAttribute, type: "string", mutable: false };

/** What resolving `successor` gave: its settings, or the problems (as zod issues, keyed under `successor`). */
export type SuccessorResolution =
    | { readonly settings: SuccessorSettings; readonly issues: readonly [] }
    | { readonly settings?: undefined; readonly issues: readonly Issue[] };

/**
 * Resolves `successor` against the stack's raw settings: the new pool is the current pool's raw settings with
 * the successor's changes, validated by the same schema as the current pool, so every rule applies to it too.
 * Problems are keyed under `successor`; a problem of an inherited value that the current pool already has
 * (`alreadyReported`) is not repeated.
 */
export function resolveSuccessor(raw: RawMap, currentPoolName: string | undefined, alreadyReported: readonly Issue[]): SuccessorResolution {
    const successor = raw.successor;
    if (!isMap(successor) || typeof successor.name !== "string") {
        return { issues: [] }; // the shape is the stack schema's to report
    }
    const currentPool = isMap(raw.userPool) ? raw.userPool : {};
    const changes = isMap(successor.userPool) ? successor.userPool : {};
    const changedAttributes = isMap(successor.attributes) ? successor.attributes : {};
    const currentAttributes = isMap(currentPool.attributes) ? currentPool.attributes : {};
    const custom = changedAttributes.custom ?? currentAttributes.custom ?? [];
    const declaredAt = Array.isArray(custom) ? custom.findIndex((attribute) => isMap(attribute) && attribute.name === legacySubAttribute) : -1;
    const candidate = {
        userPool: {
            ...currentPool,
            ...changes,
            name: successor.name,
            signIn: successor.signIn ?? currentPool.signIn,
            attributes: {
                ...currentAttributes,
                ...changedAttributes,
                custom: Array.isArray(custom) && declaredAt < 0 ? [...custom, legacySubDeclaration] : custom,
            },
        },
        clients: successor.clients ?? raw.clients,
    };
    const result = stackSettingsSchema.safeParse(candidate, { reportInput: true });
    const reported = new Set(alreadyReported.map((issue) => issue.path.join(".")));
    const issues = [
        ...ownKeyIssues(changes),
        ...(declaredAt < 0 ? [] : [issueAt(
            [...(changedAttributes.custom !== undefined ? ["successor", "attributes"] : ["userPool", "attributes"]), "custom", declaredAt, "name"],
            legacySubAttribute,
            `the successor declares custom:${legacySubAttribute} itself (a migrated user's sub in the current pool): use another name`)]),
        ...(result.error?.issues ?? [])
            .filter((issue) => isChanged(issue.path, successor) || !reported.has(issue.path.join(".")))
            .map((issue) => ({ ...issue, path: successorPath(issue.path) })),
    ];
    if (successor.name === currentPoolName) {
        issues.push(issueAt(["successor", "name"], successor.name, `expected a name other than the current pool's (${currentPoolName})`));
    }
    if (result.success) {
        issues.push(...legacySubWriters(result.data.clients, successor));
    }
    if (issues.length > 0 || !result.success) {
        return { issues };
    }
    const { userPool, clients } = result.data;
    return {
        settings: { phase: successorPhaseOf(successor), userPool: { ...userPool, name: successor.name }, clients },
        issues: [],
    };
}

function successorPhaseOf(successor: RawMap): SuccessorSettings["phase"] {
    return (successor.phase ?? "side-by-side") as SuccessorSettings["phase"];
}

function issueAt(path: PropertyKey[], input: unknown, message: string): Issue {
    return { code: "custom", path, input, message };
}

function ownKeyIssues(changes: RawMap): Issue[] {
    return successorOwnKeys.filter((key) => key in changes).map((key) =>
        issueAt(["successor", "userPool", key], changes[key], `set successor.${key} instead`));
}

/** A key the successor sets itself, rather than inherits from the current pool. */
function isChanged(path: readonly PropertyKey[], successor: RawMap): boolean {
    const [top, key] = path;
    if (top === "clients") {
        return successor.clients !== undefined;
    }
    return successorOwnKeys.includes(key as never) || (isMap(successor.userPool) && String(key) in successor.userPool);
}

/** userPool.signIn.with → successor.signIn.with; userPool.mfa → successor.userPool.mfa; clients → successor.clients. */
function successorPath(path: readonly PropertyKey[]): PropertyKey[] {
    const [top, key, ...rest] = path;
    if (top === "userPool" && successorOwnKeys.includes(key as never)) {
        return ["successor", key, ...rest];
    }
    return top === undefined ? ["successor"] : ["successor", ...path];
}

/** Where the schema of a key under successor is: successor.signIn → userPool.signIn, successor.clients → clients. */
export function schemaPathOf(path: readonly PropertyKey[]): PropertyKey[] {
    const [top, key, ...rest] = path;
    if (top !== "successor") {
        return [...path];
    }
    if (key === "userPool" || key === "clients") {
        return [key, ...rest];
    }
    return successorOwnKeys.includes(key as never) && key !== "name" ? ["userPool", key, ...rest] : [...path];
}

/** custom:legacy_sub is set by the migration only: no app client of the new pool may write it. */
function legacySubWriters(clients: readonly ClientSettings[], successor: RawMap): Issue[] {
    return clients.flatMap((client, index) => {
        if (!Array.isArray(client.writeAttributes) || !client.writeAttributes.includes(`custom:${legacySubAttribute}`)) {
            return [];
        }
        const path = successor.clients !== undefined ? ["successor", "clients", index, "writeAttributes"] : ["clients", index, "writeAttributes"];
        return [issueAt(path, client.writeAttributes,
            `only the migration sets custom:${legacySubAttribute}: remove it from writeAttributes`)];
    });
}
