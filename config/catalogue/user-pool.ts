import type { GetUserPoolMfaConfigResponse, PasswordPolicyType, RiskConfigurationType, UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import type { UserPoolArgs } from "@pulumi/aws/cognito";
import { USER_POOL_TYPE } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import { cognitoLimits, standardAttributes } from "../rules/limits";
import { checkCustomAttributeLimits } from "../rules/custom-attribute-limits";
import { emailAddress } from "../rules/email-address";
import { awsRegion } from "../rules/regions";
import { configurationSetName } from "../rules/ses-names";
import { domainName, route53ZoneId, sesIdentityArn, sesSenderIssues } from "../rules/ses-sender";
import { tags, withoutStackTag } from "../rules/tags";
import { listOf, ObjectOf, problem, section, setting } from "./define";
import { readEmail } from "./email-read-back";
import { passkeys, passkeysArgs, passkeysFromDescribed } from "./passkeys";
import { reportsSome, holdsValue, inverseOf, ReadContext, reportedOr } from "./read-back";
import { threatProtection, threatProtectionFromDescribed, userPoolAddOnsArgs } from "./threat-protection";
import { attributesFromSchema, schemaArgs } from "./schema-attributes";
import { checkPreTokenTier, triggers, triggersArgs, triggersFromDescribed } from "./triggers";
import { resourceName, resourceNameText, uniqueList, uniqueNames, wholeNumber } from "./values";
import { withoutUnset } from "./without-unset";

/*
 * The user pool's settings: aws.cognito.UserPool inputs (userPoolArgs), read back from DescribeUserPool and
 * GetUserPoolMfaConfig for the second factors (poolFromDescribed). Defaults are the console walkthrough's choices
 * (seed.md). Which settings Cognito fixes at creation follows from their inputs: the rows of the policy pack's table.
 */

export const signInOptions = ["username", "email", "phone"] as const;
const signInAttributes = { email: "email", phone: "phone_number" } as const;
const signInOptionOf = inverseOf(signInAttributes);

export const signIn = section({
    with: setting(uniqueList(z.enum(signInOptions)).min(1, { error: "expected at least one of username, email, phone" })
        .default(["username"]), {
        doc: "What a user signs in with. Email or phone alone become the user name (usernameAttributes); " +
            "beside username they are aliases (aliasAttributes).",
        input: ["usernameAttributes", "aliasAttributes"],
        describe: ["UsernameAttributes", "AliasAttributes"],
    }),
    preferredUsername: setting(z.boolean().default(false), {
        doc: "Sign in with preferred_username too (an alias of the user name).",
        input: "aliasAttributes",
        describe: "AliasAttributes",
    }),
    caseSensitive: setting(z.union([z.boolean(), z.literal("unset")], { error: "expected true, false or unset" }).default(false), {
        doc: "Whether `Alice` and `alice` are different users. `unset` sends no usernameConfiguration, for a pool created " +
            "without one (Cognito treats its user names as case-sensitive): adding the block would replace that pool " +
            "(policy-pack/README.md). `npm run adopt` writes it for such a pool.",
        allowed: "`true`, `false`, `unset`",
        input: "usernameConfiguration.caseSensitive",
        describe: "UsernameConfiguration.CaseSensitive",
    }),
}, {
    doc: "Sign-in options.",
    checks: [(signIn, ctx) => {
        if (signIn.preferredUsername && !signIn.with.includes("username")) {
            problem(ctx, ["preferredUsername"], true,
                "a preferred user name is an alias of the user name: add username to signIn.with or set this to false");
        }
    }],
    wrap: (object) => object.prefault({}),
});

const passwordFlag = (what: string, input: string) => setting(z.boolean().default(true), {
    doc: `Passwords need at least one ${what}.`,
    input: `passwordPolicy.${input}`,
    describe: `Policies.PasswordPolicy.${input[0].toUpperCase()}${input.slice(1)}`,
});

const password = section({
    minLength: setting(wholeNumber(cognitoLimits.passwordMinLength).default(8), {
        doc: "Shortest password allowed.",
        input: "passwordPolicy.minimumLength",
        describe: "Policies.PasswordPolicy.MinimumLength",
    }),
    requireLowercase: passwordFlag("lower-case letter", "requireLowercase"),
    requireUppercase: passwordFlag("upper-case letter", "requireUppercase"),
    requireNumbers: passwordFlag("number", "requireNumbers"),
    requireSymbols: passwordFlag("symbol", "requireSymbols"),
    temporaryPasswordValidityDays: setting(wholeNumber(cognitoLimits.temporaryPasswordValidityDays).default(7), {
        doc: "Days an administrator-set temporary password stays valid.",
        input: "passwordPolicy.temporaryPasswordValidityDays",
        describe: "Policies.PasswordPolicy.TemporaryPasswordValidityDays",
    }),
}, { doc: "Password policy; the defaults are Cognito's.", wrap: (object) => object.prefault({}) });

export const mfaFactors = ["totp", "sms", "email"] as const;
const mfaModes = { off: "OFF", optional: "OPTIONAL", required: "ON" } as const;
const mfaModeOf = inverseOf(mfaModes);

const mfa = section({
    mode: setting(z.enum(["off", "optional", "required"]).default("off"), {
        doc: "off, optional (each user chooses) or required.",
        input: "mfaConfiguration",
        // The program sends no second factor while MFA is off.
        decides: ["softwareTokenMfaConfiguration", "emailMfaConfiguration"],
        describe: "MfaConfiguration",
    }),
    factors: setting(uniqueList(z.enum(mfaFactors)).default(["totp"]), {
        doc: "Second factors offered: an authenticator app (totp), SMS, email.",
        input: ["softwareTokenMfaConfiguration.enabled", "emailMfaConfiguration"],
        // SMS MFA has no input of its own: the provider sends smsConfiguration as the factor while MFA is on (user_pool.go).
        describe: ["MfaConfig.SoftwareTokenMfaConfiguration.Enabled", "MfaConfig.EmailMfaConfiguration", "MfaConfig.SmsMfaConfiguration.SmsConfiguration"],
    }),
}, {
    doc: "Multi-factor authentication.",
    scope: "per-environment",
    checks: [(mfa, ctx) => {
        if (mfa.mode !== "off" && mfa.factors.length === 0) {
            problem(ctx, ["factors"], mfa.factors, `MFA that is ${mfa.mode} needs at least one factor: totp, sms or email`);
        }
    }],
    wrap: (object) => object.prefault({}),
});

const customAttributeTypes = ["string", "number", "boolean", "datetime"] as const;

const customAttributes = listOf({
    name: setting(z.string()
        .min(cognitoLimits.customAttributeNameLength.min, { error: "expected 1 to 20 characters" })
        .max(cognitoLimits.customAttributeNameLength.max, { error: "expected 1 to 20 characters" })
        .regex(/^[A-Za-z0-9_-]+$/, { error: "expected only letters, digits, _ and -" }), {
        doc: "The name without its `custom:` prefix.",
        allowed: "1 to 20 letters, digits, `_` and `-`",
        input: "schemas[].name",
        describe: "SchemaAttributes[].Name",
    }),
    type: setting(z.enum(customAttributeTypes), {
        doc: "The attribute's data type.",
        input: "schemas[].attributeDataType",
        // The program sends a string attribute's length limits, 0 to 2048 when none are given (schema-attributes.ts).
        decides: "schemas[].stringAttributeConstraints",
        describe: "SchemaAttributes[].AttributeDataType",
    }),
    mutable: setting(z.boolean().default(true), {
        doc: "Whether the value can change after sign-up.",
        input: "schemas[].mutable",
        describe: "SchemaAttributes[].Mutable",
    }),
    developerOnly: setting(z.boolean().default(false), {
        doc: "Readable and writable only with administrator credentials.",
        input: "schemas[].developerOnlyAttribute",
        describe: "SchemaAttributes[].DeveloperOnlyAttribute",
    }),
    minLength: setting(wholeNumber(cognitoLimits.stringAttributeLength).optional(), {
        doc: "Shortest value of a string attribute.",
        defaultText: "0",
        input: "schemas[].stringAttributeConstraints.minLength",
        describe: "SchemaAttributes[].StringAttributeConstraints.MinLength",
    }),
    maxLength: setting(wholeNumber(cognitoLimits.stringAttributeLength).optional(), {
        doc: "Longest value of a string attribute.",
        defaultText: "2048",
        input: "schemas[].stringAttributeConstraints.maxLength",
        describe: "SchemaAttributes[].StringAttributeConstraints.MaxLength",
    }),
    minValue: setting(z.int({ error: "expected a whole number" }).optional(), {
        doc: "Smallest value of a number attribute.",
        input: "schemas[].numberAttributeConstraints.minValue",
        describe: "SchemaAttributes[].NumberAttributeConstraints.MinValue",
    }),
    maxValue: setting(z.int({ error: "expected a whole number" }).optional(), {
        doc: "Largest value of a number attribute.",
        input: "schemas[].numberAttributeConstraints.maxValue",
        describe: "SchemaAttributes[].NumberAttributeConstraints.MaxValue",
    }),
}, {
    doc: "Custom attributes (never required); new ones can be added, none changed or removed.",
    checks: [checkCustomAttributeLimits],
    wrap: (attribute) => uniqueNames(z.array(attribute)
        .max(cognitoLimits.customAttributes, { error: `expected at most ${cognitoLimits.customAttributes} custom attributes` }), "custom attribute")
        .default([]),
});

const attributes = section({
    required: setting(uniqueList(z.enum(standardAttributes)).default(["email"]), {
        doc: "Standard attributes every user must have.",
        input: "schemas[].required",
        describe: "SchemaAttributes[].Required",
    }),
    custom: customAttributes,
}, {
    doc: "User attributes.",
    wrap: (object) => object.prefault({}),
});

/** `Example <no-reply@example.com>`, or the bare address without a display name. */
export function fromEmailAddress(email: { from?: string; fromName?: string }): string | undefined {
    return email.fromName !== undefined && email.from !== undefined ? `${email.fromName} <${email.from}>` : email.from;
}

const sesOnly = ["from", "fromName", "replyTo", "configurationSet", "identityArn", "hostedZoneId", "mailFromDomain"] as const;

const email = section({
    sender: setting(z.enum(["cognito", "ses"]).default("cognito"), {
        doc: "cognito (Cognito's default sender, 50 emails a day) or ses.",
        input: "emailConfiguration.emailSendingAccount",
        // The SES identity is sent with ses only.
        decides: "emailConfiguration.sourceArn",
        describe: "EmailConfiguration.EmailSendingAccount",
    }),
    from: setting(emailAddress.optional(), {
        doc: "FROM address; required with ses.",
        allowed: "an address (`name@example.com`, no display name)",
        input: "emailConfiguration.fromEmailAddress",
        describe: "EmailConfiguration.From",
    }),
    fromName: setting(z.string().regex(/^[^<>"\r\n]+$/, { error: "expected a display name without < > \" or line breaks" }).optional(), {
        doc: "Display name shown with the FROM address.",
        allowed: "text without < > \" or line breaks",
        input: "emailConfiguration.fromEmailAddress",
        describe: "EmailConfiguration.From",
    }),
    replyTo: setting(emailAddress.optional(), {
        doc: "REPLY-TO address.",
        allowed: "an address (`name@example.com`)",
        input: "emailConfiguration.replyToEmailAddress",
        describe: "EmailConfiguration.ReplyToEmailAddress",
    }),
    identity: setting(z.enum(["address", "domain"]).default("address"), {
        doc: "What the SES identity verifies: the FROM address itself, or its whole domain (DKIM).",
        input: "emailConfiguration.sourceArn",
        describe: "EmailConfiguration.SourceArn",
    }),
    configurationSet: setting(configurationSetName.optional(), {
        doc: "SES configuration set to send through.",
        allowed: "1 to 64 letters, digits, `-`, `_`",
        input: "emailConfiguration.configurationSet",
        describe: "EmailConfiguration.ConfigurationSet",
    }),
    identityArn: setting(sesIdentityArn.optional(), {
        doc: "An SES identity verified outside the stack, used as it is: the stack creates none.",
        allowed: "an SES identity ARN in the stack's region",
        input: "emailConfiguration.sourceArn",
        describe: "EmailConfiguration.SourceArn",
    }),
    hostedZoneId: setting(route53ZoneId.optional(), {
        doc: "Route 53 hosted zone where the stack creates a domain identity's DKIM (and MAIL FROM) records.",
        allowed: "a hosted zone id, `Z...`",
    }),
    mailFromDomain: setting(domainName.optional(), {
        doc: "Custom MAIL FROM domain of a domain identity, a subdomain of it.",
        defaultText: "none (SES's own)",
        allowed: "a domain name",
    }),
}, {
    doc: "How the pool sends email: each environment has its own sender.",
    scope: "per-environment",
    checks: [(email, ctx) => {
        if (email.sender === "ses" && email.from === undefined) {
            problem(ctx, ["from"], undefined, "email through SES needs a FROM address (a verified SES identity)");
        }
        if (email.sender === "ses") {
            sesSenderIssues(email).forEach((issue) => problem(ctx, [issue.path], issue.input, issue.message));
        }
        if (email.sender === "cognito") {
            for (const key of sesOnly.filter((key) => email[key] !== undefined)) {
                problem(ctx, [key], email[key], "applies to email sent through SES only: set sender: ses or remove it");
            }
        }
    }],
    wrap: (object) => object.prefault({}),
});

/** The template of the verification method, read back; the API mirrors it into legacy fields of the pool. */
function readVerification(pool: UserPoolType, context: ReadContext) {
    const template = pool.VerificationMessageTemplate ?? {};
    const method = template.DefaultEmailOption === "CONFIRM_WITH_LINK" ? "link" as const : "code" as const;
    const [subjectKey, messageKey, otherSubjectKey, otherMessageKey] = method === "code"
        ? ["EmailSubject", "EmailMessage", "EmailSubjectByLink", "EmailMessageByLink"] as const
        : ["EmailSubjectByLink", "EmailMessageByLink", "EmailSubject", "EmailMessage"] as const;
    for (const key of [otherSubjectKey, otherMessageKey].filter((key) => template[key])) {
        context.gap(`VerificationMessageTemplate.${key}`, template[key], `the config model sets the template of its method (${method}) only`);
    }
    const legacy = [["EmailVerificationMessage", template.EmailMessage], ["EmailVerificationSubject", template.EmailSubject],
        ["SmsVerificationMessage", template.SmsMessage]] as const;
    for (const [key] of legacy.filter(([key, mirrored]) => pool[key] && pool[key] !== mirrored)) {
        context.gap(key, pool[key], "the config model sets verification messages through the template only");
    }
    return {
        method,
        ...(template[subjectKey] ? { emailSubject: template[subjectKey] } : {}),
        ...(template[messageKey] ? { emailMessage: template[messageKey] } : {}),
        ...(template.SmsMessage ? { smsMessage: template.SmsMessage } : {}),
    };
}

const verification = section({
    method: setting(z.enum(["code", "link"]).default("code"), {
        doc: "How a new address is confirmed.",
        input: "verificationMessageTemplate.defaultEmailOption",
        describe: "VerificationMessageTemplate.DefaultEmailOption",
    }),
    emailSubject: setting(z.string().min(1).max(140).optional(), {
        doc: "Email subject.",
        defaultText: "Cognito's",
        input: ["verificationMessageTemplate.emailSubject", "verificationMessageTemplate.emailSubjectByLink"],
        describe: ["VerificationMessageTemplate.EmailSubject", "VerificationMessageTemplate.EmailSubjectByLink"],
    }),
    emailMessage: setting(z.string().min(6).max(20000).optional(), {
        doc: "Email body; must hold `{####}` (code) or `{##Verify Email##}` (link).",
        defaultText: "Cognito's",
        input: ["verificationMessageTemplate.emailMessage", "verificationMessageTemplate.emailMessageByLink"],
        describe: ["VerificationMessageTemplate.EmailMessage", "VerificationMessageTemplate.EmailMessageByLink"],
    }),
    smsMessage: setting(z.string().min(6).max(140).optional(), {
        doc: "SMS text; must hold `{####}`.",
        defaultText: "Cognito's",
        input: "verificationMessageTemplate.smsMessage",
        describe: "VerificationMessageTemplate.SmsMessage",
    }),
}, {
    doc: "Verification messages.",
    checks: [(verification, ctx) => {
        const placeholder = verification.method === "code" ? "{####}" : "{##Verify Email##}";
        if (verification.emailMessage !== undefined && !verification.emailMessage.includes(placeholder)) {
            problem(ctx, ["emailMessage"], verification.emailMessage,
                `expected the placeholder ${placeholder} for verification by ${verification.method}`);
        }
        if (verification.smsMessage !== undefined && !verification.smsMessage.includes("{####}")) {
            problem(ctx, ["smsMessage"], verification.smsMessage, "expected the placeholder {####}");
        }
    }],
    wrap: (object) => object.prefault({}),
});

const sms = section({
    snsCallerArn: setting(z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, { error: "expected an IAM role ARN" }), {
        doc: "IAM role Cognito assumes to send SMS through SNS.",
        allowed: "an IAM role ARN",
        input: "smsConfiguration.snsCallerArn",
        describe: "SmsConfiguration.SnsCallerArn",
    }),
    externalId: setting(z.string().min(1), {
        doc: "External id in that role's trust policy.",
        input: "smsConfiguration.externalId",
        describe: "SmsConfiguration.ExternalId",
    }),
    snsRegion: setting(awsRegion.optional(), {
        doc: "SNS region, when not the pool's.",
        defaultText: "the pool's",
        allowed: "an AWS region the installed @pulumi/aws knows",
        input: "smsConfiguration.snsRegion",
        describe: "SmsConfiguration.SnsRegion",
    }),
}, {
    doc: "SNS settings, needed for SMS MFA, phone verification or phone recovery. Default: none.",
    scope: "per-environment",
    wrap: (object) => object.optional(),
});

