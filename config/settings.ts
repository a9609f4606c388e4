import { z } from "zod";
import { schemaAt } from "cognito-user-pool-policies/fixed-settings";
import { configNamespace, describeIssues, keyOf, StackConfigError } from "./rules/problems";
import { configKeyProblems } from "./rules/config-keys";
import { parseConfigValue } from "./rules/numbers";
import { passkeyProblems, resolvePasskeys } from "./catalogue/passkeys";
import { userPoolKeys } from "./catalogue/user-pool";
import type { SuccessorSettings } from "./catalogue/successor";
import { StackSettings, stackSettingsSchema, validateSettings } from "./schema";
import { brandingFileProblems } from "./branding-files";
import { arnRegionProblem } from "./rules/lambda-arns";
import { identityRegionProblem } from "./rules/ses-sender";
import { triggerArnsAt } from "./catalogue/triggers";
import { plaintextSecretProblems } from "./catalogue/identity-providers";
import { resolveSuccessor, schemaPathOf } from "./successor-settings";

/** Where the settings are used, for the defaults that depend on it. */
export interface StackContext {
    readonly project: string;
    readonly stack: string;
    /** The stack's AWS region (`aws:region`), when set: an SES identity given by ARN must be there. */
    readonly region?: string;
    /**
     * The project directory, where the program reads the clients' branding assets: given, each asset file is
     * checked there. The program gives its working directory, the project's (Pulumi runs it there).
     */
    readonly projectDir?: string;
    /** The config keys that are secrets, when known (the program): a credential under any other is refused. */
    readonly secretKeys?: readonly string[];
}

/**
 * Validates a stack's raw config (keys without the namespace, values as YAML gives them) and applies every
 * default. Throws a StackConfigError listing all problems at once.
 */
export function parseStackSettings(raw: Record<string, unknown>, context: StackContext): StackSettings {
    return settingsOrProblems(raw, context, []);
}

/**
 * Validates a stack's whole config as Pulumi hands it to the program (`namespace:key` → string): the keys of
 * every namespace, then this project's settings. Throws a StackConfigError listing all problems at once.
 */
export function parseStackConfig(values: Record<string, string>, context: StackContext): StackSettings {
    return settingsOrProblems(rawSettingsFromPulumiConfig(values), { region: values["aws:region"], ...context }, configKeyProblems(values));
}

function settingsOrProblems(raw: Record<string, unknown>, context: StackContext, keyProblems: string[]): StackSettings {
    const result = validateSettings(raw);
    const currentPoolName = result.data?.userPool.name ?? rawPoolName(raw) ?? `${context.project}-${context.stack}`;
    const successor = resolveSuccessor(raw, currentPoolName, result.error?.issues ?? []);
    const { issues, movedKeyProblems } = earlierLayoutNamed([...result.error?.issues ?? [], ...successor.issues]);
    const problems = [
        ...keyProblems,
        ...movedKeyProblems,
        ...describeIssues(issues, allowedKeysAt),
        ...(result.success ? contextProblems(result.data, context) : []),
        // Inherited clients are checked as the current pool's.
        ...(successor.settings !== undefined && context.projectDir !== undefined && (raw.successor as { clients?: unknown }).clients !== undefined
            ? brandingFileProblems(successor.settings.clients, context.projectDir, ["successor"]) : []),
    ];
    if (!result.success || problems.length > 0) {
        throw new StackConfigError(problems);
    }
    const { successor: _raw, ...settings } = result.data;
    return {
        ...settings,
        userPool: { ...settings.userPool, name: currentPoolName },
        passkeys: resolvePasskeys(settings, context.region),
        ...(successor.settings ? { successor: withPasskeysOfItsDomain(successor.settings, context.region) } : {}),
    };
}

/** A successor's passkeys follow its own domain, as the pool's follow the stack's. */
function withPasskeysOfItsDomain(successor: SuccessorSettings, region: string | undefined): SuccessorSettings {
    const passkeys = resolvePasskeys({ ...successor.userPool, domain: successor.domain }, region);
    return { ...successor, userPool: { ...successor.userPool, passkeys } };
}

/** Keys that the earlier layout wrote under `userPool` (every setting of the pool) and that are keys of their own now. */
const keysOfTheirOwn: readonly string[] = Object.keys(userPoolKeys).filter((key) => key !== "userPool");

/**
 * Each key of the earlier layout under `userPool` (or the successor's `userPool`) named with its place now and
 * the command that rewrites such files; the other issues as they are.
 */
function earlierLayoutNamed(issues: readonly z.core.$ZodIssue[]): { issues: z.core.$ZodIssue[]; movedKeyProblems: string[] } {
    const movedKeyProblems: string[] = [];
    const rest = issues.flatMap((issue) => {
        if (issue.code !== "unrecognized_keys" || issue.path[issue.path.length - 1] !== "userPool") {
            return [issue];
        }
        const moved = issue.keys.filter((key) => keysOfTheirOwn.includes(key));
        movedKeyProblems.push(...moved.map((key) => `${keyOf([...issue.path, key])}: unknown key; ${key} is a key of its own now ` +
            `(${keyOf([...issue.path.slice(0, -1), key])}): \`npm run promote -- --shared --write\` rewrites the earlier layout's files`));
        const others = issue.keys.filter((key) => !moved.includes(key));
        return others.length > 0 ? [{ ...issue, keys: others }] : [];
    });
    return { issues: rest, movedKeyProblems };
}

/**
 * What is wrong with valid settings in this stack: an SES identity, a trigger or its KMS key given by ARN in another
 * region; passkeys whose relying party id cannot default to a domain in this region; a branding asset file; a credential
 * in plain text.
 */
function contextProblems(settings: z.output<typeof stackSettingsSchema>, context: StackContext): string[] {
    const identityProblem = identityRegionProblem(settings.email.identityArn, context.region);
    return [
        ...(identityProblem === undefined ? [] : [`${keyOf(["email", "identityArn"])}: ${identityProblem}`]),
        ...triggerArnsAt(settings.triggers).flatMap(({ path, arn }) => {
            const problem = arnRegionProblem(arn, context.region);
            return problem === undefined ? [] : [`${keyOf(path)}: ${problem}`];
        }),
        ...passkeyProblems(settings, context.region).map(({ path, message }) => `${keyOf(path)}: ${message}`),
        ...context.projectDir === undefined ? [] : brandingFileProblems(settings.clients, context.projectDir),
        ...context.secretKeys === undefined ? [] : plaintextSecretProblems(settings.identityProviders, context.secretKeys),
    ];
}

/** The pool name as written, for a comparison when the settings did not validate. */
function rawPoolName(raw: Record<string, unknown>): string | undefined {
    const name = (raw.userPool as { name?: unknown } | undefined)?.name;
    return typeof name === "string" ? name : undefined;
}

/**
 * Turns Pulumi config values (strings, JSON for objects and lists) into raw settings: `protect: true` in a
 * stack file reaches a program as the string "true".
 */
export function rawSettingsFromPulumiConfig(values: Record<string, string>): Record<string, unknown> {
    const raw: Record<string, unknown> = {};
    for (const [fullKey, text] of Object.entries(values)) {
        const [namespace, key] = fullKey.split(":", 2);
        if (namespace === configNamespace) {
            raw[key] = parseConfigValue(text);
        }
    }
    return raw;
}

function allowedKeysAt(path: PropertyKey[]): string[] {
    const schema = schemaAt(stackSettingsSchema, schemaPathOf(path));
    return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}
