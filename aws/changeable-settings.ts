import { CatalogueEntry, describePaths, detailKeysOf, holdsValue, ProviderKind, settingsByDescription } from "../config";

/**
 * The settings that can change in place, compared between a resource's props (the program's inputs, or the
 * provider's state in a stack export) and the live resource as the AWS API describes it: for drift, and to
 * check that adopted settings reproduce the live pool. Each is a provider input and the Describe path that
 * reports it, as the settings catalogue pairs them.
 */

interface ChangeableSetting {
    /** The provider input, e.g. `passwordPolicy.minimumLength`: the name a difference is reported by. */
    readonly setting: string;
    /** Where the API reports it, e.g. `Policies.PasswordPolicy.MinimumLength`. */
    readonly describe: string;
}

/** The inputs of the settings that are not fixed at creation, each with the Describe path at its place. */
function changeable(entries: readonly CatalogueEntry[]): ChangeableSetting[] {
    const pairs = entries.filter(({ fixed }) => !fixed).flatMap(({ setting }) => {
        const paths = describePaths(setting);
        return [setting.input ?? []].flat().map((input, index) => ({ setting: input, describe: paths[index] }));
    });
    // Several settings may set one input (`email.from` and `email.fromName` the FROM address).
    return pairs.filter((pair, index) => pairs.findIndex((other) => other.setting === pair.setting) === index);
}

const bySetting = settingsByDescription();
export const poolChangeableSettings: readonly ChangeableSetting[] = changeable(bySetting.pool);
/** Compared with the pool's description, under which DescribeRiskConfiguration's output is `RiskConfiguration`. */
export const riskConfigurationChangeableSettings: readonly ChangeableSetting[] = changeable(bySetting.riskConfiguration);
export const clientChangeableSettings: readonly ChangeableSetting[] = changeable(bySetting.client);
export const groupChangeableSettings: readonly ChangeableSetting[] = changeable(bySetting.group);
export const resourceServerChangeableSettings: readonly ChangeableSetting[] = changeable(bySetting.resourceServer);
/** An identity provider's mapping and identifiers, without its details. */
export const identityProviderMappingSettings: readonly ChangeableSetting[] =
    changeable(bySetting.identityProvider).filter(({ setting }) => !setting.startsWith("providerDetails."));
/** An identity provider's details, mapping and identifiers: the details of its own type only (detailKeysOf). */
export const identityProviderChangeableSettings = (kind: ProviderKind): readonly ChangeableSetting[] => {
    const keys = detailKeysOf(kind).map((key) => `providerDetails.${key}`);
    return changeable(bySetting.identityProvider).filter(({ setting }) => !setting.startsWith("providerDetails.") || keys.includes(setting));
};
/**
 * A domain's managed login version, and its certificate: fixed only when added or removed (the domain, a prefix
 * one without a certificate, is then another resource), one ARN for another is updated in place (user_pool_domain.go).
 */
export const domainChangeableSettings: readonly ChangeableSetting[] = [
    ...changeable(bySetting.domain),
    { setting: "certificateArn", describe: "CustomDomainConfig.CertificateArn" },
];

/** A style's settings, and whether it is Cognito's own (the `cognito` style decides it, no setting maps it). */
export const brandingChangeableSettings: readonly ChangeableSetting[] = [
    ...changeable(bySetting.branding),
    { setting: "useCognitoProvidedValues", describe: "UseCognitoProvidedValues" },
];

const lowerFirst = (name: string) => name[0].toLowerCase() + name.slice(1);

/**
 * A value as both sides can be compared: lists as sets (an order that matters is in the items, as account
 * recovery's priorities), the keys of their objects as the provider writes them, maps with their keys sorted.
 */
function comparable(value: unknown, inList = false): unknown {
    if (Array.isArray(value)) {
        return value.map((item) => comparable(item, true)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([key, inner]): [string, unknown] => [inList ? lowerFirst(key) : key, comparable(inner)])
            .sort(([a], [b]) => a.localeCompare(b)));
    }
    return value;
}

/** Unset (nothing, false, 0, "", or lists and objects of those) on both sides is the same. */
const sameValue = (props: unknown, live: unknown) =>
    holdsValue(props) || holdsValue(live) ? JSON.stringify(props) === JSON.stringify(live) : true;

/** One setting whose value differs between the props and the live resource. */
export interface SettingDifference {
    readonly setting: string;
    readonly props: unknown;
    readonly live: unknown;
}

export interface Comparison {
    readonly differences: SettingDifference[];
    /** Settings the live side does not report (a local server may omit them) while the props set them. */
    readonly notCompared: string[];
}

/** The value at a path (`passwordPolicy.minimumLength`, `Policies.PasswordPolicy.MinimumLength`); undefined where a part is absent. */
function valueAt(value: unknown, path: string): unknown {
    return path.split(".").reduce<unknown>((inner, part) => inner !== null && typeof inner === "object" ? (inner as Record<string, unknown>)[part] : undefined, value);
}

/** Compares props with a live resource (a pool's description: read-pool.ts poolDescription), setting by setting. */
export function compareChangeable(props: object, live: object, table: readonly ChangeableSetting[]): Comparison {
    const differences: SettingDifference[] = [];
    const notCompared: string[] = [];
    for (const { setting, describe } of table) {
        const propsValue = comparable(valueAt(props, setting));
        const liveValue = comparable(valueAt(live, describe));
        if ((liveValue === undefined || liveValue === null) && holdsValue(propsValue)) {
            notCompared.push(setting);
        } else if (!sameValue(propsValue, liveValue)) {
            differences.push({ setting, props: propsValue, live: liveValue });
        }
    }
    return { differences, notCompared };
}
