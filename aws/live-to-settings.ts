import type { UserPoolClientType, UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import type { z } from "zod";
import { authFlows, stackSettingsSchema, standardAttributes } from "../config";
import {
    FixedAttribute,
    STANDARD_ATTRIBUTE_DEFAULTS,
    attributesEqual,
    isCustomAttributeName,
    poolFromDescribeUserPool,
} from "cognito-user-pool-policies";
import { LivePool, parseIdentityArn } from "./read-pool";

/**
 * The reverse of the program's mapping: a live pool, its clients and its SES sender (as the AWS API describes
 * them) → stack settings in the config model, every key spelled out. Whatever the model cannot express is
 * reported as a gap, by the API's name for it; nothing is dropped silently.
 */

/** Stack settings as written in a stack file (before defaults). */
export type RawStackSettings = z.input<typeof stackSettingsSchema>;
type RawUserPool = NonNullable<RawStackSettings["userPool"]>;
type RawClient = NonNullable<RawStackSettings["clients"]>[number];
type RawCustomAttribute = NonNullable<NonNullable<RawUserPool["attributes"]>["custom"]>[number];
type StandardAttribute = (typeof standardAttributes)[number];
type AuthFlow = (typeof authFlows)[number];

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

class Findings {
    readonly gaps: SettingGap[] = [];
    readonly notes: SettingNote[] = [];

    gap(setting: string, live: unknown, why: string): void {
        this.gaps.push({ setting, live, why });
    }

    note(setting: string, note: string): void {
        this.notes.push({ setting, note });
    }

    /** Reports the fields of `object` that hold a value and are not among those the mapping handles. */
    unhandled(object: object | undefined, path: string, handled: readonly string[]): void {
        for (const [key, value] of Object.entries(object ?? {})) {
            if (!handled.includes(key) && holdsValue(value)) {
                this.gap(`${path}${key}`, value, "the config model has no key for it");
            }
        }
    }
}

/** False for what the API reports for an unset field: nothing, false, 0, "", or lists and objects of those. */
function holdsValue(value: unknown): boolean {
    if (Array.isArray(value)) {
        return value.some(holdsValue);
    }
    if (value !== null && typeof value === "object") {
        return Object.values(value).some(holdsValue);
    }
    return value !== undefined && value !== null && value !== false && value !== 0 && value !== "";
}

/** Live pool → stack settings, with what cannot be expressed and what was assumed. */
export function settingsFromLive(live: LivePool): AdoptedSettings {
    const findings = new Findings();
    const pool = live.pool;
    findings.unhandled(pool, "", poolFieldsHandled);
    notePoolDomains(pool, findings);
    threatProtectionGap(pool, findings);
    const sender = emailSettings(live, findings);
    const userPool: RawUserPool = {
        name: pool.Name,
        deletionProtection: deletionProtection(pool, findings),
        tier: tier(pool, findings),
        ...fixedSettings(pool, findings),
        password: passwordSettings(pool, findings),
        mfa: mfaSettings(live, findings),
        accountRecovery: accountRecovery(pool, findings),
        selfSignUp: !(pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly ?? false),
        autoVerify: (pool.AutoVerifiedAttributes ?? []).map((attribute) => verifiable[attribute]),
        keepOriginalUntilVerified: keepOriginalUntilVerified(pool, findings),
        email: sender.email,
        verification: verificationSettings(pool, findings),
        ...(pool.SmsConfiguration !== undefined ? { sms: smsSettings(pool, findings) } : {}),
        tags: { ...(pool.UserPoolTags ?? {}) },
    };
    findings.unhandled(pool.AdminCreateUserConfig, "AdminCreateUserConfig.",
        // UnusedAccountValidityDays: deprecated, superseded by PasswordPolicy.TemporaryPasswordValidityDays.
        ["AllowAdminCreateUserOnly", "UnusedAccountValidityDays"]);
    const clients = live.clients.map((client) => clientSettings(client, findings));
    return {
        settings: {
            // Pulumi protect and retainOnDelete: an adopted pool holds real users.
            protect: true,
            userPool,
            clients,
            import: {
                userPool: pool.Id,
                ...(sender.identity !== undefined ? { senderIdentity: sender.identity } : {}),
                clients: Object.fromEntries(live.clients.map((client) => [client.ClientName ?? "", client.ClientId ?? ""])),
            },
        },
        gaps: findings.gaps,
        notes: findings.notes,
    };
}

const poolFieldsHandled = [
    // Read-only, or reported by the API about the pool rather than set on it.
    "Id", "Arn", "CreationDate", "LastModifiedDate", "EstimatedNumberOfUsers", "Status",
    "EmailConfigurationFailure", "SmsConfigurationFailure", "Domain", "CustomDomain",
    // Mapped below.
    "Name", "DeletionProtection", "UserPoolTier", "UsernameAttributes", "AliasAttributes", "UsernameConfiguration",
    "SchemaAttributes", "Policies", "MfaConfiguration", "AccountRecoverySetting", "AdminCreateUserConfig",
    "AutoVerifiedAttributes", "UserAttributeUpdateSettings", "EmailConfiguration", "VerificationMessageTemplate",
    "EmailVerificationMessage", "EmailVerificationSubject", "SmsVerificationMessage", "SmsConfiguration",
    "UserPoolTags", "UserPoolAddOns",
];

const verifiable = { email: "email", phone_number: "phone" } as const;
const signInOptions: Record<string, "email" | "phone"> = { email: "email", phone_number: "phone" };
const recoveryMechanisms: Record<string, "email" | "phone"> = { verified_email: "email", verified_phone_number: "phone" };
const attributeTypes = { String: "string", Number: "number", Boolean: "boolean", DateTime: "datetime" } as const;
const tiers: Record<string, RawUserPool["tier"]> = { LITE: "lite", ESSENTIALS: "essentials", PLUS: "plus" };
const mfaModes: Record<string, "off" | "optional" | "required"> = { OFF: "off", OPTIONAL: "optional", ON: "required" };
/** The inverse of the program's mapping of auth flows (components/app-client-args.ts). */
const authFlowNames: Record<string, AuthFlow> = {
    ALLOW_USER_SRP_AUTH: "user_srp",
    ALLOW_REFRESH_TOKEN_AUTH: "refresh_token",
    ALLOW_USER_PASSWORD_AUTH: "user_password",
    ALLOW_ADMIN_USER_PASSWORD_AUTH: "admin_user_password",
    ALLOW_CUSTOM_AUTH: "custom",
    ALLOW_USER_AUTH: "user_auth",
};

function notePoolDomains(pool: UserPoolType, findings: Findings): void {
    for (const key of ["Domain", "CustomDomain"] as const) {
        if (pool[key]) {
            findings.note(key, `${pool[key]}: a domain is a separate resource that the program does not manage; ` +
                "pulumi up leaves it as it is");
        }
    }
}

function threatProtectionGap(pool: UserPoolType, findings: Findings): void {
    const addOns = pool.UserPoolAddOns;
    if (addOns !== undefined && (addOns.AdvancedSecurityMode ?? "OFF") !== "OFF") {
        findings.gap("UserPoolAddOns", addOns, "the config model has no threat protection (advanced security) settings");
    }
}

function deletionProtection(pool: UserPoolType, findings: Findings): boolean {
    if (pool.DeletionProtection === undefined) {
        findings.note("DeletionProtection", "not reported by the server: assumed INACTIVE (the API's default)");
    }
    return pool.DeletionProtection === "ACTIVE";
}

function tier(pool: UserPoolType, findings: Findings): RawUserPool["tier"] {
    if (pool.UserPoolTier === undefined) {
        findings.note("UserPoolTier", "not reported by the server: assumed ESSENTIALS (the API's default)");
        return "essentials";
    }
    return tiers[pool.UserPoolTier];
}

/** Sign-in options and attributes, read with the policy pack's reader so both agree on their normal form. */
function fixedSettings(pool: UserPoolType, findings: Findings): Pick<RawUserPool, "signIn" | "attributes"> {
    const fixed = poolFromDescribeUserPool(pool);
    if (pool.UsernameConfiguration === undefined) {
        findings.note("UsernameConfiguration", "not reported: written as caseSensitive: unset, so the program sends none (adding it would replace the pool)");
    }
    const usesUsername = fixed.usernameAttributes.length === 0;
    const signInAttributes = usesUsername ? fixed.aliasAttributes.filter((alias) => alias !== "preferred_username") : fixed.usernameAttributes;
    for (const attribute of signInAttributes.filter((name) => signInOptions[name] === undefined)) {
        findings.gap(usesUsername ? "AliasAttributes" : "UsernameAttributes", attribute, "the config model signs in with username, email or phone");
    }
    const others = signInAttributes.map((name) => signInOptions[name]).filter((option) => option !== undefined);
    return {
        signIn: {
            with: usesUsername ? ["username", ...others] : others,
            preferredUsername: fixed.aliasAttributes.includes("preferred_username"),
            caseSensitive: fixed.caseSensitive ?? "unset",
        },
        attributes: attributeSettings(fixed.attributes, findings),
    };
}

function attributeSettings(attributes: FixedAttribute[], findings: Findings): RawUserPool["attributes"] {
    const required: StandardAttribute[] = [];
    const custom: RawCustomAttribute[] = [];
    for (const attribute of attributes) {
        if (isCustomAttributeName(attribute.name)) {
            custom.push(customAttribute(attribute, findings));
            continue;
        }
        const configurable = (standardAttributes as readonly string[]).includes(attribute.name);
        if (attribute.required && configurable) {
            required.push(attribute.name as StandardAttribute);
        }
        const standard = STANDARD_ATTRIBUTE_DEFAULTS[attribute.name];
        if (!configurable || standard === undefined || !attributesEqual({ ...attribute, required: standard.required }, standard)) {
            findings.gap(`SchemaAttributes[${attribute.name}]`, attribute,
                "the config model can only make a standard attribute required; its other properties stay Cognito's defaults");
        }
    }
    return { required, custom };
}

function customAttribute(attribute: FixedAttribute, findings: Findings): RawCustomAttribute {
    const name = attribute.name.slice("custom:".length);
    if (attribute.required) {
        findings.gap(`SchemaAttributes[${attribute.name}].Required`, true, "the config model has no required custom attributes");
    }
    const { minLength, maxLength, minValue, maxValue } = attribute.constraints;
    return {
        name,
        type: attributeTypes[attribute.dataType],
        mutable: attribute.mutable,
        developerOnly: attribute.developerOnly,
        // The program sends 0..2048 for a string attribute without limits, as Cognito reports it.
        ...(attribute.dataType === "String" && minLength !== undefined && minLength !== 0 ? { minLength } : {}),
        ...(attribute.dataType === "String" && maxLength !== undefined && maxLength !== 2048 ? { maxLength } : {}),
        ...(attribute.dataType === "Number" && minValue !== undefined ? { minValue } : {}),
        ...(attribute.dataType === "Number" && maxValue !== undefined ? { maxValue } : {}),
    };
}

function passwordSettings(pool: UserPoolType, findings: Findings): RawUserPool["password"] {
    const policies = pool.Policies;
    findings.unhandled(policies, "Policies.", ["PasswordPolicy", "SignInPolicy"]);
    const firstFactors = policies?.SignInPolicy?.AllowedFirstAuthFactors;
    if (firstFactors !== undefined && !(firstFactors.length === 1 && firstFactors[0] === "PASSWORD")) {
        findings.gap("Policies.SignInPolicy.AllowedFirstAuthFactors", firstFactors, "the config model signs in with a password first");
    }
    const password = policies?.PasswordPolicy;
    if (password === undefined) {
        findings.note("Policies.PasswordPolicy", "not reported: assumed Cognito's default password policy");
        return {};
    }
    findings.unhandled(password, "Policies.PasswordPolicy.", ["MinimumLength", "RequireLowercase", "RequireUppercase",
        "RequireNumbers", "RequireSymbols", "TemporaryPasswordValidityDays"]);
    return {
        minLength: password.MinimumLength,
        requireLowercase: password.RequireLowercase ?? false,
        requireUppercase: password.RequireUppercase ?? false,
        requireNumbers: password.RequireNumbers ?? false,
        requireSymbols: password.RequireSymbols ?? false,
        temporaryPasswordValidityDays: password.TemporaryPasswordValidityDays,
    };
}

function mfaSettings(live: LivePool, findings: Findings): RawUserPool["mfa"] {
    const mode = mfaModes[live.pool.MfaConfiguration ?? "OFF"];
    const { mfa } = live;
    findings.unhandled(mfa, "MfaConfig.", ["MfaConfiguration", "SoftwareTokenMfaConfiguration", "SmsMfaConfiguration",
        "EmailMfaConfiguration", "WebAuthnConfiguration"]);
    // SmsAuthenticationMessage mirrors the pool's, reported with the pool.
    findings.unhandled(mfa.SmsMfaConfiguration, "MfaConfig.SmsMfaConfiguration.", ["SmsConfiguration", "SmsAuthenticationMessage"]);
    findings.unhandled(mfa.EmailMfaConfiguration, "MfaConfig.EmailMfaConfiguration.", []);
    const webAuthn = mfa.WebAuthnConfiguration;
    if (webAuthn?.RelyingPartyId || (webAuthn?.UserVerification ?? "preferred") !== "preferred") {
        findings.gap("MfaConfig.WebAuthnConfiguration", webAuthn, "the config model has no passkey settings");
    }
    const factors = [
        ...(mfa.SoftwareTokenMfaConfiguration?.Enabled ? ["totp" as const] : []),
        ...(holdsValue(mfa.SmsMfaConfiguration?.SmsConfiguration) ? ["sms" as const] : []),
        ...(mfa.EmailMfaConfiguration !== undefined ? ["email" as const] : []),
    ];
    if (mode === "off") {
        if (mfa.SoftwareTokenMfaConfiguration?.Enabled) {
            findings.gap("MfaConfig.SoftwareTokenMfaConfiguration.Enabled", true, "the program sends no second factor while MFA is off");
        }
        return { mode };
    }
    return { mode, factors };
}

function accountRecovery(pool: UserPoolType, findings: Findings): RawUserPool["accountRecovery"] {
    const mechanisms = [...(pool.AccountRecoverySetting?.RecoveryMechanisms ?? [])]
        .sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0))
        .map((mechanism) => mechanism.Name ?? "");
    const recovery = mechanisms.map((name) => recoveryMechanisms[name]).filter((name) => name !== undefined);
    if (recovery.length < mechanisms.length || recovery.length === 0) {
        findings.gap("AccountRecoverySetting", mechanisms, "the config model recovers accounts by email, phone or both, in order" +
            (recovery.length === 0 ? "; the program always sets one (email here)" : ""));
    }
    return recovery.length > 0 ? recovery : ["email"];
}

