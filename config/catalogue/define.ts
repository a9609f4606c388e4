import { z } from "zod";

/*
 * The shape of the settings catalogue: settings (leaves) grouped in sections that mirror the config tree. A
 * setting states every fact about itself once; the zod schema, the provider inputs, the configuration reference and
 * the lists promotion uses are derived from the tree (see ./derive.ts).
 */

/** Whether every stack holds the same value (stated once in Pulumi.yaml) or each stack its own. */
export type Scope = "shared" | "per-environment";

/** What a provider mapping may use besides the settings: values only known while the program runs. */
export interface MappingContext {
    /** The SES identity the pool may send through (with `email.sender: ses`), once known. */
    readonly sender?: {
        readonly arn: string;
        /**
         * The identity's verifiedForSendingStatus. Cognito refuses DEVELOPER with an identity SES has not
         * verified (InvalidParameterException "Email address is not verified"; aws-cdk #18964, #19787).
         */
        readonly verified: boolean;
    };
}

/**
 * A live resource as the AWS API describes it (PascalCase), the source `describe` paths name: a pool is its
 * DescribeUserPool `UserPool` with its GetUserPoolMfaConfig output under `MfaConfig`; a client its
 * DescribeUserPoolClient `UserPoolClient`.
 */
export type Described = Readonly<Record<string, any>>;

/** What reading a live resource back into settings may use and report besides the described values. */
export interface ReadContext {
    /** The region the resource was read in. */
    readonly region: string;
    /** A live value the config model cannot express: the API's name for it (`AccountRecoverySetting`), the value, why. */
    gap(setting: string, live: unknown, why: string): void;
    /** A value assumed because the API did not report it, or something left as it is. */
    note(setting: string, note: string): void;
}

export interface SettingFacts {
    /** What the setting does, for the configuration reference (one or two sentences). */
    readonly doc: string;
    /** The default in words, when the schema has none (it depends on other values). */
    readonly defaultText?: string;
    /** The allowed values in words, when the schema cannot say (a refinement checks them). */
    readonly allowed?: string;
    /** Default: as its section, else shared. */
    readonly scope?: Scope;
    /** The provider input path(s) it maps to (aws.cognito.UserPool or UserPoolClient args), e.g. `passwordPolicy.minimumLength`. */
    readonly input?: string | readonly string[];
    /**
     * A provider input whose value the setting decides without being mapped to it (a client's `type` decides the
     * default of `generateSecret`): whether the setting is fixed, and which config keys a message about the input
     * names, count it.
     */
    readonly decides?: string;
    /**
     * The DescribeUserPool / DescribeUserPoolClient / GetUserPoolMfaConfig path(s) it is read back from, each at the
     * place of the input it reports in `input`'s list (the Describe paths after the last input report no input).
     */
    readonly describe?: string | readonly string[];
}

export interface Setting<S extends z.ZodType = z.ZodType> extends SettingFacts {
    readonly kind: "setting";
    /** Type, allowed range and default. */
    readonly schema: S;
    /**
     * The value at `input` when it is not the setting's own value; `section` is the enclosing section's value.
     * Undefined leaves the input unset.
     */
    readonly map?: (value: z.output<S>, section: any) => unknown;
    /**
     * The setting's value read back from a live resource (the reverse of `input` and `map`): `live` is the value
     * at `describe` (the values, when it names several paths), `resource` the whole description. Undefined leaves
     * the key out, so that its default applies. Without it, a setting with one Describe path and no `map` is
     * copied back.
     */
    readonly read?: (live: any, context: ReadContext, resource: Described) => z.input<S> | undefined;
}

export type Entries = { readonly [name: string]: Entry };
export type Entry = Setting<any> | Section<any, any>;

type ShapeOf<E extends Entries> = { -readonly [K in keyof E]: E[K]["schema"] };
export type ObjectOf<E extends Entries> = z.ZodObject<ShapeOf<E>, z.core.$strict>;
type Check<T> = (value: T, ctx: z.RefinementCtx) => void;

export interface SectionOptions<E extends Entries, S extends z.ZodType> {
    readonly doc: string;
    /** The Pulumi resource type whose inputs its settings map to (aws.cognito.UserPool, …). Default: as its section. */
    readonly resourceType?: string;
    readonly scope?: Scope;
    /** Rules that hold between the section's settings; each reports its problems with `ctx.addIssue`. */
    readonly checks?: readonly Check<z.output<ObjectOf<E>>>[];
    /** The section's schema from its object: `.prefault({})`, `.optional()`, or a list of such objects. */
    readonly wrap: (object: ObjectOf<E>) => S;
    /** The provider inputs of the whole section, when its settings do not map one by one. */
    readonly args?: (value: z.output<S>, context: MappingContext) => Record<string, unknown>;
    /** The section's value read back from a live resource, when its settings are not read one by one. */
    readonly read?: (resource: Described, context: ReadContext) => z.input<S> | undefined;
    /** For a list of objects: the input path of the list. */
    readonly input?: string;
    /**
     * The Describe path of a list of objects, or of the object a section's settings are read from: a resource
     * without it leaves the section out (an optional section is then absent; any other keeps its defaults).
     */
    readonly describe?: string;
}

export interface Section<E extends Entries, S extends z.ZodType> extends SectionOptions<E, S> {
    readonly kind: "section";
    readonly entries: E;
    /** A list of objects (`clients`, `attributes.custom`): its keys are written `clients[].type`. */
    readonly list: boolean;
    readonly schema: S;
}

export function setting<S extends z.ZodType>(schema: S, facts: SettingFacts & Pick<Setting<S>, "map" | "read">): Setting<S> {
    return { kind: "setting", schema, ...facts };
}

function objectOf<E extends Entries>(entries: E, checks: SectionOptions<E, z.ZodType>["checks"] = []): ObjectOf<E> {
    const shape = Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, entry.schema]));
    const object = z.strictObject(shape) as ObjectOf<E>;
    return checks.length === 0 ? object : object.superRefine((value, ctx) => checks.forEach((check) => check(value, ctx)));
}

/** A group of settings written as one map in the config. */
export function section<E extends Entries, S extends z.ZodType>(entries: E, options: SectionOptions<E, S>): Section<E, S> {
    return { kind: "section", entries, list: false, ...options, schema: options.wrap(objectOf(entries, options.checks)) };
}

/** A list of maps in the config, each with these settings (`clients`, `attributes.custom`). */
export function listOf<E extends Entries, S extends z.ZodType>(entries: E, options: SectionOptions<E, S>): Section<E, S> {
    return { ...section(entries, options), list: true };
}

/** A rule's problem, reported at `path` inside the section that checks it. */
export function problem(ctx: z.RefinementCtx, path: PropertyKey[], input: unknown, message: string): void {
    ctx.addIssue({ code: "custom", path, input, message });
}
