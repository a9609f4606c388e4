import { parseArgs } from "node:util";

/** A command line the command cannot run: reported with the usage, exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

export interface OptionSpec {
    readonly type: "string" | "boolean";
    readonly required?: boolean;
}

type ParsedOptions<Spec extends Record<string, OptionSpec>> = {
    readonly [Name in keyof Spec]: Spec[Name]["type"] extends "boolean"
        ? boolean
        : Spec[Name]["required"] extends true ? string : string | undefined;
};

/**
 * Parses `--name value` and `--flag` options strictly: an unknown option, a missing value, a positional
 * argument or a missing required option is a UsageError naming it. A flag not given is false.
 */
export function parseOptions<Spec extends Record<string, OptionSpec>>(argv: readonly string[], spec: Spec): ParsedOptions<Spec> {
    let values: Record<string, string | boolean | undefined>;
    try {
        ({ values } = parseArgs({ args: [...argv], options: typesOf(spec), strict: true, allowPositionals: false }));
    } catch (error) {
        throw new UsageError(describeParseError(error as Error & { code?: string }));
    }
    for (const [name, { type, required }] of Object.entries(spec)) {
        if (required && values[name] === undefined) {
            throw new UsageError(`missing --${name}`);
        }
        if (type === "boolean") {
            values[name] = values[name] === true;
        }
    }
    return values as ParsedOptions<Spec>;
}

function typesOf(spec: Record<string, OptionSpec>): Record<string, { type: "string" | "boolean" }> {
    return Object.fromEntries(Object.entries(spec).map(([name, { type }]) => [name, { type }]));
}

/** node:util's message, first line only; an unknown option named the way the user typed it. */
function describeParseError(error: Error & { code?: string }): string {
    if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
        return `unknown option ${/'([^']+)'/.exec(error.message)?.[1]}`;
    }
    return error.message.split("\n")[0];
}

const stackNamePattern = /^[A-Za-z0-9_.-]+$/;

/** The stack an option names, as Pulumi allows stack names; missing or anything else (a path, say) is a usage error. */
export function stackName(value: string | undefined, option: string): string {
    if (value === undefined) {
        throw new UsageError(`missing ${option}`);
    }
    if (!stackNamePattern.test(value)) {
        throw new UsageError(`${option} ${JSON.stringify(value)}: a stack name has only letters, digits, -, _ and .`);
    }
    return value;
}
