import type { UserPoolClientType } from "@aws-sdk/client-cognito-identity-provider";
import type { LivePool } from "./read-pool";

/**
 * The settings that can change in place, read the same way from a resource's props (the program's inputs, or
 * the provider's state in a stack export; camelCase) and from the live pool (the AWS API; PascalCase), so
 * that the two can be compared: for drift, and to check that adopted settings reproduce the live pool.
 */

/** The live side does not report the setting (a local server may omit it): it is not compared. */
export const notReported: unique symbol = Symbol("not reported");

interface ChangeableSetting<Live> {
    /** The provider's name of the setting, e.g. `passwordPolicy.minimumLength`. */
    readonly setting: string;
    readonly fromProps: (props: Props) => unknown;
    readonly fromLive: (live: Live) => unknown;
}

type Props = Record<string, any>;

const sorted = (list: unknown): string[] => (Array.isArray(list) ? list.map(String) : []).sort();
const orDefault = <T>(value: T | undefined | null, fallback: T): T => (value === undefined || value === null ? fallback : value);
const optionalText = (value: unknown): string | undefined => (value === undefined || value === null || value === "" ? undefined : String(value));
const reported = <T>(value: T | undefined | null): T | typeof notReported => (value === undefined || value === null ? notReported : value);
const tagMap = (tags: unknown): Record<string, string> =>
    Object.fromEntries(Object.entries((tags ?? {}) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b)));
const recoveryOrder = (mechanisms: unknown, name: string, priority: string): string[] =>
    (Array.isArray(mechanisms) ? [...mechanisms] : [])
        .sort((a, b) => Number(a[priority]) - Number(b[priority]))
        .map((mechanism) => String(mechanism[name]));

const passwordFlags = ["requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"] as const;
const capitalized = (name: string) => name[0].toUpperCase() + name.slice(1);

