import { z } from "zod";
import { readOnlyAttributes } from "./attribute-permissions";
import { standardAttributes } from "./limits";
import { identityProviderName } from "./oauth";

/*
 * How a pool's identity providers fit its attributes and its app clients.
 * - A client's SupportedIdentityProviders names COGNITO or providers of its pool: "The provider Salesforce does not
 *   exist for User Pool …" (InvalidParameterException, lgallard/terraform-aws-cognito-user-pool #71).
 * - Developer guide, "Specifying identity provider attribute mappings for your user pool"
 *   (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-specifying-attribute-mapping.html):
 *   "The mapped user pool attributes must be mutable", "In the app client settings for your application, the mapped
 *   attributes must be writable", "A mapping must be present for each user pool attribute that's required when a user
 *   signs in". CreateUserPoolClient WriteAttributes: "If your app client allows users to sign in through an IdP, this
 *   array must include all attributes that you have mapped to IdP attributes"; without it a client writes the
 *   standard attributes only.
 * - `username` maps the provider's claim to the federated user's name; it is no pool attribute.
 * - sub, email_verified and phone_number_verified are Cognito's own (./attribute-permissions.ts). Mapping
 *   email_verified would let a provider that does not verify addresses (any OIDC provider its users sign up with)
 *   claim someone else's address as verified: "By default, mapped email addresses are unverified" (same guide), and
 *   the stack keeps it so.
 */

/** The attribute that names a federated user: mapped, never written as a pool attribute. */
export const usernameMapping = "username";

export interface IdentityProviderUseInput {
    readonly identityProviders: readonly { readonly name: string; readonly attributeMapping?: Readonly<Record<string, string>> }[];
    readonly requiredAttributes: readonly string[];
    readonly customAttributes: readonly { readonly name: string; readonly mutable: boolean }[];
    readonly clients: readonly {
        readonly writeAttributes: "all" | readonly string[];
        readonly oauth?: { readonly identityProviders: readonly string[] };
    }[];
}

/** What is wrong with mapping a provider's claim to `attribute`, or undefined. */
function mappingProblem(attribute: string, custom: IdentityProviderUseInput["customAttributes"]): string | undefined {
    if (attribute === usernameMapping || (standardAttributes as readonly string[]).includes(attribute)) {
        return undefined;
    }
    if ((readOnlyAttributes as readonly string[]).includes(attribute)) {
        return `${attribute} is set by Cognito, never by an identity provider (a provider could claim an address it never verified)`;
    }
    if (!attribute.startsWith("custom:")) {
        return `expected ${usernameMapping}, a standard attribute (${standardAttributes.join(", ")}) or custom:<declared name>`;
    }
    const declared = custom.find((candidate) => `custom:${candidate.name}` === attribute);
    if (declared === undefined) {
        return `expected a custom attribute declared in attributes.custom (${custom.map((known) => `custom:${known.name}`).join(", ") || "none declared"})`;
    }
    return declared.mutable ? undefined : `${attribute} is immutable: Cognito updates mapped attributes at every sign-in, so they must be mutable`;
}

/** Every provider's mapping against the pool's attributes, and every client's providers against the declared ones. */
export function checkIdentityProviderUse(settings: IdentityProviderUseInput, ctx: z.core.$RefinementCtx): void {
    const add = (path: PropertyKey[], input: unknown, message: string) => ctx.addIssue({ code: "custom", path, input, message });
    settings.identityProviders.forEach((provider, index) => {
        const mapping = provider.attributeMapping ?? {};
        for (const attribute of Object.keys(mapping)) {
            const problem = mappingProblem(attribute, settings.customAttributes);
            if (problem !== undefined) {
                add(["identityProviders", index, "attributeMapping", attribute], mapping[attribute], problem);
            }
        }
        const unmapped = settings.requiredAttributes.filter((attribute) => !(attribute in mapping));
        if (unmapped.length > 0) {
            add(["identityProviders", index, "attributeMapping"], provider.attributeMapping,
                `expected a mapping for every required attribute (attributes.required): ${unmapped.join(", ")} missing; ` +
                "Cognito refuses the federated sign-in of a user without them");
        }
    });
    const declared = new Map(settings.identityProviders.map((provider) => [provider.name, provider]));
    settings.clients.forEach((client, index) => {
        (client.oauth?.identityProviders ?? []).forEach((name, position) => {
            if (name === "COGNITO" || !identityProviderName.safeParse(name).success) {
                return; // The name's own schema reports a malformed one.
            }
            const provider = declared.get(name);
            if (provider === undefined) {
                add(["clients", index, "oauth", "identityProviders", position], name,
                    `expected COGNITO or a provider of identityProviders (${[...declared.keys()].join(", ") || "none declared"})`);
                return;
            }
            const unwritable = Object.keys(provider.attributeMapping ?? {})
                .filter((attribute) => attribute !== usernameMapping && mappingProblem(attribute, settings.customAttributes) === undefined)
                .filter((attribute) => client.writeAttributes === "all" ? attribute.startsWith("custom:") : !client.writeAttributes.includes(attribute));
            if (unwritable.length > 0) {
                add(["clients", index, "writeAttributes"], client.writeAttributes,
                    `expected the attributes ${name} maps to be writable by this client, which offers it: add ${unwritable.join(", ")} ` +
                    "(all covers the standard attributes only)");
            }
        });
    });
}