/*
 * Remembered devices: the pool's DeviceConfiguration (CreateUserPool / UpdateUserPool, DeviceConfigurationType in
 * the API reference). DescribeUserPool reports none while the pool remembers no devices, and a value for either
 * property turns remembering on. terraform-provider-aws (internal/service/cognitoidp/user_pool.go) sends
 * device_configuration with CreateUserPool and with UpdateUserPool when it changes: neither ForceNew nor
 * Computed, so it changes in place, and leaving it out turns remembering off again.
 */
const deviceTracking = section({
    challengeRequiredOnNewDevice: setting(z.boolean().default(false), {
        doc: "A remembered device can sign in with device authentication instead of the SMS or TOTP second factor; " +
            "a device not yet remembered still needs the second factor where MFA is required.",
        input: "deviceConfiguration.challengeRequiredOnNewDevice",
        describe: "DeviceConfiguration.ChallengeRequiredOnNewDevice",
    }),
    deviceOnlyRememberedOnUserPrompt: setting(z.boolean().default(false), {
        doc: "Remember a device only when its user chooses to (the app follows ConfirmDevice with UpdateDeviceStatus); " +
            "otherwise every device the app confirms is remembered.",
        input: "deviceConfiguration.deviceOnlyRememberedOnUserPrompt",
        describe: "DeviceConfiguration.DeviceOnlyRememberedOnUserPrompt",
    }),
}, {
    doc: "Remembered devices, for apps that confirm their users' devices (ConfirmDevice). Default: none, no device is remembered.",
    wrap: (object) => object.optional(),
});

