import * as path from "path";
import { readYamlFile } from "../stack-files/reader";
import { StackFileError } from "../stack-files/stack-file-error";
import {
    EMAIL_IDENTITY_TYPE, IDENTITY_PROVIDER_TYPE, MANAGED_LOGIN_BRANDING_TYPE, RESOURCE_SERVER_TYPE, StateExport, USER_GROUP_TYPE, USER_POOL_CLIENT_TYPE,
    USER_POOL_DOMAIN_TYPE, USER_POOL_TYPE,
} from "cognito-user-pool-policies";

/** The URNs a live pool and its clients have, or would have, in a stack. */
export interface StackUrns {
    pool(poolId: string): string;
    client(clientId: string, clientName: string): string;
    senderIdentity(identity: string): string;
    /** A group by the provider's id (`<pool id>/<name>`) and its name. */
    group(id: string, name: string): string;
    /** A resource server by the provider's id (`<pool id>|<identifier>`) and its identifier. */
    resourceServer(id: string, identifier: string): string;
    /** The domain by its name (the provider's id). */
    domain(domain: string): string;
    /** A client's branding style by the provider's id (`<pool id>,<style id>`) and the client's name. */
    branding(id: string, clientName: string): string;
    /** An identity provider by the provider's id (`<pool id>:<name>`) and its name. */
    identityProvider(id: string, name: string): string;
}

// As index.ts, components/sign-in-backend.ts and groups-and-scopes.ts name them: a SignInBackend "auth" with children
// "auth-pool", "auth-client-<client name>", "auth-group-<name>", "auth-resource-server-<identifier>", "auth-domain" and
// "auth-branding-<client name>" and "auth-identity-provider-<name>" (identity-providers.ts). A test
// checks these against the URNs the program registers.
const componentType = "cognito-user-pool:index:SignInBackend";
const componentName = "auth";

/** The URNs the program gives a pool and its clients in a stack of the project. */
export function programUrns(project: string, stack: string): StackUrns {
    const prefix = `urn:pulumi:${stack}::${project}::${componentType}$`;
    return {
        pool: () => `${prefix}${USER_POOL_TYPE}::${componentName}-pool`,
        client: (_clientId, clientName) => `${prefix}${USER_POOL_CLIENT_TYPE}::${componentName}-client-${clientName}`,
        senderIdentity: () => `${prefix}${EMAIL_IDENTITY_TYPE}::${componentName}-sender`,
        group: (_id, name) => `${prefix}${USER_GROUP_TYPE}::${componentName}-group-${name}`,
        resourceServer: (_id, identifier) => `${prefix}${RESOURCE_SERVER_TYPE}::${componentName}-resource-server-${identifier}`,
        domain: () => `${prefix}${USER_POOL_DOMAIN_TYPE}::${componentName}-domain`,
        branding: (_id, clientName) => `${prefix}${MANAGED_LOGIN_BRANDING_TYPE}::${componentName}-branding-${clientName}`,
        identityProvider: (_id, name) => `${prefix}${IDENTITY_PROVIDER_TYPE}::${componentName}-identity-provider-${name}`,
    };
}

/**
 * The URN of the current pool's migration client in a stack with a successor pool, as components/successor-pool.ts
 * and user-migration-function.ts name it: SuccessorPool "successor" > UserMigrationFunction "successor-migration"
 * > "successor-migration-client". A test checks it against the URN the program registers.
 */
export function migrationClientUrn(project: string, stack: string): string {
    return `urn:pulumi:${stack}::${project}::cognito-user-pool:index:SuccessorPool$cognito-user-pool:index:UserMigrationFunction$` +
        `${USER_POOL_CLIENT_TYPE}::successor-migration-client`;
}

/**
 * The URNs a stack's state gives the resources with these physical ids; resources the state does not hold
 * (made outside Pulumi) get the URNs the program would give them.
 */
export function stateUrns(exported: StateExport, fallback: StackUrns): StackUrns {
    const urnById = (type: string) => new Map((exported.deployment.resources ?? [])
        .filter((resource) => resource.type === type && resource.delete !== true && typeof resource.id === "string")
        .map((resource) => [resource.id as string, resource.urn]));
    const pools = urnById(USER_POOL_TYPE);
    const clients = urnById(USER_POOL_CLIENT_TYPE);
    const identities = urnById(EMAIL_IDENTITY_TYPE);
    const groups = urnById(USER_GROUP_TYPE);
    const resourceServers = urnById(RESOURCE_SERVER_TYPE);
    const domains = urnById(USER_POOL_DOMAIN_TYPE);
    const brandings = urnById(MANAGED_LOGIN_BRANDING_TYPE);
    const identityProviders = urnById(IDENTITY_PROVIDER_TYPE);
    return {
        pool: (poolId) => pools.get(poolId) ?? fallback.pool(poolId),
        client: (clientId, clientName) => clients.get(clientId) ?? fallback.client(clientId, clientName),
        senderIdentity: (identity) => identities.get(identity) ?? fallback.senderIdentity(identity),
        group: (id, name) => groups.get(id) ?? fallback.group(id, name),
        resourceServer: (id, identifier) => resourceServers.get(id) ?? fallback.resourceServer(id, identifier),
        domain: (domain) => domains.get(domain) ?? fallback.domain(domain),
        branding: (id, clientName) => brandings.get(id) ?? fallback.branding(id, clientName),
        identityProvider: (id, name) => identityProviders.get(id) ?? fallback.identityProvider(id, name),
    };
}

/** The project name in a project directory's Pulumi.yaml. */
export function readProjectName(projectDir: string): string {
    const projectFile = path.join(projectDir, "Pulumi.yaml");
    const project = readYamlFile(projectFile) as { name?: unknown } | null;
    if (typeof project?.name !== "string") {
        throw new StackFileError(`${projectFile}: expected a project name`);
    }
    return project.name;
}
