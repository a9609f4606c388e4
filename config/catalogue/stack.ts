import { USER_POOL_TYPE } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import { checkAttributePermissions } from "../rules/attribute-permissions";
import { checkDeclaredScopes } from "../rules/declared-scopes";
import { checkManagedLogin } from "../rules/managed-login";
import { checkIdentityProviderUse } from "../rules/identity-providers";
import { checkOAuthDomain } from "../rules/oauth-domain";
import { sesIdentity } from "../rules/email-address";
import { clientId, userPoolId } from "../rules/resource-ids";
import { successorSchema } from "./successor";
import { clients } from "./app-client";
import { managedLoginBrandingId } from "./branding";
import { problem, section, setting } from "./define";
import { domain } from "./domain";
import { checkPasskeys } from "./passkeys";
import { checkThreatProtection } from "./threat-protection";
import { groupName, groups } from "./groups";
import { identityProviders } from "./identity-providers";
import { checkLogTier, logs } from "./log-delivery";
import { declaredScopes, resourceServers } from "./resource-servers";
import { userPoolChecks, userPoolKeys } from "./user-pool";
import { uniqueList } from "./values";

/** Existing resources to adopt with Pulumi's import option; resource options, not provider inputs. */
const adopt = section({
    userPool: setting(userPoolId.optional(), {
        doc: "Id of an existing pool to adopt, e.g. us-east-1_AbCdEf123.",
        allowed: "a pool id, `<region>_<id>`, in the stack's `aws:region`",
    }),
    senderIdentity: setting(sesIdentity.optional(), {
        doc: "The existing SES identity (address or domain) to adopt.",
        allowed: "an address or a domain",
    }),
    clients: setting(z.record(z.string(), clientId).default({}), {
        doc: "Ids of existing app clients to adopt, by client name.",
    }),
    groups: setting(uniqueList(groupName).default([]), {
        doc: "Names of existing groups to adopt, each one of `groups`.",
    }),
    resourceServers: setting(uniqueList(z.string()).default([]), {
        doc: "Identifiers of existing resource servers to adopt, each one of `resourceServers`.",
    }),
    domain: setting(z.boolean().default(false), {
        doc: "Adopt the existing domain `domain` names.",
    }),
    brandings: setting(z.record(z.string(), managedLoginBrandingId).default({}), {
        doc: "Ids of existing managed login branding styles to adopt, by the name of the client each styles.",
        allowed: "client name → style id (a UUID, as DescribeManagedLoginBrandingByClient gives it)",
    }),
    identityProviders: setting(uniqueList(z.string()).default([]), {
        doc: "Names of existing identity providers to adopt, each one of `identityProviders`.",
    }),
}, {
    doc: "Existing resources to adopt with Pulumi's import option (written by `npm run adopt`).",
    scope: "per-environment",
    wrap: (object) => object.prefault({}),
});

/**
 * Every setting of a stack, under the `cognito-user-pool:` namespace: each entry is a top-level config key, which
 * Pulumi.yaml may state once for every stack (`value:`) and a stack file may override, whole.
 */
export const stack = section({
    protect: setting(z.boolean().default(false), {
        doc: "Pulumi protect and retainOnDelete on the pool and the SES identity.",
        scope: "per-environment",
    }),
    ...userPoolKeys,
    clients,
    domain,
    groups,
    resourceServers,
    logs,
    identityProviders,
    import: adopt,
    successor: setting(successorSchema.optional(), {
        doc: "A new pool taking over from this one, for a change of a fixed setting: see [Changing a setting fixed at creation](migration.md).",
        scope: "per-environment",
        allowed: "`{name, phase}` and, where the new pool differs, the pool's keys (`signIn`, `attributes`, `mfa`, …), `clients`, `groups`, `resourceServers` and `logs` (`{}`: none); its own `domain`, never inherited",
    }),
}, {
    doc: "A stack's settings.",
    resourceType: USER_POOL_TYPE,
    checks: [...userPoolChecks, (settings, ctx) => checkAttributePermissions({
        customAttributeNames: settings.attributes.custom.map((attribute) => attribute.name),
        clients: settings.clients,
    }, ctx), (settings, ctx) => {
        const names = new Set(settings.clients.map((client) => client.name));
        for (const name of Object.keys(settings.import.clients).filter((name) => !names.has(name))) {
            problem(ctx, ["import", "clients", name], name, `expected the name of a client in clients (${[...names].join(", ")})`);
        }
        const branded = new Set(settings.clients.filter((client) => client.branding !== undefined).map((client) => client.name));
        for (const name of Object.keys(settings.import.brandings).filter((name) => !branded.has(name))) {
            problem(ctx, ["import", "brandings", name], name, `expected the name of a client with branding (${[...branded].join(", ") || "none has"})`);
        }
        adoptedOf(ctx, "groups", settings.import.groups, settings.groups.map((group) => group.name));
        adoptedOf(ctx, "resourceServers", settings.import.resourceServers, settings.resourceServers.map((server) => server.identifier));
        adoptedOf(ctx, "identityProviders", settings.import.identityProviders, settings.identityProviders.map((provider) => provider.name));
        const adopting = [
            ...Object.keys(settings.import.clients).length > 0 ? ["app clients"] : [],
            ...settings.import.groups.length > 0 ? ["groups"] : [],
            ...settings.import.resourceServers.length > 0 ? ["resource servers"] : [],
            ...settings.import.identityProviders.length > 0 ? ["identity providers"] : [],
            ...settings.import.domain ? ["a domain"] : [],
            ...Object.keys(settings.import.brandings).length > 0 ? ["branding styles"] : [],
        ];
        if (adopting.length > 0 && settings.import.userPool === undefined) {
            problem(ctx, ["import", "userPool"], undefined, `adopting ${adopting.join(" and ")} needs the id of the pool they belong to`);
        }
        if (settings.import.domain && settings.domain === undefined) {
            problem(ctx, ["import", "domain"], true, "there is no domain to adopt: add domain (its prefix or name)");
        }
        if (settings.import.senderIdentity !== undefined && settings.email.sender !== "ses") {
            problem(ctx, ["import", "senderIdentity"], settings.import.senderIdentity,
                "there is no SES identity to adopt when email goes through Cognito's sender");
        }
        if (settings.import.senderIdentity !== undefined && settings.email.identityArn !== undefined) {
            problem(ctx, ["import", "senderIdentity"], settings.import.senderIdentity,
                "the stack creates no SES identity when email.identityArn names one: remove one of them");
        }
    }, (settings, ctx) => checkIdentityProviderUse({
        identityProviders: settings.identityProviders,
        requiredAttributes: settings.attributes.required,
        customAttributes: settings.attributes.custom,
        clients: settings.clients,
    }, ctx), (settings, ctx) => checkDeclaredScopes({ clients: settings.clients, declared: declaredScopes(settings.resourceServers) }, ctx),
    (settings, ctx) => checkOAuthDomain(settings, ctx), checkLogTier, checkPasskeys, checkThreatProtection, (settings, ctx) => checkManagedLogin(settings, ctx)],
    wrap: (object) => object,
});

/** Each adopted group (resource server) must be one the stack declares: the import option goes on its resource. */
function adoptedOf(ctx: z.RefinementCtx, key: "groups" | "resourceServers" | "identityProviders", adopted: readonly string[], declared: readonly string[]): void {
    adopted.forEach((name, index) => {
        if (!declared.includes(name)) {
            problem(ctx, ["import", key, index], name, `expected one of ${key} (${declared.join(", ") || "none declared"})`);
        }
    });
}
