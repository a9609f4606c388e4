import * as cognito from "@pulumi/aws/cognito";
import type * as pulumi from "@pulumi/pulumi";
import { GroupSettings, groups, providerArgs, ResourceServerSettings, resourceServers } from "../config";

/** The aws.cognito.UserGroup inputs for a group's settings (mapped as the catalogue says). */
export function userGroupArgs(group: GroupSettings, userPoolId: pulumi.Input<string>): cognito.UserGroupArgs {
    return { ...providerArgs(groups, group, {}), userPoolId } as cognito.UserGroupArgs;
}

/** The aws.cognito.ResourceServer inputs for a resource server's settings (mapped as the catalogue says). */
export function resourceServerArgs(server: ResourceServerSettings, userPoolId: pulumi.Input<string>): cognito.ResourceServerArgs {
    return { ...providerArgs(resourceServers, server, {}), userPoolId } as cognito.ResourceServerArgs;
}

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