function keepOriginalUntilVerified(pool: UserPoolType, findings: Findings): boolean {
    const settings = pool.UserAttributeUpdateSettings;
    if (settings === undefined) {
        findings.note("UserAttributeUpdateSettings", "not reported by the server: read as none (keepOriginalUntilVerified: false)");
        return false;
    }
    const kept = [...(settings.AttributesRequireVerificationBeforeUpdate ?? [])].sort();
    const verified = [...(pool.AutoVerifiedAttributes ?? [])].sort();
    if (kept.length > 0 && kept.join() !== verified.join()) {
        findings.gap("UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate", kept,
            `the program keeps the original of every auto-verified attribute (${verified.join(", ") || "none"}) or of none`);
    }
    return kept.length > 0;
}

/** `Name <address>`, `"Name" <address>` or a bare address. */
function parseFromAddress(from: string): { from: string; fromName?: string } {
    const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
    return match ? { from: match[2].trim(), ...(match[1] ? { fromName: match[1] } : {}) } : { from: from.trim() };
}

function emailSettings(live: LivePool, findings: Findings): { email: RawUserPool["email"]; identity?: string } {
    const configuration = live.pool.EmailConfiguration ?? {};
    findings.unhandled(configuration, "EmailConfiguration.", ["EmailSendingAccount", "From", "ReplyToEmailAddress", "SourceArn", "ConfigurationSet"]);
    if ((configuration.EmailSendingAccount ?? "COGNITO_DEFAULT") === "COGNITO_DEFAULT") {
        for (const key of ["From", "ReplyToEmailAddress", "SourceArn", "ConfigurationSet"] as const) {
            if (configuration[key]) {
                findings.gap(`EmailConfiguration.${key}`, configuration[key], "the config model sets it only for email sent through SES");
            }
        }
        return { email: { sender: "cognito" } };
    }
    const arn = configuration.SourceArn ? parseIdentityArn(configuration.SourceArn) : undefined;
    if (arn === undefined) {
        findings.gap("EmailConfiguration.SourceArn", configuration.SourceArn ?? null, "email through SES needs the ARN of an SES identity");
    }
    const address = parseFromAddress(configuration.From ?? arn?.identity ?? "");
    if (!configuration.From) {
        findings.gap("EmailConfiguration.From", null, "not set (Cognito sends from the identity itself): the program always sets a FROM address");
    }
    const identityKind = arn === undefined || arn.identity === address.from ? "address" : "domain";
    if (arn !== undefined && identityKind === "domain" && arn.identity !== address.from.slice(address.from.lastIndexOf("@") + 1)) {
        findings.gap("EmailConfiguration.SourceArn", configuration.SourceArn,
            `the SES identity covers neither the FROM address ${address.from} nor its domain`);
    }
    if (arn !== undefined && arn.region !== live.region) {
        findings.gap("EmailConfiguration.SourceArn", configuration.SourceArn,
            `the SES identity is in ${arn.region}: the program makes the sender identity in the stack's region (${live.region})`);
    }
    senderIdentityGaps(live, findings);
    return {
        email: {
            sender: "ses",
            ...address,
            ...(configuration.ReplyToEmailAddress ? { replyTo: configuration.ReplyToEmailAddress } : {}),
            identity: identityKind,
            ...(configuration.ConfigurationSet ? { configurationSet: configuration.ConfigurationSet } : {}),
        },
        identity: live.senderIdentity?.name,
    };
}