/** AuthFactorType values the provider takes (@pulumi/aws 7.48.0 UserPoolSignInPolicy.allowedFirstAuthFactors), snake_case. */
const firstAuthFactors = ["password", "email_otp", "sms_otp", "web_authn"] as const;

export const recoveryMechanisms = ["email", "phone"] as const;
const recoveryMechanismNames = { email: "verified_email", phone: "verified_phone_number" } as const;
const recoveryMechanismOf = inverseOf(recoveryMechanismNames);
const verifiableAttributes = { email: "email", phone: "phone_number" } as const;
const verifiableAttributeOf = inverseOf(verifiableAttributes);
const tiers = ["lite", "essentials", "plus"] as const;

/**
 * The user pool's settings, each a top-level config key. Pulumi replaces a config value whole (no deep merge of
 * maps), so every group a stack may override on its own is a key of its own: then Pulumi.yaml states the shared
 * ones once (`value:`) and a stack file holds only what is its own.
 */
const poolEntries = {
    name: setting(resourceName.optional(), {
        doc: "The pool's name.",
        allowed: resourceNameText,
        defaultText: "`<project>-<stack>`",
        // UpdateUserPool takes PoolName; terraform-provider-aws updates `name` in place since 6.6.0 (PR #42639).
        input: "name",
        describe: "Name",
    }),
    deletionProtection: setting(z.boolean().default(true), {
        doc: "Cognito refuses to delete the pool while on.",
        input: "deletionProtection",
        describe: "DeletionProtection",
    }),
    tier: setting(z.enum(tiers).default("essentials"), {
        doc: "Feature plan (essentials is the console's default).",
        input: "userPoolTier",
        describe: "UserPoolTier",
    }),
    signIn,
    firstAuthFactors: setting(uniqueList(z.enum(firstAuthFactors)).min(1, { error: "expected at least one of password, email_otp, sms_otp, web_authn" })
        .optional(), {
        doc: "What users may choose to sign in with first (choice-based sign-in, clients with the user_auth flow).",
        defaultText: "Cognito's: password only",
        input: "signInPolicy.allowedFirstAuthFactors",
        describe: "Policies.SignInPolicy.AllowedFirstAuthFactors",
    }),
    passkeys,
    password,
    mfa,
    threatProtection,
    deviceTracking,
    accountRecovery: setting(uniqueList(z.enum(recoveryMechanisms)).min(1, { error: "expected email, phone or both" })
        .default(["email"]), {
        doc: "Ways to recover an account, in order of priority.",
        input: "accountRecoverySetting.recoveryMechanisms",
        describe: "AccountRecoverySetting.RecoveryMechanisms",
    }),
    selfSignUp: setting(z.boolean().default(true), {
        doc: "Users may sign themselves up.",
        input: "adminCreateUserConfig.allowAdminCreateUserOnly",
        describe: "AdminCreateUserConfig.AllowAdminCreateUserOnly",
    }),
    autoVerify: setting(uniqueList(z.enum(["email", "phone"])).default(["email"]), {
        doc: "Attributes Cognito verifies by sending a code.",
        input: "autoVerifiedAttributes",
        // keepOriginalUntilVerified keeps the originals of the auto-verified attributes.
        decides: "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates",
        describe: "AutoVerifiedAttributes",
    }),
    keepOriginalUntilVerified: setting(z.boolean().default(true), {
        doc: "On a change of a verified attribute, keep the old value until the new one is verified.",
        input: "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates",
        describe: "UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate",
    }),
    attributes,
    email,
    verification,
    sms,
    triggers,
    tags: setting(tags.default({}), {
        doc: "Tags on the pool and the SES identity.",
        allowed: "at most 49 (AWS allows 50; the program adds `cognito-user-pool:stack`), counting the provider's `aws:defaultTags`; keys 1 to 128 and values 0 to 256 letters, digits, spaces, `_ . : / = + - @`; no `aws:` key",
        input: "tags",
        describe: "UserPoolTags",
    }),
};

