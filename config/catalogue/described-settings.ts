import { clients } from "./app-client";
import { CatalogueEntry, entriesOf } from "./derive";
import type { Section } from "./define";
import { groups } from "./groups";
import { identityProviders } from "./identity-providers";
import { resourceServers } from "./resource-servers";
import { stack } from "./stack";
import { RISK_CONFIGURATION_TYPE } from "./threat-protection";

/** The key prefix of the settings of each item of a top-level list: `clients[].`. */
const keyPrefixOf = (list: Section) => `${Object.entries(stack.entries).find(([, entry]) => entry === list)![0]}[].`;

const lists = {
    client: keyPrefixOf(clients), group: keyPrefixOf(groups), resourceServer: keyPrefixOf(resourceServers), domain: "domain.", logDelivery: "logs.",
    identityProvider: keyPrefixOf(identityProviders),
};
/** A client's branding style, a resource of its own under the client's keys. */
const brandingPrefix = `${lists.client}branding.`;

/**
 * What `npm run adopt` reads each resource back from (aws/read-pool.ts sends these calls): a setting's `describe`
 * paths are paths in it.
 */
export const readBackFrom = {
    pool: "DescribeUserPool's `UserPool`, with GetUserPoolMfaConfig's output under `MfaConfig`",
    riskConfiguration: "DescribeRiskConfiguration's output, while threat protection is on",
    client: "DescribeUserPoolClient's `UserPoolClient`",
    group: "an item of ListGroups",
    resourceServer: "an item of ListResourceServers",
    domain: "DescribeUserPoolDomain's `DomainDescription`",
    logDelivery: "GetLogDeliveryConfiguration's `LogDeliveryConfiguration`",
    branding: "DescribeManagedLoginBrandingByClient's `ManagedLoginBranding`",
    identityProvider: "DescribeIdentityProvider's `IdentityProvider`, for each provider ListIdentityProviders names",
} as const;

/** The catalogue's settings by what they are read back from (readBackFrom). */
export type SettingsByDescription = { readonly [From in keyof typeof readBackFrom]: CatalogueEntry[] };

/** The catalogue's settings read back from a pool's description, and those read back from each other resource's. */
export function settingsByDescription(): SettingsByDescription {
    const entries = entriesOf(stack).filter(({ setting }) => setting.describe !== undefined);
    const under = (prefix: string) => entries.filter(({ key }) => key.startsWith(prefix));
    return {
        pool: entries.filter(({ key, resourceType }) => !Object.values(lists).some((prefix) => key.startsWith(prefix)) && resourceType !== RISK_CONFIGURATION_TYPE),
        riskConfiguration: entries.filter(({ resourceType }) => resourceType === RISK_CONFIGURATION_TYPE),
        client: under(lists.client).filter(({ key }) => !key.startsWith(brandingPrefix)),
        group: under(lists.group),
        resourceServer: under(lists.resourceServer),
        domain: under(lists.domain),
        logDelivery: under(lists.logDelivery),
        branding: under(brandingPrefix),
        identityProvider: under(lists.identityProvider),
    };
}
