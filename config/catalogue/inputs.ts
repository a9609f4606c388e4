import { clients } from "./app-client";
import { entriesOf } from "./derive";
import { configNamespace } from "../problems";
import { pool } from "./user-pool";

/*
 * From the provider's input paths back to the config keys that set them, so that a policy's message about
 * `usernameConfiguration.caseSensitive` can say which key of the stack's config to change.
 */

const settingsByResourceType: Readonly<Record<string, { prefix: string; section: typeof pool | typeof clients }>> = {
    "aws:cognito/userPool:UserPool": { prefix: "", section: pool },
    "aws:cognito/userPoolClient:UserPoolClient": { prefix: "clients[].", section: clients },
};

/** `schemas[].name` is written `schemas` in messages about the whole list. */
const mentionOf = (input: string) => input.split("[]")[0];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Config keys (`cognito-user-pool:signIn.caseSensitive`) whose provider inputs `text` names, in
 * catalogue order; a list of objects (`attributes.custom`) once, for all its settings.
 */
export function configKeysNamedIn(resourceType: string, text: string): string[] {
    const resource = settingsByResourceType[resourceType];
    if (resource === undefined) {
        return [];
    }
    const keys = entriesOf(resource.section)
        .filter(({ setting }) => [setting.input ?? []].flat().some((input) =>
            new RegExp(`(?<![\\w.])${escape(mentionOf(input))}(?![\\w])`).test(text)))
        .map(({ key }) => `${configNamespace}:${resource.prefix}${key.split("[]")[0]}`);
    return [...new Set(keys)];
}

/** The top-level config key a catalogue key sits under: `sms` for `sms.externalId`. */
const topKeyOf = (key: string) => key.split(/[.[]/)[0];

/**
 * The provider input paths (`smsConfiguration.externalId`, `schemas[].name`) of a pool's or a client's settings
 * that come from the given top-level config keys (`sms`; `clients` for every client setting).
 */
export function inputPathsFrom(resource: "userPool" | "client", keys: readonly string[]): string[] {
    const entries = resource === "userPool"
        ? entriesOf(pool).filter(({ key }) => keys.includes(topKeyOf(key)))
        : keys.includes("clients") ? entriesOf(clients) : [];
    return [...new Set(entries.flatMap(({ setting }) => [setting.input ?? []].flat()))];
}