const { name, deletionProtection, tags: poolTags, ...groups } = poolEntries;

/** What is left of the pool once its groups are keys of their own: each environment's. */
export const userPool = section({ name, deletionProtection, tags: poolTags }, {
    doc: "The pool itself: its name, deletion protection and tags.",
    scope: "per-environment",
    wrap: (object) => object.prefault({}),
});

/** The user pool's top-level config keys, in the order the configuration reference lists them. */
export const userPoolKeys = { userPool, ...groups };

type PoolSettings = z.output<ObjectOf<typeof userPoolKeys>>;

/** Rules that hold between the pool's keys, reported at the keys they name. */
export const userPoolChecks: readonly ((pool: PoolSettings, ctx: z.RefinementCtx) => void)[] = [(pool, ctx) => {
        const phoneKnown = pool.attributes.required.includes("phone_number") || pool.signIn.with.includes("phone");
        if (pool.accountRecovery.includes("phone") && !phoneKnown) {
            problem(ctx, ["accountRecovery"], pool.accountRecovery,
                "recovery by phone needs a phone number: add phone_number to attributes.required or phone to signIn.with");
        }
        const smsUsed = pool.accountRecovery.includes("phone") || pool.autoVerify.includes("phone") ||
            (pool.mfa.mode !== "off" && pool.mfa.factors.includes("sms"));
        if (smsUsed && pool.sms === undefined) {
            problem(ctx, ["sms"], undefined,
                "SMS (phone recovery, phone verification or SMS MFA) needs sms.snsCallerArn and sms.externalId");
        }
        // With MFA on, the provider sends SmsMfaConfiguration whenever sms_configuration is set, so SMS becomes a
        // second factor whatever else is chosen (terraform-provider-aws user_pool.go, resourceUserPoolCreate and
        // resourceUserPoolUpdate, SetUserPoolMfaConfig).
        if (pool.mfa.mode !== "off" && pool.sms !== undefined && !pool.mfa.factors.includes("sms")) {
            problem(ctx, ["mfa", "factors"], pool.mfa.factors,
                "with MFA on and sms set, the provider always offers SMS as a second factor: add sms to mfa.factors, or remove sms");
        }
        // Sign-in without a password is a feature of the Essentials and Plus plans (Cognito developer guide,
        // "Authentication with Amazon Cognito user pools", choice-based authentication; SignInPolicyType and, for
        // passkeys, WebAuthnConfigurationType: "your user pool must be in the Essentials tier or higher").
        const beyondLite = (pool.firstAuthFactors ?? []).filter((factor) => factor !== "password");
        if (pool.tier === "lite" && beyondLite.length > 0) {
            problem(ctx, ["firstAuthFactors"], pool.firstAuthFactors,
                `${beyondLite.join(", ")} as a first factor need${beyondLite.length === 1 ? "s" : ""} tier essentials or plus (tier is lite): set tier, or remove ${beyondLite.length === 1 ? "it" : "them"}`);
        }
        if (pool.mfa.mode !== "off" && pool.mfa.factors.includes("email")) {
            if (pool.email.sender !== "ses") {
                problem(ctx, ["mfa", "factors"], pool.mfa.factors, "email MFA needs email through SES: set email.sender: ses");
            }
            if (pool.tier === "lite") {
                problem(ctx, ["mfa", "factors"], pool.mfa.factors, "email MFA needs tier essentials or plus");
            }
            // The pool leaves the email factor out until the stack's identity is verified (senderDependentArgs).
            if (pool.email.sender === "ses" && pool.email.identityArn === undefined && pool.mfa.factors.length === 1) {
                problem(ctx, ["mfa", "factors"], pool.mfa.factors,
                    "email as the only MFA factor cannot work on a new stack: Cognito sends MFA email only through SES, " +
                    "and the SES identity the stack creates is not verified yet; add totp, or use an identity verified beforehand (email.identityArn)");
            }
        }
    }, checkPreTokenTier];

