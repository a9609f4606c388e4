import { EMAIL_IDENTITY_TYPE, IDENTITY_PROVIDER_TYPE, RESOURCE_SERVER_TYPE, USER_GROUP_TYPE, USER_POOL_CLIENT_TYPE, USER_POOL_DOMAIN_TYPE, USER_POOL_TYPE } from "./fixed-settings/table";

/**
 * The resource types the pack guards against replacement and removal: a replaced or deleted one loses what
 * cannot be made again (a pool's users, a client's id, a verified sender, a group's members, the scopes clients
 * and APIs rely on, the domain apps sign in through, the identity provider federated users sign in with). The guarded commands (npm run preview / up) refuse what the engine's own preview would replace
 * or delete of these types; a new guarded type joins this list.
 */
export const GUARDED_RESOURCE_TYPES: readonly string[] = [
    USER_POOL_TYPE, USER_POOL_CLIENT_TYPE, EMAIL_IDENTITY_TYPE, USER_GROUP_TYPE, RESOURCE_SERVER_TYPE, USER_POOL_DOMAIN_TYPE, IDENTITY_PROVIDER_TYPE,
];
