import type { z } from "zod";

/*
 * A client with OAuth flows needs the pool's domain: Cognito serves the OAuth 2.0 endpoints a client signs in
 * and gets tokens through (/oauth2/authorize, /oauth2/token, /login, /logout) on the user pool domain only
 * (developer guide, "User pool endpoints and managed login reference",
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html),
 * client_credentials included. Without one, CreateUserPoolClient accepts the client's OAuth settings, which then
 * serve nothing.
 */

interface DomainRuleInput {
    readonly clients: readonly { readonly name: string; readonly oauth?: { readonly flows: readonly string[] } }[];
    readonly domain?: unknown;
}

/** The problem of a client with OAuth flows in a pool without a domain, naming the key to add (`successor.domain` for a successor). */
export function missingDomainMessage(clientName: string, domainKey: string): string {
    return `no domain serves the OAuth endpoints of ${clientName} (/oauth2/authorize, /oauth2/token): ` +
        `add ${domainKey} with a Cognito prefix (${domainKey}: {prefix: <name>}) or a custom name and its certificate`;
}

/** Each client with OAuth flows, reported at its `oauth.flows`, when the pool has no domain. */
export function checkOAuthDomain({ clients, domain }: DomainRuleInput, ctx: z.core.$RefinementCtx): void {
    if (domain !== undefined) {
        return;
    }
    clients.forEach((client, index) => {
        if (client.oauth !== undefined) {
            ctx.addIssue({ code: "custom", path: ["clients", index, "oauth", "flows"], input: client.oauth.flows,
                message: missingDomainMessage(client.name, "domain"), params: { missingDomainOf: client.name } });
        }
    });
}
