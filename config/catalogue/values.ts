import { z } from "zod";
import { formatMinutes, parseDuration } from "../rules/durations";

/** Value types several settings share, each with the message that says what is allowed. */

export const wholeNumber = (range: { min: number; max: number }) => {
    const error = `expected a whole number from ${range.min} to ${range.max}`;
    return z.int({ error }).min(range.min, { error }).max(range.max, { error });
};

export const uniqueList = <T extends z.ZodType>(item: T) =>
    z.array(item).refine((list) => new Set(list).size === list.length, { error: "expected no repeated values" });

/**
 * A list of maps whose `name`s (or other `key`s) differ (`clients`, `attributes.custom`). Checked even when the list has other
 * problems (zod skips a refinement after an issue unless its `when` says otherwise), so that a repeated name is
 * reported with them, not only once they are fixed.
 */
export const uniqueNames = <T extends z.ZodArray>(list: T, what: string, key: "name" | "identifier" = "name") => list.superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
        const name = (item as Record<string, unknown> | null)?.[key];
        if (typeof name === "string" && seen.has(name)) {
            ctx.addIssue({ code: "custom", path: [index, key], input: name, message: `expected ${key === "name" ? "a name" : "an identifier"} not used by another ${what}` });
        }
        if (typeof name === "string") {
            seen.add(name);
        }
    });
}, { when: (payload) => Array.isArray(payload.value) });

/** A token lifetime written `5m`, `1h`, `30d`, within Cognito's range (limits in minutes). */
export const duration = (limits: { min: number; max: number }) => {
    const error = `expected a duration from ${formatMinutes(limits.min)} to ${formatMinutes(limits.max)} ` +
        "written as a whole number of minutes, hours or days (5m, 1h, 30d)";
    return z.string({ error }).refine((text) => {
        const parsed = parseDuration(text);
        return parsed !== undefined && parsed.minutes >= limits.min && parsed.minutes <= limits.max;
    }, { error });
};

export const durationText = (limits: { min: number; max: number }) =>
    `${formatMinutes(limits.min)} to ${formatMinutes(limits.max)} (5m, 1h, 30d)`;

/** A user pool or app client name (CreateUserPool PoolName, CreateUserPoolClient ClientName). */
export const resourceNameText = "1 to 128 letters, digits, spaces or `+ = , . @ - _`";
export const resourceName = z.string().regex(/^[\w\s+=,.@-]{1,128}$/, { error: "expected 1 to 128 letters, digits, spaces or + = , . @ - _" });

/**
 * A name the stack also gives the resource it makes (a group's, a resource server's identifier): Pulumi writes a
 * URN `…::<logical name>`, and a name holding `::` would make it ambiguous.
 */
export const urnSafe = (name: z.ZodString) =>
    name.refine((text) => !text.includes("::"), { error: "expected no \"::\" (the stack names the resource after it, and Pulumi's URNs use :: as separator)" });
