import type { DomainDescriptionType } from "@aws-sdk/client-cognito-identity-provider";
import type { z } from "zod";
import {
    brandingFromDescribed,
    CatalogueEntry,
    clientFromDescribed,
    describePaths,
    domainFromDescribed,
    groupFromDescribed,
    holdsValue,
    identityProviderFromDescribed,
    logsFromDescribed,
    poolFromDescribed,
    ReadContext,
    resourceServerFromDescribed,
    settingsByDescription,
    stackSettingsSchema,
} from "../config";
import { LivePool, poolDescription } from "./read-pool";

/**
 * The reverse of the program's mapping: a live pool, its clients, groups, resource servers, log delivery and its SES sender (as
 * the AWS API describes them) → stack settings in the config model, each resource read by its catalogue file's
 * `…FromDescribed`. Whatever the model cannot express is reported as a gap, by the API's name for it: a value a setting
 * cannot take, and any field of the description that no setting reads and no table below explains. Nothing is
 * dropped silently.
 */

/** Stack settings as written in a stack file (before defaults). */
export type RawStackSettings = z.input<typeof stackSettingsSchema>;

/** A live setting the config model cannot express. */
export interface SettingGap {
    /** The API's name, e.g. `LambdaConfig` or `clients[web].DefaultRedirectURI`. */
    readonly setting: string;
    readonly live: unknown;
    readonly why: string;
}

/** Something the reader should know: a value assumed because the API did not report it, or left unmanaged. */
export interface SettingNote {
    readonly setting: string;
    readonly note: string;
}

export interface AdoptedSettings {
    readonly settings: RawStackSettings;
    readonly gaps: SettingGap[];
    readonly notes: SettingNote[];
}

/** What a field of the description that is not a setting means for adoption. */
type FieldMeaning = (value: unknown, context: ReadContext) => void;

/** Reported by the API about the resource rather than set on it, or a mirror of a field a setting reads. */
const notASetting: FieldMeaning = () => undefined;

/** The pool's fields that no setting reads, by Describe path. */
const poolFields: Readonly<Record<string, FieldMeaning>> = {
    ...Object.fromEntries(["Id", "Arn", "CreationDate", "LastModifiedDate", "EstimatedNumberOfUsers", "Status",
        "EmailConfigurationFailure", "SmsConfigurationFailure"].map((key) => [key, notASetting])),
    // The API mirrors the verification template into these; userPool.verification reads them with it.
    EmailVerificationMessage: notASetting,
    EmailVerificationSubject: notASetting,
    SmsVerificationMessage: notASetting,
    // Deprecated, superseded by PasswordPolicy.TemporaryPasswordValidityDays.
    "AdminCreateUserConfig.UnusedAccountValidityDays": notASetting,
    // The legacy mirror of PreTokenGenerationConfig.LambdaArn ("have the same value"); triggers reads it with it.
    "LambdaConfig.PreTokenGeneration": notASetting,
    // GetUserPoolMfaConfig repeats the pool's MfaConfiguration and SmsAuthenticationMessage.
    "MfaConfig.MfaConfiguration": notASetting,
    "MfaConfig.SmsMfaConfiguration.SmsAuthenticationMessage": notASetting,
    // The domain is read from DescribeUserPoolDomain: one per stack, the custom one when the pool has both.
    CustomDomain: notASetting,
    Domain: notASetting,
    // DescribeRiskConfiguration names the pool it describes; the notifications' sender follows the email settings, and
    // their templates are reported by threatProtection's read.
    "RiskConfiguration.UserPoolId": notASetting,
    "RiskConfiguration.LastModifiedDate": notASetting,
    "RiskConfiguration.AccountTakeoverRiskConfiguration.NotifyConfiguration": notASetting,
};

/** A client's fields that no setting reads. */
const clientFields: Readonly<Record<string, FieldMeaning>> = {
    ...Object.fromEntries(["UserPoolId", "ClientId", "CreationDate", "LastModifiedDate"].map((key) => [key, notASetting])),
};

/** The domain's fields that no setting reads (DescribeUserPoolDomain's DomainDescription). */
const domainFields: Readonly<Record<string, FieldMeaning>> = Object.fromEntries(
    ["UserPoolId", "AWSAccountId", "S3Bucket", "CloudFrontDistribution", "Version", "Status"].map((key) => [key, notASetting]));

