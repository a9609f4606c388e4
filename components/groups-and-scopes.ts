import * as cognito from "@pulumi/aws/cognito";
import type * as pulumi from "@pulumi/pulumi";
import { GroupSettings, ResourceServerSettings, resourceServerArgs, userGroupArgs } from "../config";

/** A pool's groups by name and resource servers by identifier. */
export interface GroupsAndScopes {
    readonly groups: Readonly<Record<string, cognito.UserGroup>>;
    readonly resourceServers: Readonly<Record<string, cognito.ResourceServer>>;
}

export interface GroupsAndScopesArgs {
    readonly groups: readonly GroupSettings[];
    readonly resourceServers: readonly ResourceServerSettings[];
    readonly userPool: cognito.UserPool;
    readonly parent: pulumi.Resource;
    /** Existing ones to adopt: the pool's id, group names and resource server identifiers. Default: none. */
    readonly adopt?: { readonly userPool?: string; readonly groups: readonly string[]; readonly resourceServers: readonly string[] };
}

/**
 * The pool's groups and resource servers, each named after its identity (a group's name, a server's identifier:
 * both fixed at creation), so that a change of anything else updates it in place.
 */
export function groupsAndScopes(name: string, args: GroupsAndScopesArgs): GroupsAndScopes {
    const { adopt, userPool, parent } = args;
    // The provider imports a group by `<pool id>/<name>` and a resource server by `<pool id>|<identifier>`.
    const adopted = (ids: readonly string[] | undefined, id: string, separator: string) =>
        adopt?.userPool !== undefined && ids?.includes(id) ? `${adopt.userPool}${separator}${id}` : undefined;
    return {
        groups: Object.fromEntries(args.groups.map((group) => [group.name,
            new cognito.UserGroup(`${name}-group-${group.name}`, userGroupArgs(group, userPool.id),
                { parent, import: adopted(adopt?.groups, group.name, "/") })])),
        resourceServers: Object.fromEntries(args.resourceServers.map((server) => [server.identifier,
            new cognito.ResourceServer(`${name}-resource-server-${server.identifier}`, resourceServerArgs(server, userPool.id),
                { parent, import: adopted(adopt?.resourceServers, server.identifier, "|") })])),
    };
}
