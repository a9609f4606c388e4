import type { z } from "zod";
import { customScopePattern, isBuiltIn, oauthScope } from "./oauth";

/*
 * A client's custom scopes must be declared by a resource server of the pool: Cognito refuses a client whose
 * AllowedOAuthScopes names a scope no resource server of the pool has (CreateUserPoolClient / UpdateUserPoolClient,
 * ScopeDoesNotExistException), and issues `<identifier>/<scope>` only for scopes a resource server declares
 * (developer guide, "Scopes, M2M, and API authorization with resource servers",
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html). The
 * built-in scopes and the scope syntax are config/rules/oauth.ts's; this rule sees only scopes written
 * `<identifier>/<scope>`.
 */

interface ScopeRuleInput {
    readonly clients: readonly { readonly oauth?: { readonly scopes?: readonly string[] } }[];
    /** Every `<identifier>/<scope>` the stack's resource servers declare. */
    readonly declared: readonly string[];
}

export function checkDeclaredScopes({ clients, declared }: ScopeRuleInput, ctx: z.core.$RefinementCtx): void {
    const known = new Set(declared);
    clients.forEach((client, index) => (client.oauth?.scopes ?? []).forEach((scope, at) => {
        if (isBuiltIn(scope) || !customScopePattern.test(scope) || !oauthScope.safeParse(scope).success || known.has(scope)) {
            return;
        }
        const slash = scope.lastIndexOf("/");
        const message = declared.length > 0
            ? `expected a scope a resource server of this stack declares (resourceServers): ${declared.join(", ")}`
            : `no resource server of this stack declares it: add one under resourceServers ` +
                `(identifier: ${scope.slice(0, slash)}, scopes: {${scope.slice(slash + 1)}: <description>})`;
        ctx.addIssue({ code: "custom", path: ["clients", index, "oauth", "scopes", at], input: scope, message });
    }));
}
