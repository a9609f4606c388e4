import type { z } from "zod";
import { pool, stack } from "./catalogue";
import type { SuccessorSettings } from "./successor";

/*
 * The stack settings, as written under the `cognito-user-pool:` namespace of the stack's config: the schema
 * the catalogue (./catalogue) derives, and the types of the parsed settings.
 */

export const stackSettingsSchema = stack.schema;

/** The top-level keys under the `cognito-user-pool:` config namespace. */
export const settingKeys = Object.keys(stack.entries) as (keyof typeof stack.entries)[];

type ParsedSettings = z.output<typeof stackSettingsSchema>;
type PoolName = { readonly userPool: ParsedSettings["userPool"] & { name: string } };
/** A pool's settings (every top-level key but the stack's own: protect, clients, import, successor), its name resolved. */
export type UserPoolSettings = Omit<z.output<typeof pool.schema>, "userPool"> & PoolName;
export type ClientSettings = ParsedSettings["clients"][number];
export type CustomAttributeSettings = UserPoolSettings["attributes"]["custom"][number];
export type EmailSettings = UserPoolSettings["email"];
export type ImportSettings = ParsedSettings["import"];

/** A stack's settings with every default applied and the pool name resolved. */
export interface StackSettings extends Omit<ParsedSettings, "userPool" | "successor">, PoolName {
    readonly successor?: SuccessorSettings;
}
