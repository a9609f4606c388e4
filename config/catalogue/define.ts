import { z } from "zod";

/*
 * The shape of the settings catalogue: settings (leaves) grouped in sections that mirror the config tree. A
 * setting states every fact about itself once; the zod schema, the configuration reference, what is fixed at
 * creation, the lists promotion uses and the adopt gap scan are derived from the tree (see ./derive.ts). The
 * mapping to provider inputs and the read-back are plain code in each resource's file, beside its settings, kept
 * in step with these facts by its round-trip spec (test/config/support/round-trip.ts).
 */

/** Whether every stack holds the same value (stated once in Pulumi.yaml) or each stack its own. */
export type Scope = "shared" | "per-environment";

export interface SettingFacts {
    /** What the setting does, for the configuration reference (one or two sentences). */
    readonly doc: string;
    /** The default in words, when the schema has none (it depends on other values). */
    readonly defaultText?: string;
    /** The allowed values in words, when the schema cannot say (a refinement checks them). */
    readonly allowed?: string;
    /** Default: as its section, else shared. */
    readonly scope?: Scope;
    /** The provider input path(s) of its resource's args it maps to, e.g. `passwordPolicy.minimumLength` (aws.cognito.UserPoolArgs). */
    readonly input?: string | readonly string[];
    /**
     * Provider input(s) whose value the setting decides without being mapped to them (a client's `type` decides the
     * default of `generateSecret`): whether the setting is fixed, and which config keys a message about the input
     * names, count them.
     */
    readonly decides?: string | readonly string[];
    /**
     * The path(s) of its resource's description it is read back from (each resource's: readBackFrom in
     * described-settings.ts), each at the place of the input it reports in `input`'s list (the paths after the last
     * input report no input).
     */
    readonly describe?: string | readonly string[];
}

export interface Setting<S extends z.ZodType = z.ZodType> extends SettingFacts {
    readonly kind: "setting";
    /** Type, allowed range and default. */
    readonly schema: S;
}

export type Entries = { readonly [name: string]: Entry };
export type Entry = Setting | Section;

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
}

export interface Section<E extends Entries = Entries, S extends z.ZodType = z.ZodType> {
    readonly kind: "section";
    readonly doc: string;
    readonly resourceType?: string;
    readonly scope?: Scope;
    readonly entries: E;
    /** A list of objects (`clients`, `attributes.custom`): its keys are written `clients[].type`. */
    readonly list: boolean;
    readonly schema: S;
}

export function setting<S extends z.ZodType>(schema: S, facts: SettingFacts): Setting<S> {
    return { kind: "setting", schema, ...facts };
}

function objectOf<E extends Entries>(entries: E, checks: SectionOptions<E, z.ZodType>["checks"] = []): ObjectOf<E> {
    const shape = Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, entry.schema]));
    const object = z.strictObject(shape) as ObjectOf<E>;
    return checks.length === 0 ? object : object.superRefine((value, ctx) => checks.forEach((check) => check(value, ctx)));
}

/** A group of settings written as one map in the config. */
export function section<E extends Entries, S extends z.ZodType>(entries: E, options: SectionOptions<E, S>): Section<E, S> {
    const { doc, resourceType, scope, checks, wrap } = options;
    return { kind: "section", doc, resourceType, scope, entries, list: false, schema: wrap(objectOf(entries, checks)) };
}

/** A list of maps in the config, each with these settings (`clients`, `attributes.custom`). */
export function listOf<E extends Entries, S extends z.ZodType>(entries: E, options: SectionOptions<E, S>): Section<E, S> {
    return { ...section(entries, options), list: true };
}

/** A rule's problem, reported at `path` inside the section that checks it. */
export function problem(ctx: z.RefinementCtx, path: PropertyKey[], input: unknown, message: string): void {
    ctx.addIssue({ code: "custom", path, input, message });
}