/** The user pool's settings together: its provider inputs (aws.cognito.UserPool) are mapped from this section. */
export const pool = section(userPoolKeys, { doc: "The user pool.", resourceType: USER_POOL_TYPE, checks: userPoolChecks, wrap: (object) => object });

type ParsedPool = z.output<typeof pool.schema>;
/** A pool's settings, parsed (defaults applied), its name resolved (`<project>-<stack>` when not given). */
export type UserPoolSettings = Omit<ParsedPool, "userPool"> & { readonly userPool: ParsedPool["userPool"] & { name: string } };
/** A pool's settings as a stack file writes them. */
export type UserPoolInput = z.input<typeof pool.schema>;

/**
 * A pool as the AWS API describes it: DescribeUserPool's UserPool, with GetUserPoolMfaConfig's output under
 * `MfaConfig` (the second factors and passkeys are not in DescribeUserPool), and DescribeRiskConfiguration's
 * pool-wide configuration under `RiskConfiguration` while threat protection is on.
 */
export type DescribedPool = UserPoolType & {
    readonly MfaConfig: Omit<GetUserPoolMfaConfigResponse, "$metadata">;
    readonly RiskConfiguration?: RiskConfigurationType;
};

/** The SES identity a pool may send through, once known. */
export interface SesSender {
    readonly arn: string;
    /**
     * The identity's verifiedForSendingStatus. Cognito refuses DEVELOPER with an identity SES has not verified
     * (InvalidParameterException "Email address is not verified"; aws-cdk #18964, #19787).
     */
    readonly verified: boolean;
}

