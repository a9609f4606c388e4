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
    /** A one-letter form, as Pulumi's (`-s` for `--stack`); `-h` is always `--help`. */
    readonly short?: string;
}

export type ParsedOptions<Spec extends Record<string, OptionSpec>> = {
    readonly [Name in keyof Spec]: Spec[Name]["type"] extends "boolean"
        ? boolean
        : Spec[Name]["required"] extends true ? string : string | undefined;
};

/** The environment npm hands a script: an option npm took for its own arrives as `npm_config_<name>`. */
export type ScriptEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Parses `--name value` and `--flag` options strictly. A UsageError names every problem: an unknown option, a
 * missing value, an option given twice, a positional argument, a missing required option (not asked of
 * `--help`, whose short form is `-h`). Where npm kept options for itself (`npm run plan --stack dev`, without
 * `--`), the error says so. A flag not given is false.
 */
export function parseOptions<Spec extends Record<string, OptionSpec>>(
    argv: readonly string[], spec: Spec, environment: ScriptEnvironment = process.env): ParsedOptions<Spec> {
    let parsed: ReturnType<typeof parseArgs>;
    try {
        parsed = parseArgs({ args: [...argv], options: parserOptions(spec), strict: true, allowPositionals: true, tokens: true });
    } catch (error) {
        throw new UsageError(describeParseError(error as Error & { code?: string }));
    }
    // Every option is single (no `multiple`), so each value is one string or boolean.
    const values = parsed.values as Record<string, string | boolean | undefined>;
    const problems = [
        ...repeatedOptions(parsed.tokens ?? []),
        ...parsed.positionals.map((argument) => `unexpected argument ${JSON.stringify(argument)}: this command takes only options`),
        ...(values.help ? [] : Object.entries(spec).filter(([name, { required }]) => required && values[name] === undefined)
            .map(([name]) => `missing --${name}`)),
    ];
    if (problems.length > 0) {
        throw new UsageError([...problems, ...optionsTakenByNpm(spec, values, environment)].join("\n"));
    }
    for (const [name, { type }] of Object.entries(spec)) {
        if (type === "boolean") {
            values[name] = values[name] === true;
        }
    }
    return values as ParsedOptions<Spec>;
}

function parserOptions(spec: Record<string, OptionSpec>): Record<string, { type: "string" | "boolean"; short?: string }> {
    return Object.fromEntries(Object.entries(spec).map(([name, { type, short }]) =>
        [name, name === "help" ? { type, short: "h" } : short === undefined ? { type } : { type, short }]));
}

/** node:util's message, first line only; an unknown option named the way the user typed it. */
function describeParseError(error: Error & { code?: string }): string {
    if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
        return `unknown option ${/'([^']+)'/.exec(error.message)?.[1]}`;
    }
    return error.message.split("\n")[0];
}

type Token = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

/** `--stack given twice ("dev", then "prod"): give it once`: node:util would silently keep the last. */
function repeatedOptions(tokens: readonly Token[]): string[] {
    const given = new Map<string, string[]>();
    for (const token of tokens) {
        if (token.kind === "option") {
            given.set(token.name, [...given.get(token.name) ?? [], token.value ?? token.rawName]);
        }
    }
    return [...given].filter(([, values]) => values.length > 1)
        .map(([name, values]) => `--${name} given ${values.length} times (${values.map((value) => JSON.stringify(value)).join(", then ")}): give it once`);
}

/**
 * `npm run plan --stack dev` runs the script with `dev` alone: npm reads options before `--` as its own config
 * and exports them as `npm_config_<name>` (dashes as underscores). Said only alongside another problem, since a
 * user's .npmrc can set such a variable too.
 */
function optionsTakenByNpm(spec: Record<string, OptionSpec>, values: Record<string, unknown>, environment: ScriptEnvironment): string[] {
    const taken = Object.keys(spec)
        .filter((name) => values[name] === undefined && environment[npmConfigVariable(name)] !== undefined);
    const [options, them] = taken.length === 1 ? ["its own option", "it"] : ["its own options", "them"];
    const putDashes = "put `--` before the command's options, as the usage shows";
    // `npm run plan -s dev`: -s is npm's --silent, which sets its log level.
    const silent = Object.entries(spec).some(([name, { short }]) => short === "s" && values[name] === undefined) &&
        environment.npm_config_loglevel === "silent";
    return [
        ...taken.length === 0 ? [] : [`npm took ${taken.map((name) => `--${name}`).join(", ")} as ${options} (it set ` +
            `${taken.map(npmConfigVariable).join(", ")}) and the command never saw ${them}: ${putDashes}`],
        ...silent ? [`npm took -s as its own --silent (it set npm_config_loglevel=silent) and the command never saw it: ${putDashes}`] : [],
    ];
}

function npmConfigVariable(option: string): string {
    return `npm_config_${option.replace(/-/g, "_")}`;
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