export const poolChangeableSettings: readonly ChangeableSetting<LivePool>[] = [
    { setting: "passwordPolicy.minimumLength",
        fromProps: (p) => Number(p.passwordPolicy?.minimumLength),
        fromLive: (l) => reported(l.pool.Policies?.PasswordPolicy?.MinimumLength) },
    ...passwordFlags.map((flag): ChangeableSetting<LivePool> => ({ setting: `passwordPolicy.${flag}`,
        fromProps: (p) => orDefault(p.passwordPolicy?.[flag], false),
        fromLive: (l) => orDefault((l.pool.Policies?.PasswordPolicy as Props | undefined)?.[capitalized(flag)], false) })),
    { setting: "passwordPolicy.temporaryPasswordValidityDays",
        fromProps: (p) => Number(p.passwordPolicy?.temporaryPasswordValidityDays),
        fromLive: (l) => reported(l.pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays) },
    { setting: "mfaConfiguration",
        fromProps: (p) => orDefault(p.mfaConfiguration, "OFF"),
        fromLive: (l) => orDefault(l.pool.MfaConfiguration, "OFF") },
    { setting: "softwareTokenMfaConfiguration.enabled",
        fromProps: (p) => orDefault(p.softwareTokenMfaConfiguration?.enabled, false),
        fromLive: (l) => orDefault(l.mfa.SoftwareTokenMfaConfiguration?.Enabled, false) },
    { setting: "accountRecoverySetting.recoveryMechanisms",
        fromProps: (p) => recoveryOrder(p.accountRecoverySetting?.recoveryMechanisms, "name", "priority"),
        fromLive: (l) => recoveryOrder(l.pool.AccountRecoverySetting?.RecoveryMechanisms, "Name", "Priority") },
    { setting: "adminCreateUserConfig.allowAdminCreateUserOnly",
        fromProps: (p) => orDefault(p.adminCreateUserConfig?.allowAdminCreateUserOnly, false),
        fromLive: (l) => orDefault(l.pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly, false) },
    { setting: "autoVerifiedAttributes",
        fromProps: (p) => sorted(p.autoVerifiedAttributes),
        fromLive: (l) => sorted(l.pool.AutoVerifiedAttributes) },
    { setting: "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates",
        fromProps: (p) => sorted(p.userAttributeUpdateSettings?.attributesRequireVerificationBeforeUpdates),
        fromLive: (l) => l.pool.UserAttributeUpdateSettings === undefined
            ? notReported : sorted(l.pool.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate) },
    { setting: "emailConfiguration.emailSendingAccount",
        fromProps: (p) => orDefault(p.emailConfiguration?.emailSendingAccount, "COGNITO_DEFAULT"),
        fromLive: (l) => orDefault(l.pool.EmailConfiguration?.EmailSendingAccount, "COGNITO_DEFAULT") },
    { setting: "emailConfiguration.fromEmailAddress",
        fromProps: (p) => optionalText(p.emailConfiguration?.fromEmailAddress),
        fromLive: (l) => optionalText(l.pool.EmailConfiguration?.From) },
    { setting: "emailConfiguration.replyToEmailAddress",
        fromProps: (p) => optionalText(p.emailConfiguration?.replyToEmailAddress),
        fromLive: (l) => optionalText(l.pool.EmailConfiguration?.ReplyToEmailAddress) },
    { setting: "emailConfiguration.sourceArn",
        fromProps: (p) => optionalText(p.emailConfiguration?.sourceArn),
        fromLive: (l) => optionalText(l.pool.EmailConfiguration?.SourceArn) },
    { setting: "emailConfiguration.configurationSet",
        fromProps: (p) => optionalText(p.emailConfiguration?.configurationSet),
        fromLive: (l) => optionalText(l.pool.EmailConfiguration?.ConfigurationSet) },
    { setting: "verificationMessageTemplate.defaultEmailOption",
        fromProps: (p) => orDefault(p.verificationMessageTemplate?.defaultEmailOption, "CONFIRM_WITH_CODE"),
        fromLive: (l) => orDefault(l.pool.VerificationMessageTemplate?.DefaultEmailOption, "CONFIRM_WITH_CODE") },
    ...(["emailSubject", "emailMessage", "emailSubjectByLink", "emailMessageByLink", "smsMessage"] as const)
        .map((key): ChangeableSetting<LivePool> => ({ setting: `verificationMessageTemplate.${key}`,
            fromProps: (p) => optionalText(p.verificationMessageTemplate?.[key]),
            fromLive: (l) => optionalText((l.pool.VerificationMessageTemplate as Props | undefined)?.[capitalized(key)]) })),
    ...(["snsCallerArn", "externalId", "snsRegion"] as const).map((key): ChangeableSetting<LivePool> => ({
        setting: `smsConfiguration.${key}`,
        fromProps: (p) => optionalText(p.smsConfiguration?.[key]),
        fromLive: (l) => optionalText((l.pool.SmsConfiguration as Props | undefined)?.[capitalized(key)]) })),
    { setting: "deletionProtection",
        fromProps: (p) => orDefault(p.deletionProtection, "INACTIVE"),
        fromLive: (l) => reported(l.pool.DeletionProtection) },
    { setting: "userPoolTier",
        fromProps: (p) => optionalText(p.userPoolTier),
        fromLive: (l) => reported(l.pool.UserPoolTier) },
    { setting: "tags",
        // tagsAll (in a stack's state) adds the provider's default tags, which AWS reports among the pool's.
        fromProps: (p) => tagMap(p.tagsAll ?? p.tags),
        fromLive: (l) => tagMap(l.pool.UserPoolTags) },
];

/** `60 minutes`: a token lifetime with its unit (the API's default units: hours, hours, days). */
const lifetime = (amount: unknown, unit: unknown, defaultUnit: string) =>
    amount === undefined || amount === null ? undefined : `${Number(amount)} ${orDefault(unit as string | undefined, defaultUnit)}`;

