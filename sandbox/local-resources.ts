import {
    CognitoIdentityProviderClient, CreateGroupCommand, CreateUserPoolClientCommand, CreateUserPoolCommand,
    ListGroupsCommand, ListUserPoolClientsCommand, ListUserPoolsCommand, SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { RegisteredResource } from "../offline/evaluate";
import { createGroupRequest, createUserPoolClientRequest, createUserPoolRequest, mfaConfigRequest } from "./provider-requests";
import { createdTypes, IdMap } from "./registered";

/** What was made (or found from an earlier start) for one registered resource. */
export interface LocalResource {
    readonly type: string;
    readonly name: string;
    readonly localId: string;
    readonly reused: boolean;
}

/**
 * Creates in cognito-local the pools, clients and groups the program registered, in registration order, with
 * the requests the provider would send; the ids each refers to (a client's pool) are the local ones. What an
 * earlier start made is found by name (a pool by its name, a client or group by its name in its pool) and kept,
 * not made twice.
 */
export async function createRegistered(cognito: CognitoIdentityProviderClient, resources: readonly RegisteredResource[],
    ids: IdMap): Promise<LocalResource[]> {
    const made: LocalResource[] = [];
    const existingPools = (await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? [];
    for (const resource of resources) {
        const inputs = ids.apply(resource.inputs);
        let found: { localId?: string; reused: boolean } | undefined;
        switch (resource.type) {
            case createdTypes.userPool: {
                const existing = existingPools.find((pool) => pool.Name === inputs.name);
                found = existing ? { localId: existing.Id, reused: true } : await createPool(cognito, inputs);
                break;
            }
            case createdTypes.client: {
                const listed = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: inputs.userPoolId, MaxResults: 60 }));
                const existing = listed.UserPoolClients?.find((client) => client.ClientName === inputs.name);
                found = existing ? { localId: existing.ClientId, reused: true } : {
                    localId: (await cognito.send(new CreateUserPoolClientCommand(createUserPoolClientRequest(inputs)))).UserPoolClient?.ClientId,
                    reused: false,
                };
                break;
            }
            case createdTypes.group: {
                const listed = await cognito.send(new ListGroupsCommand({ UserPoolId: inputs.userPoolId }));
                const existing = listed.Groups?.some((group) => group.GroupName === inputs.name);
                if (!existing) {
                    await cognito.send(new CreateGroupCommand(createGroupRequest(inputs)));
                }
                // The provider's id of a group is `<pool id>/<name>` (user_group.go).
                found = { localId: `${inputs.userPoolId}/${inputs.name}`, reused: Boolean(existing) };
                break;
            }
        }
        if (found?.localId !== undefined) {
            if (resource.id !== undefined) {
                ids.set(resource.id, found.localId);
            }
            made.push({ type: resource.type, name: inputs.name ?? resource.name, localId: found.localId, reused: found.reused });
        }
    }
    return made;
}

async function createPool(cognito: CognitoIdentityProviderClient, inputs: Record<string, any>): Promise<{ localId?: string; reused: boolean }> {
    const created = await cognito.send(new CreateUserPoolCommand(createUserPoolRequest(inputs)));
    const localId = created.UserPool?.Id;
    const mfa = localId === undefined ? undefined : mfaConfigRequest(localId, inputs);
    if (mfa !== undefined) {
        await cognito.send(new SetUserPoolMfaConfigCommand(mfa));
    }
    return { localId, reused: false };
}