/** A group's or resource server's fields that no setting reads. */
const listedFields: Readonly<Record<string, FieldMeaning>> = Object.fromEntries(
    ["UserPoolId", "CreationDate", "LastModifiedDate"].map((key) => [key, notASetting]));

/**
 * An identity provider's fields that no setting reads: its pool and dates, and the ProviderDetails keys Cognito
 * adds itself (CreateIdentityProvider, the "Describe response" examples; components/identity-providers.ts).
 */
const providerFields: Readonly<Record<string, FieldMeaning>> = Object.fromEntries([
    ...["UserPoolId", "CreationDate", "LastModifiedDate"],
    ...["attributes_url_add_attributes", "token_request_method", "ActiveEncryptionCertificate", "SLORedirectBindingURI", "SSORedirectBindingURI"]
        .map((key) => `ProviderDetails.${key}`),
].map((path) => [path, notASetting]));

/** The Describe paths the settings read. */
function pathsReadBy(entries: readonly CatalogueEntry[]): string[] {
    return entries.flatMap(({ setting }) => describePaths(setting));
}

/**
 * Every field of `resource` that holds a value and that no setting reads (its Describe path, a list of objects
 * a setting reads items of, or an object holding such fields is scanned field by field): a gap, unless `fields`
 * says what it is.
 */
function scanUnread(resource: object, read: readonly string[], fields: Readonly<Record<string, FieldMeaning>>, context: ReadContext, prefix = ""): void {
    for (const [key, value] of Object.entries(resource) as [string, unknown][]) {
        const path = `${prefix}${key}`;
        if (fields[path] !== undefined) {
            fields[path](value, context);
        } else if (read.some((known) => known.startsWith(`${path}.`)) && value !== null && typeof value === "object" && !Array.isArray(value)) {
            scanUnread(value, read, fields, context, `${path}.`);
        } else if (!read.some((known) => known === path || known.startsWith(`${path}[]`)) && holdsValue(value)) {
            context.gap(path, value, "the config model has no key for it");
        }
    }
}

class Findings {
    readonly gaps: SettingGap[] = [];
    readonly notes: SettingNote[] = [];

    /** The context in which a resource is read; `prefix` names a client's fields (`clients[web].`). */
    context(region: string, prefix = ""): ReadContext {
        return {
            region,
            gap: (setting, live, why) => this.gaps.push({ setting: `${prefix}${setting}`, live, why }),
            note: (setting, note) => this.notes.push({ setting: `${prefix}${setting}`, note }),
        };
    }
}