/** The pool's aws.cognito.UserPool inputs, sending through `sender` once SES has verified it. */
export function userPoolArgs(settings: UserPoolSettings, sender?: SesSender): UserPoolArgs {
    const { userPool, password, mfa, deviceTracking, sms } = settings;
    return withoutUnset({
        name: userPool.name,
        deletionProtection: userPool.deletionProtection ? "ACTIVE" : "INACTIVE",
        userPoolTier: settings.tier.toUpperCase(),
        ...signInArgs(settings.signIn),
        signInPolicy: settings.firstAuthFactors && { allowedFirstAuthFactors: settings.firstAuthFactors.map((factor) => factor.toUpperCase()) },
        ...passkeysArgs(settings.passkeys),
        passwordPolicy: {
            minimumLength: password.minLength,
            requireLowercase: password.requireLowercase,
            requireUppercase: password.requireUppercase,
            requireNumbers: password.requireNumbers,
            requireSymbols: password.requireSymbols,
            temporaryPasswordValidityDays: password.temporaryPasswordValidityDays,
        },
        mfaConfiguration: mfaModes[mfa.mode],
        softwareTokenMfaConfiguration: mfa.mode === "off" ? undefined : { enabled: mfa.factors.includes("totp") },
        ...userPoolAddOnsArgs(settings.threatProtection),
        deviceConfiguration: deviceTracking && {
            challengeRequiredOnNewDevice: deviceTracking.challengeRequiredOnNewDevice,
            deviceOnlyRememberedOnUserPrompt: deviceTracking.deviceOnlyRememberedOnUserPrompt,
        },
        accountRecoverySetting: {
            recoveryMechanisms: settings.accountRecovery.map((mechanism, index) => ({ name: recoveryMechanismNames[mechanism], priority: index + 1 })),
        },
        adminCreateUserConfig: { allowAdminCreateUserOnly: !settings.selfSignUp },
        autoVerifiedAttributes: settings.autoVerify.map((attribute) => verifiableAttributes[attribute]),
        userAttributeUpdateSettings: settings.keepOriginalUntilVerified && settings.autoVerify.length > 0
            ? { attributesRequireVerificationBeforeUpdates: settings.autoVerify.map((attribute) => verifiableAttributes[attribute]) }
            : undefined,
        schemas: schemaArgs(settings.attributes),
        ...senderDependentArgs(settings, sender),
        verificationMessageTemplate: verificationArgs(settings.verification),
        smsConfiguration: sms && withoutUnset({ snsCallerArn: sms.snsCallerArn, externalId: sms.externalId, snsRegion: sms.snsRegion }),
        ...triggersArgs(settings.triggers),
        tags: userPool.tags,
    });
}

