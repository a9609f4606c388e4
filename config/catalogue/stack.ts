import { USER_POOL_TYPE } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import { checkAttributePermissions } from "../rules/attribute-permissions";
import { sesIdentity } from "../rules/email-address";
import { clientId, userPoolId } from "../rules/resource-ids";
import { successorSchema } from "../successor";
import { clients } from "./app-client";
import { problem, section, setting } from "./define";
import { userPoolChecks, userPoolKeys } from "./user-pool";

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
    import: adopt,
    successor: setting(successorSchema.optional(), {
        doc: "A new pool taking over from this one, for a change of a fixed setting: see [Changing a setting fixed at creation](migration.md).",
        scope: "per-environment",
        allowed: "`{name, phase}` and, where the new pool differs, the pool's keys (`signIn`, `attributes`, `mfa`, …) and `clients`",
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
        if (Object.keys(settings.import.clients).length > 0 && settings.import.userPool === undefined) {
            problem(ctx, ["import", "userPool"], undefined, "adopting app clients needs the id of the pool they belong to");
        }
        if (settings.import.senderIdentity !== undefined && settings.email.sender !== "ses") {
            problem(ctx, ["import", "senderIdentity"], settings.import.senderIdentity,
                "there is no SES identity to adopt when email goes through Cognito's sender");
        }
        if (settings.import.senderIdentity !== undefined && settings.email.identityArn !== undefined) {
            problem(ctx, ["import", "senderIdentity"], settings.import.senderIdentity,
                "the stack creates no SES identity when email.identityArn names one: remove one of them");
        }
    }],
    wrap: (object) => object,
});
