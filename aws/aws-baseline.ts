import { Baseline, baselineFromAws, brandingFromDescribeByClient, identityProviderFromDescribeIdentityProvider } from "cognito-user-pool-policies";
import { LivePool, poolDescription } from "./read-pool";
import { DuplicateClientNameError } from "./errors";
import type { StackUrns } from "./urns";

/** Throws DuplicateClientNameError when two of the pool's clients share a name. */
export function requireUniqueClientNames(live: LivePool): void {
    const idsByName = new Map<string, string[]>();
    for (const client of live.clients) {
        const name = client.ClientName ?? "";
        idsByName.set(name, [...(idsByName.get(name) ?? []), client.ClientId ?? "?"]);
    }
    for (const [name, ids] of idsByName) {
        if (ids.length > 1) {
            throw new DuplicateClientNameError(live.pool.Id ?? "?", name, ids);
        }
    }
}

/**
 * The baseline (source "aws") of a live pool, its clients, groups, resource servers, domain, branding styles and identity
 * providers, keyed by the URNs they have in the stack.
 */
export function awsBaseline(live: LivePool, stack: string, urns: StackUrns, capturedAt?: Date): Baseline {
    requireUniqueClientNames(live);
    const poolUrn = urns.pool(live.pool.Id ?? "");
    const clientUrn = (client: (typeof live.clients)[number]) => urns.client(client.ClientId ?? "", client.ClientName ?? "");
    return baselineFromAws({
        stack,
        capturedAt,
        pools: [{
            urn: poolUrn,
            region: live.region,
            // GetUserPoolMfaConfig's output under MfaConfig: the passkeys' relying party id is reported there only.
            describeUserPool: poolDescription(live),
            clients: live.clients.map((client) => ({ urn: clientUrn(client), describeUserPoolClient: client })),
        }],
        // Read in the pool's region (read-pool.ts reads only a sender identity of the pool's own region).
        emailIdentities: live.senderIdentity === undefined ? {}
            : { [urns.senderIdentity(live.senderIdentity.name)]: { id: live.senderIdentity.name, region: live.region } },
        // The provider's ids: `<pool id>/<name>` (user_group.go), `<pool id>|<identifier>` (resource_server.go).
        groups: Object.fromEntries(live.groups.map((group) => {
            const [name, id] = [group.GroupName ?? "", `${live.pool.Id}/${group.GroupName}`];
            return [urns.group(id, name), { id, region: live.region, name, userPool: poolUrn }];
        })),
        resourceServers: Object.fromEntries(live.resourceServers.map((server) => {
            const [identifier, id] = [server.Identifier ?? "", `${live.pool.Id}|${server.Identifier}`];
            return [urns.resourceServer(id, identifier), { id, region: live.region, identifier, userPool: poolUrn }];
        })),
        // The provider's id is the domain (user_pool_domain.go); a prefix domain has no certificate.
        domains: live.domain?.Domain === undefined ? {} : { [urns.domain(live.domain.Domain)]: {
            id: live.domain.Domain, region: live.region, domain: live.domain.Domain, userPool: poolUrn,
            ...(live.domain.CustomDomainConfig?.CertificateArn ? { certificateArn: live.domain.CustomDomainConfig.CertificateArn } : {}),
        } },
        // The provider's id is `<pool id>,<style id>` (managed_login_branding.go ImportState).
        brandings: Object.fromEntries(live.clients.filter((client) => live.brandings[client.ClientId ?? ""] !== undefined).map((client) => {
            const branding = brandingFromDescribeByClient(live.brandings[client.ClientId ?? ""], clientUrn(client), poolUrn);
            return [urns.branding(branding.id, client.ClientName ?? ""), { ...branding, region: live.region }];
        })),
        // The provider's id is `<pool id>:<name>` (identity_provider.go).
        identityProviders: Object.fromEntries(live.identityProviders.map((provider) => {
            const fixed = identityProviderFromDescribeIdentityProvider({ ...provider, UserPoolId: live.pool.Id }, poolUrn, live.region);
            return [urns.identityProvider(fixed.id, fixed.providerName), fixed];
        })),
    });
}
