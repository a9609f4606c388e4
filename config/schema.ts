import type { z } from "zod";
import { stack } from "./catalogue";
import type { SuccessorSettings } from "./successor";

/*
 * The stack settings, as written under the `cognito-user-pool:` namespace of the stack's config: the schema
 * the catalogue (./catalogue) derives, and the types of the parsed settings.
 */

export const stackSettingsSchema = stack.schema;

/** The top-level keys under the `cognito-user-pool:` config namespace. */
export const settingKeys = Object.keys(stack.entries) as (keyof typeof stack.entries)[];

type ParsedSettings = z.output<typeof stackSettingsSchema>;
export type UserPoolSettings = ParsedSettings["userPool"] & { name: string };
export type ClientSettings = ParsedSettings["clients"][number];
export type CustomAttributeSettings = UserPoolSettings["attributes"]["custom"][number];
export type EmailSettings = UserPoolSettings["email"];
export type ImportSettings = ParsedSettings["import"];

/** A stack's settings with every default applied and the pool name resolved. */
export interface StackSettings extends Omit<ParsedSettings, "userPool" | "successor"> {
    readonly userPool: UserPoolSettings;
    readonly successor?: SuccessorSettings;
}
