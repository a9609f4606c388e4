import { clients } from "./app-client";
import { branding } from "./branding";
import type { Section } from "./define";
import { entriesOf, inputsOf } from "./derive";
import { configNamespace } from "../rules/problems";
import { domain } from "./domain";
import { groups } from "./groups";
import { identityProviders } from "./identity-providers";
import { LOG_DELIVERY_CONFIGURATION_TYPE, logs } from "./log-delivery";
import { resourceServers } from "./resource-servers";
import { pool } from "./user-pool";

/*
 * From the provider's input paths back to the config keys that set them, so that a policy's violation about an
 * input (its structured detail, ../../policy-pack/src/policies/common.ts) or a step of the engine's preview can
 * say which key of the stack's config to change.
 */

const settingsByResourceType: Readonly<Record<string, { prefix: string; section: Section }>> = {
    "aws:cognito/userPool:UserPool": { prefix: "", section: pool },
    "aws:cognito/userPoolClient:UserPoolClient": { prefix: "clients[].", section: clients },
    "aws:cognito/userGroup:UserGroup": { prefix: "groups[].", section: groups },
    "aws:cognito/resourceServer:ResourceServer": { prefix: "resourceServers[].", section: resourceServers },
    "aws:cognito/userPoolDomain:UserPoolDomain": { prefix: "domain.", section: domain },
    [LOG_DELIVERY_CONFIGURATION_TYPE]: { prefix: "logs.", section: logs },
    "aws:cognito/managedLoginBranding:ManagedLoginBranding": { prefix: "clients[].branding.", section: branding },
    "aws:cognito/identityProvider:IdentityProvider": { prefix: "identityProviders[].", section: identityProviders },
};

/** Whether one input path holds the other: `schemas` and `schemas[].mutable`, or the same path. */
const overlap = (a: string, b: string) =>
    [[a, b], [b, a]].some(([outer, inner]) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`));

/**
 * Config keys (`cognito-user-pool:password.minLength`) of the settings that map to or decide the given provider
 * inputs of a resource type, in catalogue order; a list of objects (`attributes.custom`) once, for all its settings.
 */
export function configKeysFor(resourceType: string, inputs: readonly string[]): string[] {
    const resource = settingsByResourceType[resourceType];
    if (resource === undefined) {
        return [];
    }
    const keys = entriesOf(resource.section)
        .filter(({ setting }) => inputsOf(setting).some((input) => inputs.some((named) => overlap(input, named))))
        .map(({ key }) => `${configNamespace}:${resource.prefix}${key.split("[]")[0]}`);
    return [...new Set(keys)];
}

/**
 * Config keys that set a provider input path as the engine's preview names it (a `replaceReasons` key such as
 * `usernameConfiguration`, a `detailedDiff` path such as `schemas[3].mutable`), in catalogue order.
 */
export function configKeysOfInput(resourceType: string, inputPath: string): string[] {
    return configKeysFor(resourceType, [inputPath.replace(/\[\d+\]/g, "[]")]);
}

/** The top-level config key a catalogue key sits under: `sms` for `sms.externalId`. */
const topKeyOf = (key: string) => key.split(/[.[]/)[0];

/**
 * The provider input paths (`smsConfiguration.externalId`, `schemas[].name`) of a pool's, a client's or a client's
 * branding's settings that come from the given top-level config keys (`sms`; `clients` for every client setting).
 */
export function inputPathsFrom(resource: "userPool" | "client" | "branding", keys: readonly string[]): string[] {
    const ofClients = (section: Section<any, any>) => keys.includes("clients")
        ? entriesOf(clients).filter(({ resourceType }) => resourceType === section.resourceType) : [];
    const entries = resource === "userPool"
        ? entriesOf(pool).filter(({ key }) => keys.includes(topKeyOf(key)))
        // A client's branding is a resource of its own (ManagedLoginBranding), with inputs of its own.
        : ofClients(resource === "client" ? clients : branding);
    return [...new Set(entries.flatMap(({ setting }) => [setting.input ?? []].flat()))];
}