const tokens = [
    { props: "accessTokenValidity", unitProps: "accessToken", live: "AccessTokenValidity", unitLive: "AccessToken", defaultUnit: "hours" },
    { props: "idTokenValidity", unitProps: "idToken", live: "IdTokenValidity", unitLive: "IdToken", defaultUnit: "hours" },
    { props: "refreshTokenValidity", unitProps: "refreshToken", live: "RefreshTokenValidity", unitLive: "RefreshToken", defaultUnit: "days" },
] as const;

const clientLists = [
    ["explicitAuthFlows", "ExplicitAuthFlows"],
    ["readAttributes", "ReadAttributes"],
    ["writeAttributes", "WriteAttributes"],
    ["allowedOauthFlows", "AllowedOAuthFlows"],
    ["allowedOauthScopes", "AllowedOAuthScopes"],
    ["callbackUrls", "CallbackURLs"],
    ["logoutUrls", "LogoutURLs"],
    ["supportedIdentityProviders", "SupportedIdentityProviders"],
] as const;

export const clientChangeableSettings: readonly ChangeableSetting<UserPoolClientType>[] = [
    { setting: "name", fromProps: (p) => p.name, fromLive: (c) => c.ClientName },
    ...clientLists.map(([props, live]): ChangeableSetting<UserPoolClientType> => ({ setting: props,
        fromProps: (p) => sorted(p[props]),
        fromLive: (c) => sorted(c[live]) })),
    ...tokens.map((token): ChangeableSetting<UserPoolClientType> => ({ setting: token.props,
        fromProps: (p) => lifetime(p[token.props], p.tokenValidityUnits?.[token.unitProps], token.defaultUnit),
        fromLive: (c) => reported(lifetime(c[token.live], c.TokenValidityUnits?.[token.unitLive], token.defaultUnit)) })),
    { setting: "authSessionValidity",
        fromProps: (p) => Number(orDefault(p.authSessionValidity, 3)),
        fromLive: (c) => reported(c.AuthSessionValidity) },
    { setting: "enableTokenRevocation",
        fromProps: (p) => orDefault(p.enableTokenRevocation, true),
        fromLive: (c) => reported(c.EnableTokenRevocation) },
    { setting: "preventUserExistenceErrors",
        fromProps: (p) => orDefault(p.preventUserExistenceErrors, "LEGACY"),
        fromLive: (c) => reported(c.PreventUserExistenceErrors) },
    { setting: "allowedOauthFlowsUserPoolClient",
        fromProps: (p) => orDefault(p.allowedOauthFlowsUserPoolClient, false),
        fromLive: (c) => orDefault(c.AllowedOAuthFlowsUserPoolClient, false) },
    { setting: "defaultRedirectUri", fromProps: (p) => orDefault(p.defaultRedirectUri, ""), fromLive: (c) => orDefault(c.DefaultRedirectURI, "") },
];

/** One setting whose value differs between the props and the live resource. */
export interface SettingDifference {
    readonly setting: string;
    readonly props: unknown;
    readonly live: unknown;
}

export interface Comparison {
    readonly differences: SettingDifference[];
    /** Settings the live side does not report. */
    readonly notCompared: string[];
}

/** Compares props with a live resource, setting by setting. */
export function compareChangeable<Live>(props: Props, live: Live, table: readonly ChangeableSetting<Live>[]): Comparison {
    const differences: SettingDifference[] = [];
    const notCompared: string[] = [];
    for (const { setting, fromProps, fromLive } of table) {
        const liveValue = fromLive(live);
        if (liveValue === notReported) {
            notCompared.push(setting);
            continue;
        }
        const propsValue = fromProps(props);
        if (JSON.stringify(propsValue) !== JSON.stringify(liveValue)) {
            differences.push({ setting, props: propsValue, live: liveValue });
        }
    }
    return { differences, notCompared };
}
