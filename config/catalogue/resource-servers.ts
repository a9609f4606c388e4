import type { ResourceServerType } from "@aws-sdk/client-cognito-identity-provider";
import type { ResourceServerArgs } from "@pulumi/aws/cognito";
import type { Input } from "@pulumi/pulumi";
import { RESOURCE_SERVER_TYPE } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import { listOf, setting } from "./define";
import type { ReadContext } from "./read-back";
import { uniqueNames, urnSafe } from "./values";

/*
 * OAuth resource servers and their custom scopes: aws.cognito.ResourceServer inputs, read back with
 * ListResourceServers. Limits from the API reference, ResourceServerType and ResourceServerScopeType
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResourceServerType.html,
 * API_ResourceServerScopeType.html): Identifier 1 to 256 characters of `[\x21\x23-\x5B\x5D-\x7E]+`; Name 1 to 256
 * of `[\w\s+=,.@-]+`; at most 100 scopes, each ScopeName 1 to 256 of `[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+` (no `/`)
 * with a ScopeDescription of 1 to 256 characters. A client requests a scope as `<identifier>/<scope name>`.
 * terraform-provider-aws (internal/service/cognitoidp/resource_server.go, aws_cognito_resource_server):
 * `identifier` and `user_pool_id` ForceNew; `scope` (a set, at most 100) is sent whole to UpdateResourceServer;
 * `name` is updated in place since 6.6.0 (CHANGELOG, #41702).
 */

export const scopesPerResourceServer = 100;

const identifier = urnSafe(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/,
    { error: "expected 1 to 256 printable ASCII characters, without spaces, \" or \\" }));

const scopeNameError = "expected a scope name of 1 to 256 printable ASCII characters, without spaces, /, \" or \\";
const scopeName = z.string().regex(/^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]{1,256}$/, { error: scopeNameError });

const scopeDescription = z.string({ error: "expected the scope's description" })
    .min(1, { error: "expected a description of 1 to 256 characters" }).max(256, { error: "expected a description of 1 to 256 characters" });

/** Scope name → description, as the config writes them; the provider's `scopes` list. */
const scopes = z.record(scopeName, scopeDescription, { error: (issue) => issue.code === "invalid_key" ? scopeNameError : undefined })
    .refine((map) => Object.keys(map).length <= scopesPerResourceServer, { error: `expected at most ${scopesPerResourceServer} scopes` });

export const resourceServers = listOf({
    identifier: setting(identifier, {
        doc: "The API's identifier, e.g. `orders-api` or `https://api.example.com`: clients request its scopes as " +
            "`<identifier>/<scope>`; also its identity in the stack (a new identifier is a new resource server).",
        allowed: "1 to 256 printable ASCII characters without spaces, `\"`, `\\` or `::`",
        input: "identifier",
        describe: "Identifier",
    }),
    name: setting(z.string().regex(/^[\w\s+=,.@-]{1,256}$/, { error: "expected 1 to 256 letters, digits, spaces or + = , . @ - _" }), {
        doc: "A friendly name.",
        allowed: "1 to 256 letters, digits, spaces or `+ = , . @ - _`",
        input: "name",
        describe: "Name",
    }),
    scopes: setting(scopes.default({}), {
        doc: "Its custom scopes: each scope's name and description.",
        allowed: `at most ${scopesPerResourceServer}; names of 1 to 256 printable ASCII characters without spaces or \`/\`; descriptions of 1 to 256 characters`,
        input: "scopes",
        describe: "Scopes",
    }),
}, {
    doc: "OAuth resource servers (APIs) and their custom scopes, for clients with `client_credentials` or that request custom scopes. Default: none.",
    resourceType: RESOURCE_SERVER_TYPE,
    wrap: (server) => uniqueNames(z.array(server), "resource server", "identifier").default([]),
});

/** A resource server's settings, parsed (defaults applied). */
export type ResourceServerSettings = z.output<typeof resourceServers.schema>[number];
/** A resource server as a stack file writes it. */
export type ResourceServerInput = NonNullable<z.input<typeof resourceServers.schema>>[number];

/** A resource server's aws.cognito.ResourceServer inputs: its scopes as the provider's list of name and description. */
export function resourceServerArgs(server: ResourceServerSettings, userPoolId: Input<string>): ResourceServerArgs {
    return {
        identifier: server.identifier,
        name: server.name,
        scopes: Object.entries(server.scopes).map(([scopeName, scopeDescription]) => ({ scopeName, scopeDescription })),
        userPoolId,
    };
}

/** A resource server's settings read back from its ListResourceServers item; everything it holds is a setting. */
export function resourceServerFromDescribed(server: ResourceServerType, _context: ReadContext): ResourceServerInput {
    return {
        identifier: server.Identifier ?? "",
        name: server.Name ?? "",
        scopes: Object.fromEntries((server.Scopes ?? []).map((scope) => [scope.ScopeName ?? "", scope.ScopeDescription ?? ""])),
    };
}

/** Each custom scope a stack's resource servers declare, as a client requests it: `<identifier>/<scope>`. */
export function declaredScopes(servers: readonly { identifier: string; scopes: Record<string, string> }[]): string[] {
    return servers.flatMap((server) => Object.keys(server.scopes).map((scope) => `${server.identifier}/${scope}`));
}
