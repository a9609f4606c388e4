import { appClientArgs, identityProviderArgs, resourceServerArgs, riskConfigurationArgs, StackSettings, userGroupArgs, userPoolArgs } from "../config";
import {
    clientChanges,
    clientFromDescribeUserPoolClient,
    clientSettingsFromProps,
    poolChanges,
    poolFromDescribeUserPool,
    poolSettingsFromProps,
    requireKnownPool,
} from "cognito-user-pool-policies";
import {
    clientChangeableSettings,
    compareChangeable,
    groupChangeableSettings,
    identityProviderChangeableSettings,
    poolChangeableSettings,
    resourceServerChangeableSettings,
    riskConfigurationChangeableSettings,
} from "./changeable-settings";
import { LivePool, poolDescription } from "./read-pool";

/** A setting on which the program's inputs for the settings would differ from the live pool. */
export interface PendingChange {
    /** `user pool`, `client <name>`, `group <name>`, `resource server <identifier>` or `identity provider <name>`. */
    readonly resource: string;
    readonly setting: string;
    readonly live: unknown;
    readonly program: unknown;
}

/**
 * Runs settings through the program's own mapping (components/) and compares the inputs it would send with
 * the live pool, clients, groups and resource servers: the fixed settings with the policy pack's readers (a group
 * and a resource server are found by theirs, name and identifier), the changeable ones setting by setting. Empty
 * when adopting with these settings imports everything with no diff.
 */
export function pendingChanges(settings: StackSettings, live: LivePool): PendingChange[] {
    const poolId = live.pool.Id ?? "";
    const email = live.pool.EmailConfiguration;
    // Cognito accepted the live pool's SourceArn, so SES had verified it.
    const sender = settings.email.sender === "ses" && email?.SourceArn ? { arn: email.SourceArn, verified: true } : undefined;
    const poolProps = userPoolArgs(settings, sender);
    const changes: PendingChange[] = [];
    const fixed = poolChanges(poolFromDescribeUserPool(live.pool), requireKnownPool(poolSettingsFromProps(poolProps), "program inputs"));
    changes.push(...fixed.map((change) => ({ resource: "user pool", setting: change.setting, live: change.deployed, program: change.proposed })));
    changes.push(...compareChangeable(poolProps, poolDescription(live), poolChangeableSettings).differences
        .map((difference) => ({ resource: "user pool", setting: difference.setting, live: difference.live, program: difference.props })));

    const riskProps = riskConfigurationArgs(settings.threatProtection, sender && { sourceArn: sender.arn, from: settings.email.from, replyTo: settings.email.replyTo });
    changes.push(...compareChangeable({ ...riskProps }, poolDescription(live), riskConfigurationChangeableSettings).differences
        .map((difference) => ({ resource: "risk configuration", setting: difference.setting, live: difference.live, program: difference.props })));

    for (const client of settings.clients) {
        const resource = `client ${client.name}`;
        const liveClient = live.clients.find((candidate) => candidate.ClientName === client.name);
        if (liveClient === undefined) {
            changes.push({ resource, setting: "(the client)", live: undefined, program: "a new client" });
            continue;
        }
        // Adopting imports the client.
        const clientProps = appClientArgs(client, poolId, true);
        const deployed = clientFromDescribeUserPoolClient(liveClient, "live pool");
        changes.push(...clientChanges(deployed, clientSettingsFromProps(clientProps))
            .map((change) => ({ resource, setting: change.setting, live: change.deployed, program: change.proposed })));
        changes.push(...compareChangeable(clientProps, liveClient, clientChangeableSettings).differences
            .map((difference) => ({ resource, setting: difference.setting, live: difference.live, program: difference.props })));
    }
    for (const group of settings.groups) {
        changes.push(...itemChanges("group", group.name, userGroupArgs(group, poolId),
            live.groups.find((candidate) => candidate.GroupName === group.name), groupChangeableSettings));
    }
    for (const server of settings.resourceServers) {
        changes.push(...itemChanges("resource server", server.identifier, resourceServerArgs(server, poolId),
            live.resourceServers.find((candidate) => candidate.Identifier === server.identifier), resourceServerChangeableSettings));
    }
    for (const provider of settings.identityProviders) {
        changes.push(...itemChanges("identity provider", provider.name, identityProviderArgs(provider),
            live.identityProviders.find((candidate) => candidate.ProviderName === provider.name), identityProviderChangeableSettings(provider.type)));
    }
    return changes;
}

/** The changeable settings on which one group or resource server differs from its live counterpart, found by its identity. */
function itemChanges(kind: string, id: string, args: object, live: object | undefined, table: typeof groupChangeableSettings): PendingChange[] {
    const resource = `${kind} ${id}`;
    if (live === undefined) {
        return [{ resource, setting: `(the ${kind})`, live: undefined, program: `a new ${kind}` }];
    }
    return compareChangeable(args, live, table).differences
        .map((difference) => ({ resource, setting: difference.setting, live: difference.live, program: difference.props }));
}
