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

export interface SettingsByDescription {
    /** Read from DescribeUserPool (and GetUserPoolMfaConfig). */
    readonly pool: CatalogueEntry[];
    /** From DescribeRiskConfiguration, under the pool's description (`RiskConfiguration`), inputs of aws.cognito.RiskConfiguration. */
    readonly riskConfiguration: CatalogueEntry[];
    /** From DescribeUserPoolClient. */
    readonly client: CatalogueEntry[];
    /** From a ListGroups item. */
    readonly group: CatalogueEntry[];
    /** From a ListResourceServers item. */
    readonly resourceServer: CatalogueEntry[];
    /** From DescribeUserPoolDomain's output (its DomainDescription). */
    readonly domain: CatalogueEntry[];
    /** From GetLogDeliveryConfiguration's LogDeliveryConfiguration. */
    readonly logDelivery: CatalogueEntry[];
    /** From DescribeManagedLoginBrandingByClient's ManagedLoginBranding. */
    readonly branding: CatalogueEntry[];
    /** From DescribeIdentityProvider's IdentityProvider. */
    readonly identityProvider: CatalogueEntry[];
}

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
