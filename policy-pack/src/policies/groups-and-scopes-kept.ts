import { POLICY_NAMES } from "../catalogue";
import type { BaselineGroup, BaselineResourceServer } from "../fixed-settings/types";
import { RESOURCE_SERVER_TYPE, USER_GROUP_TYPE, protectedDeployedStackPolicy } from "./common";
import { removedMessage, undeclared } from "./declared-urns";

export const README_GROUPS_SECTION = 'policy-pack/README.md, section "Groups and resource servers"';

/**
 * In a protected stack (protectedStacks) every deployed group and resource server is still declared, under its URN
 * or as an alias. The program names each after its identity (a group's name, a server's identifier), both fixed at
 * creation (terraform-provider-aws user_group.go, resource_server.go: ForceNew), so a renamed one is a removed one
 * plus a new one. A stack policy: a removed resource is never sent to a resource policy.
 */
export const groupsAndScopesKept = protectedDeployedStackPolicy(
    POLICY_NAMES.groupsAndScopesKept,
    "In a protected stack every deployed group and resource server is still declared (same URN, or an alias): otherwise Pulumi deletes it, a group with its memberships, a resource server with the scopes clients and APIs use.",
    (args, report, baseline) => {
        for (const [urn, group] of undeclared<BaselineGroup>(baseline.groups ?? {}, args.resources, USER_GROUP_TYPE)) {
            report(removedMessage(urn, `group "${group.name}" (${group.id})`, [
                `Pulumi would delete the group and every membership in it: its members lose "${group.name}" from the cognito:groups claim and what the apps grant by it.`,
                "A group's name is fixed at creation, so a renamed group is this one deleted and a new, empty one created.",
            ], `keep the group "${group.name}" in cognito-user-pool:groups (its description, precedence and roleArn change in place); ` +
                "to rename it, add the new group beside it, add its members to the new one, move what reads cognito:groups to the new name, " +
                "then remove the old group in an update with this policy's level set to advisory", README_GROUPS_SECTION));
        }
        for (const [urn, server] of undeclared<BaselineResourceServer>(baseline.resourceServers ?? {}, args.resources, RESOURCE_SERVER_TYPE)) {
            report(removedMessage(urn, `resource server "${server.identifier}" (${server.id})`, [
                `Pulumi would delete the resource server: a client requesting "${server.identifier}/<scope>" is refused by Cognito, and APIs that check those scopes refuse the tokens.`,
                "A resource server's identifier is fixed at creation, so a new identifier is this server deleted and a new one created.",
            ], `keep the resource server "${server.identifier}" in cognito-user-pool:resourceServers (its name and scopes change in place); ` +
                "to change its identifier, add the new server beside it, move clients (their oauth.scopes) and APIs to the new scopes, " +
                "then remove the old one in an update with this policy's level set to advisory", README_GROUPS_SECTION));
        }
    },
);
