import type { z } from "zod";

/*
 * Managed login (a version 2 domain and the clients' branding styles) needs a feature plan other than Lite: "In the
 * Lite feature plan, the classic hosted UI is your only option" (developer guide, User pool managed login,
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-managed-login.html); "Managed login
 * requires that your user pool be configured for any feature plan other than Lite" (API reference,
 * CreateUserPoolDomain, ManagedLoginVersion). A branding style styles the managed login pages of its client: the
 * domain serves them only with ManagedLoginVersion 2 ("A value of 1 indicates hosted UI (classic) and a version of 2
 * indicates managed login", same page), and only for a client that signs in through them, one with OAuth flows
 * (developer guide, Apply branding to managed login pages,
 * https://docs.aws.amazon.com/cognito/latest/developerguide/managed-login-branding.html).
 */

interface ManagedLoginRuleInput {
    readonly tier: string;
    readonly domain?: { readonly managedLoginVersion: number };
    readonly clients: readonly { readonly name: string; readonly oauth?: { readonly flows: readonly string[] }; readonly branding?: unknown }[];
}

const managedLogin = 2;
const tierText = "managed login needs tier essentials or plus (with lite, Cognito serves the classic hosted UI only)";

/** The problem of a branding style the pool's domain (`domainKey`, `successor.domain` for a successor) does not serve. */
export function classicDomainMessage(domainKey: string, domain: { readonly managedLoginVersion: number } | undefined): string {
    return `the domain serves branded managed login pages only with ${domainKey}.managedLoginVersion: 2 ` +
        `(${domain === undefined ? `there is no ${domainKey}` : `it is ${domain.managedLoginVersion}, the classic hosted UI`})`;
}

/** Each problem of the domain's managed login and of every client's branding, at once. */
export function checkManagedLogin({ tier, domain, clients }: ManagedLoginRuleInput, ctx: z.core.$RefinementCtx): void {
    const issue = (path: PropertyKey[], input: unknown, message: string) => ctx.addIssue({ code: "custom", path, input, message });
    if (tier === "lite" && domain?.managedLoginVersion === managedLogin) {
        issue(["domain", "managedLoginVersion"], managedLogin, `${tierText}: set tier, or managedLoginVersion 1`);
    }
    clients.forEach((client, index) => {
        if (client.branding === undefined) {
            return;
        }
        const at = ["clients", index, "branding"];
        // client_credentials gets tokens from /oauth2/token alone, without a page.
        if (client.oauth === undefined || client.oauth.flows.every((flow) => flow === "client_credentials")) {
            issue(at, client.branding, `a branding style styles the managed login pages, which ${client.name} does not sign in through: ` +
                `give it the code or implicit flow, or remove branding`);
        }
        if (domain?.managedLoginVersion !== managedLogin) {
            ctx.addIssue({ code: "custom", path: at, input: client.branding, message: classicDomainMessage("domain", domain),
                params: { classicDomain: domain?.managedLoginVersion ?? null } });
        }
        if (tier === "lite") {
            issue(at, client.branding, `${tierText}: set tier, or remove branding`);
        }
    });
}