/** The program tags the SES identity like the pool and sets nothing else on it. */
function senderIdentityGaps(live: LivePool, findings: Findings): void {
    const identity = live.senderIdentity;
    if (identity === undefined) {
        return;
    }
    const { description } = identity;
    const where = `SES identity ${identity.name}`;
    const identityTags = Object.fromEntries((description.Tags ?? []).map((tag) => [tag.Key, tag.Value]));
    const poolTags = live.pool.UserPoolTags ?? {};
    if (JSON.stringify(sortKeys(identityTags)) !== JSON.stringify(sortKeys(poolTags))) {
        findings.gap(`${where} Tags`, identityTags, "the program gives the SES identity the pool's tags");
    }
    if (description.ConfigurationSetName) {
        findings.gap(`${where} ConfigurationSetName`, description.ConfigurationSetName, "the config model sets no default configuration set on the identity");
    }
    if (description.DkimAttributes?.SigningAttributesOrigin === "EXTERNAL") {
        findings.gap(`${where} DkimAttributes`, "EXTERNAL", "the config model has no bring-your-own DKIM keys");
    }
    if (description.VerifiedForSendingStatus === false) {
        findings.note(where, "not verified for sending yet: Cognito cannot send email through it");
    }
}

function sortKeys(record: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function verificationSettings(pool: UserPoolType, findings: Findings): RawUserPool["verification"] {
    const template = pool.VerificationMessageTemplate ?? {};
    const method = template.DefaultEmailOption === "CONFIRM_WITH_LINK" ? "link" : "code";
    const [subjectKey, messageKey, otherSubjectKey, otherMessageKey] = method === "code"
        ? ["EmailSubject", "EmailMessage", "EmailSubjectByLink", "EmailMessageByLink"] as const
        : ["EmailSubjectByLink", "EmailMessageByLink", "EmailSubject", "EmailMessage"] as const;
    for (const key of [otherSubjectKey, otherMessageKey]) {
        if (template[key]) {
            findings.gap(`VerificationMessageTemplate.${key}`, template[key], `the config model sets the template of its method (${method}) only`);
        }
    }
    findings.unhandled(template, "VerificationMessageTemplate.", ["DefaultEmailOption", "EmailSubject", "EmailMessage",
        "EmailSubjectByLink", "EmailMessageByLink", "SmsMessage"]);
    // The API mirrors the template into these legacy fields; only a different value is a setting of its own.
    const legacy = [["EmailVerificationMessage", template.EmailMessage], ["EmailVerificationSubject", template.EmailSubject],
        ["SmsVerificationMessage", template.SmsMessage]] as const;
    for (const [key, mirrored] of legacy) {
        if (pool[key] && pool[key] !== mirrored) {
            findings.gap(key, pool[key], "the config model sets verification messages through the template only");
        }
    }
    return {
        method,
        ...(template[subjectKey] ? { emailSubject: template[subjectKey] } : {}),
        ...(template[messageKey] ? { emailMessage: template[messageKey] } : {}),
        ...(template.SmsMessage ? { smsMessage: template.SmsMessage } : {}),
    };
}

function smsSettings(pool: UserPoolType, findings: Findings): RawUserPool["sms"] {
    const sms = pool.SmsConfiguration ?? {};
    findings.unhandled(sms, "SmsConfiguration.", ["SnsCallerArn", "ExternalId", "SnsRegion"]);
    return {
        snsCallerArn: sms.SnsCallerArn ?? "",
        externalId: sms.ExternalId ?? "",
        ...(sms.SnsRegion ? { snsRegion: sms.SnsRegion } : {}),
    };
}

const durationUnits: Record<string, string> = { minutes: "m", hours: "h", days: "d" };

/** `60m`; the API's default units are hours for access and ID tokens, days for refresh tokens. */
function tokenLifetime(amount: number | undefined, unit: string | undefined, fallback: string, where: string, findings: Findings): string {
    if (amount === undefined) {
        findings.note(where, `not reported: assumed the API's default, ${fallback}`);
        return fallback;
    }
    const letter = durationUnits[unit ?? ""];
    if (letter === undefined) {
        findings.gap(where, `${amount} ${unit}`, "the config model writes token lifetimes in minutes, hours or days");
        return fallback;
    }
    return `${amount}${letter}`;
}

const clientFieldsHandled = [
    "UserPoolId", "ClientId", "ClientSecret", "CreationDate", "LastModifiedDate", "ClientName", "ExplicitAuthFlows",
    "AccessTokenValidity", "IdTokenValidity", "RefreshTokenValidity", "TokenValidityUnits", "AuthSessionValidity",
    "EnableTokenRevocation", "PreventUserExistenceErrors", "ReadAttributes", "WriteAttributes",
    "AllowedOAuthFlowsUserPoolClient", "AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs", "DefaultRedirectURI",
    "SupportedIdentityProviders", "RefreshTokenRotation",
];

function clientSettings(client: UserPoolClientType, findings: Findings): RawClient {
    const where = `clients[${client.ClientName}].`;
    findings.unhandled(client, where, clientFieldsHandled);
    if (client.RefreshTokenRotation?.Feature === "ENABLED") {
        findings.gap(`${where}RefreshTokenRotation`, client.RefreshTokenRotation, "the config model has no refresh token rotation");
    }
    const flows = (client.ExplicitAuthFlows ?? []).map((flow) => {
        const name = authFlowNames[flow];
        if (name === undefined) {
            findings.gap(`${where}ExplicitAuthFlows`, flow, `the config model allows ${Object.keys(authFlowNames).join(", ")}`);
        }
        return name;
    }).filter((name) => name !== undefined);
    const units = client.TokenValidityUnits ?? {};
    if (client.EnableTokenRevocation === undefined) {
        findings.note(`${where}EnableTokenRevocation`, "not reported by the server: assumed true (the API's default)");
    }
    if (client.PreventUserExistenceErrors === undefined) {
        findings.note(`${where}PreventUserExistenceErrors`, "not reported by the server: assumed LEGACY (the API's default)");
    }
    return {
        name: client.ClientName ?? "",
        type: client.ClientSecret ? "confidential" : "public",
        authFlows: flows,
        tokenValidity: {
            access: tokenLifetime(client.AccessTokenValidity, units.AccessToken ?? "hours", "60m", `${where}AccessTokenValidity`, findings),
            id: tokenLifetime(client.IdTokenValidity, units.IdToken ?? "hours", "60m", `${where}IdTokenValidity`, findings),
            refresh: tokenLifetime(client.RefreshTokenValidity, units.RefreshToken ?? "days", "30d", `${where}RefreshTokenValidity`, findings),
            authSession: tokenLifetime(client.AuthSessionValidity, "minutes", "3m", `${where}AuthSessionValidity`, findings),
        },
        tokenRevocation: client.EnableTokenRevocation ?? true,
        preventUserExistenceErrors: client.PreventUserExistenceErrors === "ENABLED",
        readAttributes: client.ReadAttributes?.length ? client.ReadAttributes : "all",
        writeAttributes: client.WriteAttributes?.length ? client.WriteAttributes : "all",
        ...oauthSettings(client, where, findings),
    };
}

function oauthSettings(client: UserPoolClientType, where: string, findings: Findings): Pick<RawClient, "oauth"> {
    if (client.AllowedOAuthFlowsUserPoolClient) {
        return {
            oauth: {
                flows: client.AllowedOAuthFlows ?? [],
                scopes: client.AllowedOAuthScopes ?? [],
                callbackUrls: client.CallbackURLs ?? [],
                logoutUrls: client.LogoutURLs ?? [],
                ...(client.DefaultRedirectURI ? { defaultRedirectUrl: client.DefaultRedirectURI } : {}),
                identityProviders: client.SupportedIdentityProviders ?? [],
            },
        };
    }
    for (const key of ["AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs", "DefaultRedirectURI", "SupportedIdentityProviders"] as const) {
        if (holdsValue(client[key])) {
            findings.gap(`${where}${key}`, client[key], "the program sets OAuth settings only on a client with OAuth flows enabled");
        }
    }
    return {};
}

