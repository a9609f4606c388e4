import type { z } from "zod";
import { stack } from "./catalogue";
import type { UserPoolSettings } from "./catalogue/user-pool";
import type { SuccessorSettings } from "./catalogue/successor";

/*
 * The stack settings, as written under the `cognito-user-pool:` namespace of the stack's config: the schema
 * the catalogue (./catalogue) derives, and the types of the parsed settings.
 */

export const stackSettingsSchema = stack.schema;

/**
 * Validates raw settings and applies their defaults, with each issue's input for the messages (describeIssues).
 * Without zod's JIT: it compiles each object's parser with `new Function` on its first parse, which costs a
 * process that parses a stack's config once or twice more than it saves (npm run bench). The checks are the same.
 */
export function validateSettings(raw: unknown) {
    return stackSettingsSchema.safeParse(raw, { reportInput: true, jitless: true });
}

type ParsedSettings = z.output<typeof stackSettingsSchema>;
type PoolName = { readonly userPool: ParsedSettings["userPool"] & { name: string } };
export type EmailSettings = UserPoolSettings["email"];
export type ImportSettings = ParsedSettings["import"];

/** A stack's settings with every default applied and the pool name resolved. */
export interface StackSettings extends Omit<ParsedSettings, "userPool" | "successor">, PoolName {
    readonly successor?: SuccessorSettings;
}