/** Cognito takes email or phone either as the user name or as aliases of it, never both. */
export function signInArgs(signIn: UserPoolSettings["signIn"]): Pick<UserPoolArgs, "usernameAttributes" | "aliasAttributes" | "usernameConfiguration"> {
    const others = signIn.with.flatMap((option) => option === "username" ? [] : [signInAttributes[option]]);
    const aliases: string[] = signIn.preferredUsername ? [...others, "preferred_username"] : others;
    return {
        ...(signIn.with.includes("username")
            ? (aliases.length > 0 ? { aliasAttributes: aliases } : {})
            : { usernameAttributes: others }),
        ...(signIn.caseSensitive === "unset" ? {} : { usernameConfiguration: { caseSensitive: signIn.caseSensitive } }),
    };
}

/** The pool inputs that follow the sender, as plain values. */
export interface SenderDependentArgs {
    readonly emailConfiguration: {
        readonly emailSendingAccount: "COGNITO_DEFAULT" | "DEVELOPER";
        readonly sourceArn?: string;
        readonly fromEmailAddress?: string;
        readonly replyToEmailAddress?: string;
        readonly configurationSet?: string;
    };
    readonly emailMfaConfiguration?: Record<string, never>;
}

/**
 * The pool inputs that follow the sender: DEVELOPER (SES) with the configured FROM, REPLY-TO and configuration
 * set once the identity is verified; Cognito's default sender before, and with `sender: cognito`. The email MFA
 * factor follows too: email MFA needs SES (Cognito developer guide, "SMS and email message MFA").
 */
export function senderDependentArgs(settings: UserPoolSettings, sender: SesSender | undefined): SenderDependentArgs {
    const { email, mfa } = settings;
    return {
        emailConfiguration: email.sender === "cognito" || !sender?.verified ? { emailSendingAccount: "COGNITO_DEFAULT" } : {
            emailSendingAccount: "DEVELOPER",
            sourceArn: sender.arn,
            fromEmailAddress: fromEmailAddress(email),
            replyToEmailAddress: email.replyTo,
            configurationSet: email.configurationSet,
        },
        ...(mfa.mode !== "off" && mfa.factors.includes("email") && sender?.verified ? { emailMfaConfiguration: {} } : {}),
    };
}

function verificationArgs({ method, emailSubject, emailMessage, smsMessage }: UserPoolSettings["verification"]): UserPoolArgs["verificationMessageTemplate"] {
    return method === "code"
        ? { defaultEmailOption: "CONFIRM_WITH_CODE", emailSubject, emailMessage, smsMessage }
        : { defaultEmailOption: "CONFIRM_WITH_LINK", emailSubjectByLink: emailSubject, emailMessageByLink: emailMessage, smsMessage };
}

/** The pool's settings read back from its description; what the config model cannot express is a gap, what was assumed a note. */
export function poolFromDescribed(pool: DescribedPool, context: ReadContext): UserPoolInput {
    const device = pool.DeviceConfiguration;
    const sms = pool.SmsConfiguration;
    // In catalogue order, which is the order of the notes and gaps.
    return withoutUnset({
        userPool: withoutUnset({
            name: pool.Name || undefined,
            deletionProtection: reportedOr(pool.DeletionProtection, "INACTIVE", "DeletionProtection", context) === "ACTIVE",
            // The stack's own tag is the program's, not a setting.
            tags: withoutStackTag(pool.UserPoolTags ?? {}),
        }),
        tier: tierFromDescribed(pool.UserPoolTier, context),
        signIn: signInFromDescribed(pool, context),
        firstAuthFactors: firstAuthFactorsFromDescribed(pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors, context),
        passkeys: passkeysFromDescribed(pool.MfaConfig.WebAuthnConfiguration, context),
        password: passwordFromDescribed(pool.Policies?.PasswordPolicy, context),
        mfa: withoutUnset({ mode: mfaModeOf[pool.MfaConfiguration ?? "OFF"], factors: mfaFactorsFromDescribed(pool, context) }),
        threatProtection: threatProtectionFromDescribed(pool.UserPoolAddOns, pool.RiskConfiguration, context),
        deviceTracking: reportsSome(device) ? withoutUnset({
            challengeRequiredOnNewDevice: device.ChallengeRequiredOnNewDevice,
            deviceOnlyRememberedOnUserPrompt: device.DeviceOnlyRememberedOnUserPrompt,
        }) : undefined,
        accountRecovery: accountRecoveryFromDescribed(pool.AccountRecoverySetting?.RecoveryMechanisms ?? [], context),
        selfSignUp: !(pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly ?? false),
        autoVerify: (pool.AutoVerifiedAttributes ?? []).map((name) => verifiableAttributeOf[name]).filter((name) => name !== undefined),
        keepOriginalUntilVerified: keepOriginalFromDescribed(pool, context),
        attributes: attributesFromSchema(pool, context),
        email: readEmail(pool, context),
        verification: readVerification(pool, context),
        sms: reportsSome(sms) ? withoutUnset({ snsCallerArn: sms.SnsCallerArn ?? "", externalId: sms.ExternalId ?? "", snsRegion: sms.SnsRegion || undefined }) : undefined,
        triggers: triggersFromDescribed(pool.LambdaConfig, context),
    });
}

