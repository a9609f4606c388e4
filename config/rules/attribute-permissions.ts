import { z } from "zod";
import { standardAttributes } from "./limits";

/*
 * Which attributes an app client may read and write (CreateUserPoolClient ReadAttributes / WriteAttributes):
 * "When you don't specify the ReadAttributes for your app client, your app can read the values of
 * email_verified, phone_number_verified, and the standard attributes of your user pool"; "When you don't
 * specify the WriteAttributes for your app client, your app can write the values of the Standard attributes".
 * Custom attributes are named `custom:<name>` and must exist in the pool. `sub`, the user's id, is set by
 * Cognito and never written; the two `_verified` flags are set by Cognito when a user verifies, so they are
 * read only.
 */
export const readOnlyAttributes = ["sub", "email_verified", "phone_number_verified"] as const;

/** The attribute permissions the rule reads: `all`, or a list of attribute names, per client. */
export interface AttributePermissionsInput {
    readonly customAttributeNames: readonly string[];
    readonly clients: readonly { readonly readAttributes: "all" | readonly string[]; readonly writeAttributes: "all" | readonly string[] }[];
}

function attributeProblem(name: string, access: "read" | "write", custom: readonly string[]): string | undefined {
    if (name.startsWith("custom:")) {
        return custom.includes(name.slice("custom:".length)) ? undefined
            : `expected a custom attribute declared in attributes.custom (${custom.map((known) => `custom:${known}`).join(", ") || "none declared"})`;
    }
    if ((readOnlyAttributes as readonly string[]).includes(name)) {
        return access === "read" ? undefined : `${name} is set by Cognito and is never writable by an app client`;
    }
    if ((standardAttributes as readonly string[]).includes(name)) {
        return undefined;
    }
    const readable = access === "read" ? `, ${readOnlyAttributes.join(", ")}` : "";
    return `expected a standard attribute (${standardAttributes.join(", ")}${readable}) or custom:<declared name>`;
}

/** Every client's read and write attributes against the pool's standard and declared custom attributes. */
export function checkAttributePermissions(settings: AttributePermissionsInput, ctx: z.core.$RefinementCtx): void {
    settings.clients.forEach((client, index) => {
        for (const [key, access] of [["readAttributes", "read"], ["writeAttributes", "write"]] as const) {
            const names = client[key];
            if (names === "all") {
                continue;
            }
            names.forEach((name, position) => {
                const problem = attributeProblem(name, access, settings.customAttributeNames);
                if (problem !== undefined) {
                    ctx.addIssue({ code: "custom", path: ["clients", index, key, position], input: name, message: problem });
                }
            });
        }
    });
}