/** Live pool → stack settings, with what cannot be expressed and what was assumed. */
export function settingsFromLive(live: LivePool): AdoptedSettings {
    const findings = new Findings();
    const poolContext = findings.context(live.region);
    const pool = poolDescription(live);
    const read = settingsByDescription();
    scanUnread(pool, pathsReadBy([...read.pool, ...read.riskConfiguration]), poolFields, poolContext);
    const poolSettings = poolFromDescribed(pool, poolContext);
    senderIdentityGaps(live, poolContext);
    const itemsOf = <Item extends object, Settings>(items: readonly Item[], entries: readonly CatalogueEntry[],
        fields: Readonly<Record<string, FieldMeaning>>, label: (item: Item) => string, read: (item: Item, context: ReadContext) => Settings) =>
        items.map((item) => {
            const context = findings.context(live.region, `${label(item)}.`);
            scanUnread(item, pathsReadBy(entries), fields, context);
            return read(item, context);
        });
    const clientSettings = itemsOf(live.clients, read.client, clientFields, (client) => `clients[${client.ClientName}]`, (client, context) => {
        const style = live.brandings[client.ClientId ?? ""];
        const settings = clientFromDescribed(client, context);
        return style === undefined ? settings : { ...settings, branding: brandingFromDescribed(style, context) };
    });
    const brandings = Object.fromEntries(live.clients.filter((client) => live.brandings[client.ClientId ?? ""]?.ManagedLoginBrandingId !== undefined)
        .map((client) => [client.ClientName ?? "", live.brandings[client.ClientId ?? ""].ManagedLoginBrandingId ?? ""]));
    const groupSettings = itemsOf(live.groups, read.group, listedFields, (group) => `groups[${group.GroupName}]`, groupFromDescribed);
    const domainSettings = live.domain === undefined ? undefined : readDomainSettings(live, live.domain, findings.context(live.region, "domain."));
    const logSettings = logsFromDescribed(live.logDelivery, findings.context(live.region, "logs."));
    const serverSettings = itemsOf(live.resourceServers, read.resourceServer, listedFields,
        (server) => `resourceServers[${server.Identifier}]`, resourceServerFromDescribed);
    const providerSettings = itemsOf(live.identityProviders, read.identityProvider, providerFields,
        (provider) => `identityProviders[${provider.ProviderName}]`, identityProviderFromDescribed)
        .filter((settings) => settings !== undefined);
    // The reader never keeps a client secret (read-pool.ts): the adopted file holds the placeholder.
    providerSettings.forEach((provider, index) => provider.clientSecret !== undefined && findings.notes.push({
        setting: `identityProviders[${provider.name}].clientSecret`,
        note: `not copied: set it with \`pulumi config set --secret --path 'identityProviders[${index}].clientSecret'\``,
    }));
    return {
        settings: {
            // Pulumi protect and retainOnDelete: an adopted pool holds real users.
            protect: true,
            ...poolSettings,
            clients: clientSettings,
            ...(groupSettings.length > 0 ? { groups: groupSettings } : {}),
            ...(serverSettings.length > 0 ? { resourceServers: serverSettings } : {}),
            ...(domainSettings !== undefined ? { domain: domainSettings } : {}),
            ...(logSettings !== undefined ? { logs: logSettings } : {}),
            ...(providerSettings.length > 0 ? { identityProviders: providerSettings } : {}),
            import: {
                userPool: live.pool.Id,
                ...(live.senderIdentity !== undefined ? { senderIdentity: live.senderIdentity.name } : {}),
                clients: Object.fromEntries(live.clients.map((client) => [client.ClientName ?? "", client.ClientId ?? ""])),
                ...(live.groups.length > 0 ? { groups: live.groups.map((group) => group.GroupName ?? "") } : {}),
                ...(live.resourceServers.length > 0 ? { resourceServers: live.resourceServers.map((server) => server.Identifier ?? "") } : {}),
                ...(domainSettings !== undefined ? { domain: true } : {}),
                ...(Object.keys(brandings).length > 0 ? { brandings } : {}),
                ...(providerSettings.length > 0 ? { identityProviders: providerSettings.map((provider) => provider.name) } : {}),
            },
        },
        gaps: findings.gaps,
        notes: findings.notes,
    };
}

/** The domain's settings; a pool with a custom and a prefix domain keeps the prefix one out of the stack. */
function readDomainSettings(live: LivePool, description: DomainDescriptionType, context: ReadContext) {
    scanUnread(description, pathsReadBy(settingsByDescription().domain), domainFields, context);
    if (live.pool.CustomDomain && live.pool.Domain) {
        context.gap("Domain", live.pool.Domain, "the config model has one domain per pool: the custom domain is adopted, this prefix domain is left as it is");
    }
    return domainFromDescribed(description, context);
}

/** The program tags the SES identity like the pool and sets nothing else on it. */
function senderIdentityGaps(live: LivePool, context: ReadContext): void {
    const identity = live.senderIdentity;
    if (identity === undefined) {
        return;
    }
    const { description } = identity;
    const where = `SES identity ${identity.name}`;
    const identityTags = Object.fromEntries((description.Tags ?? []).map((tag) => [tag.Key, tag.Value]));
    if (JSON.stringify(sortKeys(identityTags)) !== JSON.stringify(sortKeys(live.pool.UserPoolTags ?? {}))) {
        context.gap(`${where} Tags`, identityTags, "the program gives the SES identity the pool's tags");
    }
    if (description.ConfigurationSetName) {
        context.gap(`${where} ConfigurationSetName`, description.ConfigurationSetName, "the config model sets no default configuration set on the identity");
    }
    if (description.DkimAttributes?.SigningAttributesOrigin === "EXTERNAL") {
        context.gap(`${where} DkimAttributes`, "EXTERNAL", "the config model has no bring-your-own DKIM keys");
    }
    if (description.VerifiedForSendingStatus === false) {
        context.note(where, "not verified for sending yet: Cognito cannot send email through it");
    }
}

function sortKeys(record: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