function tierFromDescribed(tier: string | undefined, context: ReadContext): UserPoolInput["tier"] {
    const live = reportedOr(tier, "ESSENTIALS", "UserPoolTier", context);
    return tiers.find((name) => name.toUpperCase() === live);
}

function passwordFromDescribed(password: PasswordPolicyType | undefined, context: ReadContext): UserPoolInput["password"] {
    if (password === undefined) {
        context.note("Policies.PasswordPolicy", "not reported: assumed the defaults");
        return undefined;
    }
    return withoutUnset({
        minLength: password.MinimumLength,
        // The API leaves a requirement that is off out of the policy.
        requireLowercase: password.RequireLowercase ?? false,
        requireUppercase: password.RequireUppercase ?? false,
        requireNumbers: password.RequireNumbers ?? false,
        requireSymbols: password.RequireSymbols ?? false,
        temporaryPasswordValidityDays: password.TemporaryPasswordValidityDays,
    });
}

function signInFromDescribed(pool: UserPoolType, context: ReadContext): UserPoolInput["signIn"] {
    const usernameAttributes = pool.UsernameAttributes ?? [];
    const aliasAttributes = pool.AliasAttributes ?? [];
    const usesUsername = usernameAttributes.length === 0;
    const attributes: string[] = usesUsername ? aliasAttributes.filter((alias) => alias !== "preferred_username") : usernameAttributes;
    for (const attribute of attributes.filter((name) => signInOptionOf[name] === undefined)) {
        context.gap(usesUsername ? "AliasAttributes" : "UsernameAttributes", attribute, "the config model signs in with username, email or phone");
    }
    const others = attributes.map((name) => signInOptionOf[name]).filter((option) => option !== undefined);
    const caseSensitive = pool.UsernameConfiguration?.CaseSensitive;
    if (caseSensitive === undefined) {
        context.note("UsernameConfiguration", "not reported: written as caseSensitive: unset, so the program sends none (adding it would replace the pool)");
    }
    return {
        with: usesUsername ? ["username", ...others] : others,
        preferredUsername: aliasAttributes.includes("preferred_username"),
        caseSensitive: caseSensitive ?? "unset",
    };
}

function firstAuthFactorsFromDescribed(factors: readonly string[] | undefined, context: ReadContext): UserPoolInput["firstAuthFactors"] {
    const known = (factors ?? []).map((factor) => firstAuthFactors.find((name) => name.toUpperCase() === factor));
    if (known.includes(undefined)) {
        context.gap("Policies.SignInPolicy.AllowedFirstAuthFactors", factors, `the config model offers ${firstAuthFactors.join(", ")}`);
    }
    const offered = known.filter((factor) => factor !== undefined);
    return offered.length > 0 ? offered : undefined;
}

/** SMS MFA has no input of its own: the provider sends smsConfiguration as the factor while MFA is on (user_pool.go). */
function mfaFactorsFromDescribed(pool: DescribedPool, context: ReadContext): NonNullable<UserPoolInput["mfa"]>["factors"] {
    const totp = pool.MfaConfig.SoftwareTokenMfaConfiguration?.Enabled;
    const email = pool.MfaConfig.EmailMfaConfiguration;
    for (const [key, value] of Object.entries(email ?? {}).filter(([, value]) => holdsValue(value))) {
        context.gap(`MfaConfig.EmailMfaConfiguration.${key}`, value, "the config model has no key for it");
    }
    if ((pool.MfaConfiguration ?? "OFF") === "OFF") {
        if (totp) {
            context.gap("MfaConfig.SoftwareTokenMfaConfiguration.Enabled", true, "the program sends no second factor while MFA is off");
        }
        return undefined;
    }
    return [
        ...(totp ? ["totp" as const] : []),
        ...(holdsValue(pool.MfaConfig.SmsMfaConfiguration?.SmsConfiguration) ? ["sms" as const] : []),
        ...(email !== undefined ? ["email" as const] : []),
    ];
}

function accountRecoveryFromDescribed(mechanisms: readonly { Name?: string; Priority?: number }[], context: ReadContext): UserPoolInput["accountRecovery"] {
    const names = [...mechanisms].sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0)).map((mechanism) => mechanism.Name ?? "");
    const recovery = names.map((name) => recoveryMechanismOf[name]).filter((name) => name !== undefined);
    if (recovery.length < names.length || recovery.length === 0) {
        context.gap("AccountRecoverySetting", names, "the config model recovers accounts by email, phone or both, in order" +
            (recovery.length === 0 ? "; the program always sets one (email here)" : ""));
    }
    return recovery.length > 0 ? recovery : ["email"];
}

function keepOriginalFromDescribed(pool: UserPoolType, context: ReadContext): boolean {
    if (pool.UserAttributeUpdateSettings === undefined) {
        context.note("UserAttributeUpdateSettings", "not reported by the server: read as none (keepOriginalUntilVerified: false)");
        return false;
    }
    const kept = [...(pool.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate ?? [])].sort();
    const verified = [...(pool.AutoVerifiedAttributes ?? [])].sort();
    if (kept.length > 0 && kept.join() !== verified.join()) {
        context.gap("UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate", kept,
            `the program keeps the original of every auto-verified attribute (${verified.join(", ") || "none"}) or of none`);
    }
    return kept.length > 0;
}
