import { z } from "zod";
import { formatMinutes, parseDuration } from "./durations";
import { cognitoLimits, standardAttributes } from "./limits";
import { checkAttributePermissions } from "./rules/attribute-permissions";
import { checkCustomAttributeLimits } from "./rules/custom-attribute-limits";
import { emailAddress, sesIdentity } from "./rules/email-address";
import { checkOAuthSettings, identityProviderName, oauthScope } from "./rules/oauth";
import { redirectUrl } from "./rules/redirect-url";
import { awsRegion } from "./rules/regions";
import { clientId, userPoolId } from "./rules/resource-ids";
import { configurationSetName } from "./rules/ses-names";
import { tags } from "./rules/tags";
import { domainName, route53ZoneId, sesIdentityArn, sesSenderIssues } from "./rules/ses-sender";
import { checkTokenLifetimes } from "./rules/token-validity";
import { successorSchema, type SuccessorSettings } from "./successor";

/*
 * The stack settings, as written under the `cognito-user-pool:` namespace of Pulumi.<stack>.yaml.
 * Every default is the choice of the console walkthrough this project starts from (seed.md); the README
 * documents each key. Settings Cognito fixes at creation are marked FIXED.
 */

const wholeNumber = (range: { min: number; max: number }) => {
    const error = `expected a whole number from ${range.min} to ${range.max}`;
    return z.int({ error }).min(range.min, { error }).max(range.max, { error });
};

const uniqueList = <T extends z.ZodType>(item: T) =>
    z.array(item).refine((list) => new Set(list).size === list.length, { error: "expected no repeated values" });

const duration = (limits: { min: number; max: number }) => {
    const error = `expected a duration from ${formatMinutes(limits.min)} to ${formatMinutes(limits.max)} ` +
        "written as a whole number of minutes, hours or days (5m, 1h, 30d)";
    return z.string({ error }).refine((text) => {
        const parsed = parseDuration(text);
        return parsed !== undefined && parsed.minutes >= limits.min && parsed.minutes <= limits.max;
    }, { error });
};

export const signInOptions = ["username", "email", "phone"] as const;

const signInSchema = z.strictObject({
    /** FIXED. What a user signs in with. Default: `[username]`. */
    with: uniqueList(z.enum(signInOptions)).min(1, { error: "expected at least one of username, email, phone" })
        .default(["username"]),
    /** FIXED. Sign in with preferred_username too (an alias of the user name). Default: false. */
    preferredUsername: z.boolean().default(false),
    /** FIXED. Whether `Alice` and `alice` are different users. Default: false. */
    caseSensitive: z.boolean().default(false),
}).superRefine((signIn, ctx) => {
    if (signIn.preferredUsername && !signIn.with.includes("username")) {
        ctx.addIssue({ code: "custom", path: ["preferredUsername"], input: true,
            message: "a preferred user name is an alias of the user name: add username to signIn.with or set this to false" });
    }
});

const passwordSchema = z.strictObject({
    minLength: wholeNumber(cognitoLimits.passwordMinLength).default(8),
    requireLowercase: z.boolean().default(true),
    requireUppercase: z.boolean().default(true),
    requireNumbers: z.boolean().default(true),
    requireSymbols: z.boolean().default(true),
    /** Days an administrator-set temporary password stays valid. Default: 7. */
    temporaryPasswordValidityDays: wholeNumber(cognitoLimits.temporaryPasswordValidityDays).default(7),
});

export const mfaFactors = ["totp", "sms", "email"] as const;

const mfaSchema = z.strictObject({
    /** off | optional (each user chooses) | required. Default: off. */
    mode: z.enum(["off", "optional", "required"]).default("off"),
    /** Second factors offered. Default: `[totp]`. */
    factors: uniqueList(z.enum(mfaFactors)).default(["totp"]),
}).superRefine((mfa, ctx) => {
    if (mfa.mode !== "off" && mfa.factors.length === 0) {
        ctx.addIssue({ code: "custom", path: ["factors"], input: mfa.factors,
            message: `MFA that is ${mfa.mode} needs at least one factor: totp, sms or email` });
    }
});

const customAttributeSchema = z.strictObject({
    /** FIXED. The name without its `custom:` prefix: letters, digits, `_` and `-`, 1 to 20 characters. */
    name: z.string()
        .min(cognitoLimits.customAttributeNameLength.min, { error: "expected 1 to 20 characters" })
        .max(cognitoLimits.customAttributeNameLength.max, { error: "expected 1 to 20 characters" })
        .regex(/^[A-Za-z0-9_-]+$/, { error: "expected only letters, digits, _ and -" }),
    /** FIXED. string | number | boolean | datetime. */
    type: z.enum(["string", "number", "boolean", "datetime"]),
    /** FIXED. Whether the value can change after sign-up. Default: true. */
    mutable: z.boolean().default(true),
    /** FIXED. Readable and writable only with administrator credentials. Default: false. */
    developerOnly: z.boolean().default(false),
    /** FIXED. Length limits of a string attribute. */
    minLength: wholeNumber(cognitoLimits.stringAttributeLength).optional(),
    maxLength: wholeNumber(cognitoLimits.stringAttributeLength).optional(),
    /** FIXED. Value limits of a number attribute. */
    minValue: z.int({ error: "expected a whole number" }).optional(),
    maxValue: z.int({ error: "expected a whole number" }).optional(),
}).superRefine(checkCustomAttributeLimits);

const attributesSchema = z.strictObject({
    /** FIXED. Standard attributes every user must have. Default: `[email]`. */
    required: uniqueList(z.enum(standardAttributes)).default(["email"]),
    /** FIXED, each. Custom attributes; new ones can be added, none changed or removed. Default: none. */
    custom: z.array(customAttributeSchema)
        .max(cognitoLimits.customAttributes, { error: `expected at most ${cognitoLimits.customAttributes} custom attributes` })
        .default([]),
}).superRefine((attributes, ctx) => {
    const seen = new Set<string>();
    attributes.custom.forEach((attribute, index) => {
        if (seen.has(attribute.name)) {
            ctx.addIssue({ code: "custom", path: ["custom", index, "name"], input: attribute.name,
                message: "expected a name not used by another custom attribute" });
        }
        seen.add(attribute.name);
    });
});

const emailSchema = z.strictObject({
    /** cognito (Cognito's default sender, 50 emails a day) | ses. Default: cognito. */
    sender: z.enum(["cognito", "ses"]).default("cognito"),
    /** FROM address; required with ses. */
    from: emailAddress.optional(),
    /** Display name shown with the FROM address. */
    fromName: z.string().regex(/^[^<>"\r\n]+$/, { error: "expected a display name without < > \" or line breaks" }).optional(),
    /** REPLY-TO address. Default: none. */
    replyTo: emailAddress.optional(),
    /** What the SES identity verifies: the FROM address itself, or its whole domain (DKIM). Default: address. */
    identity: z.enum(["address", "domain"]).default("address"),
    /** SES configuration set to send through. */
    configurationSet: configurationSetName.optional(),
    /** An SES identity verified outside the stack, used as it is: the stack creates none. Default: none. */
    identityArn: sesIdentityArn.optional(),
    /** Route 53 hosted zone where the stack creates a domain identity's DKIM (and MAIL FROM) records. Default: none. */
    hostedZoneId: route53ZoneId.optional(),
    /** Custom MAIL FROM domain of a domain identity, a subdomain of it. Default: none (SES's own). */
    mailFromDomain: domainName.optional(),
}).superRefine((email, ctx) => {
    if (email.sender === "ses" && email.from === undefined) {
        ctx.addIssue({ code: "custom", path: ["from"], input: undefined,
            message: "email through SES needs a FROM address (a verified SES identity)" });
    }
    if (email.sender === "ses") {
        for (const issue of sesSenderIssues(email)) {
            ctx.addIssue({ code: "custom", path: [issue.path], input: issue.input, message: issue.message });
        }
    }
    if (email.sender === "cognito") {
        for (const key of ["from", "fromName", "replyTo", "configurationSet", "identityArn", "hostedZoneId", "mailFromDomain"] as const) {
            if (email[key] !== undefined) {
                ctx.addIssue({ code: "custom", path: [key], input: email[key],
                    message: "applies to email sent through SES only: set sender: ses or remove it" });
            }
        }
    }
});

const verificationSchema = z.strictObject({
    /** How a new address is confirmed: code | link. Default: code. */
    method: z.enum(["code", "link"]).default("code"),
    /** Email subject; Cognito's default when absent. */
    emailSubject: z.string().min(1).max(140).optional(),
    /** Email body; must hold `{####}` (code) or `{##Verify Email##}` (link). */
    emailMessage: z.string().min(6).max(20000).optional(),
    /** SMS text; must hold `{####}`. */
    smsMessage: z.string().min(6).max(140).optional(),
}).superRefine((verification, ctx) => {
    const placeholder = verification.method === "code" ? "{####}" : "{##Verify Email##}";
    if (verification.emailMessage !== undefined && !verification.emailMessage.includes(placeholder)) {
        ctx.addIssue({ code: "custom", path: ["emailMessage"], input: verification.emailMessage,
            message: `expected the placeholder ${placeholder} for verification by ${verification.method}` });
    }
    if (verification.smsMessage !== undefined && !verification.smsMessage.includes("{####}")) {
        ctx.addIssue({ code: "custom", path: ["smsMessage"], input: verification.smsMessage,
            message: "expected the placeholder {####}" });
    }
});

const smsSchema = z.strictObject({
    /** IAM role Cognito assumes to send SMS through SNS. */
    snsCallerArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, { error: "expected an IAM role ARN" }),
    /** External id in that role's trust policy. */
    externalId: z.string().min(1),
    /** SNS region, when not the pool's. */
    snsRegion: awsRegion.optional(),
});

export const recoveryMechanisms = ["email", "phone"] as const;

const userPoolSchema = z.strictObject({
    /** FIXED. The pool's name. Default: `<project>-<stack>`. */
    name: z.string().regex(/^[\w\s+=,.@-]{1,128}$/, { error: "expected 1 to 128 letters, digits, spaces or + = , . @ - _" })
        .optional(),
    /** Cognito refuses to delete the pool while on. Default: true. */
    deletionProtection: z.boolean().default(true),
    /** Feature plan: lite | essentials | plus. Default: essentials (the console's default). */
    tier: z.enum(["lite", "essentials", "plus"]).default("essentials"),
    signIn: signInSchema.prefault({}),
    password: passwordSchema.prefault({}),
    mfa: mfaSchema.prefault({}),
    /** Ordered ways to recover an account: email | phone. Default: `[email]`. */
    accountRecovery: uniqueList(z.enum(recoveryMechanisms)).min(1, { error: "expected email, phone or both" })
        .default(["email"]),
    /** Users may sign themselves up. Default: true. */
    selfSignUp: z.boolean().default(true),
    /** Attributes Cognito verifies by sending a code: email | phone. Default: `[email]`. */
    autoVerify: uniqueList(z.enum(["email", "phone"])).default(["email"]),
    /** On a change of a verified attribute, keep the old value until the new one is verified. Default: true. */
    keepOriginalUntilVerified: z.boolean().default(true),
    attributes: attributesSchema.prefault({}),
    email: emailSchema.prefault({}),
    verification: verificationSchema.prefault({}),
    /** SNS settings, needed for SMS MFA, phone verification or phone recovery. Default: none. */
    sms: smsSchema.optional(),
    /** Tags on the pool and the SES identity. Default: none. */
    tags: tags.default({}),
}).superRefine((pool, ctx) => {
    const phoneKnown = pool.attributes.required.includes("phone_number") || pool.signIn.with.includes("phone");
    if (pool.accountRecovery.includes("phone") && !phoneKnown) {
        ctx.addIssue({ code: "custom", path: ["accountRecovery"], input: pool.accountRecovery,
            message: "recovery by phone needs a phone number: add phone_number to attributes.required or phone to signIn.with" });
    }
    const smsUsed = pool.accountRecovery.includes("phone") || pool.autoVerify.includes("phone") ||
        (pool.mfa.mode !== "off" && pool.mfa.factors.includes("sms"));
    if (smsUsed && pool.sms === undefined) {
        ctx.addIssue({ code: "custom", path: ["sms"], input: undefined,
            message: "SMS (phone recovery, phone verification or SMS MFA) needs sms.snsCallerArn and sms.externalId" });
    }
    if (pool.mfa.mode !== "off" && pool.mfa.factors.includes("email")) {
        if (pool.email.sender !== "ses") {
            ctx.addIssue({ code: "custom", path: ["mfa", "factors"], input: pool.mfa.factors,
                message: "email MFA needs email through SES: set email.sender: ses" });
        }
        if (pool.tier === "lite") {
            ctx.addIssue({ code: "custom", path: ["mfa", "factors"], input: pool.mfa.factors,
                message: "email MFA needs tier essentials or plus" });
        }
        // The pool leaves the email factor out until the stack's identity is verified (components/pool-email.ts).
        if (pool.email.sender === "ses" && pool.email.identityArn === undefined && pool.mfa.factors.length === 1) {
            ctx.addIssue({ code: "custom", path: ["mfa", "factors"], input: pool.mfa.factors,
                message: "email as the only MFA factor cannot work on a new stack: Cognito sends MFA email only through SES, " +
                    "and the SES identity the stack creates is not verified yet; add totp, or use an identity verified beforehand (email.identityArn)" });
        }
    }
});

export const authFlows = ["user_srp", "refresh_token", "user_password", "admin_user_password", "custom", "user_auth"] as const;
export const oauthFlows = ["code", "implicit", "client_credentials"] as const;

const attributePermissions = z.union([z.literal("all"), uniqueList(z.string().min(1))],
    { error: "expected all, or a list of attribute names" });

const tokenValiditySchema = z.strictObject({
    access: duration(cognitoLimits.tokenValidity.access).default("60m"),
    id: duration(cognitoLimits.tokenValidity.id).default("60m"),
    refresh: duration(cognitoLimits.tokenValidity.refresh).default("30d"),
    authSession: duration(cognitoLimits.tokenValidity.authSession).default("3m"),
}).superRefine(checkTokenLifetimes);

const urlList = z.array(redirectUrl)
    .max(cognitoLimits.urlsPerClient, { error: `expected at most ${cognitoLimits.urlsPerClient} URLs` });

const oauthSchema = z.strictObject({
    flows: uniqueList(z.enum(oauthFlows)).min(1, { error: "expected at least one of code, implicit, client_credentials" }),
    /** Default: openid email profile for code and implicit; client_credentials names its custom scopes. */
    scopes: uniqueList(oauthScope).max(cognitoLimits.scopesPerClient).optional(),
    callbackUrls: urlList.default([]),
    logoutUrls: urlList.default([]),
    /** The redirect used when a sign-in request names none; one of callbackUrls. Default: none. */
    defaultRedirectUrl: redirectUrl.optional(),
    identityProviders: uniqueList(identityProviderName).default(["COGNITO"]),
}).superRefine(checkOAuthSettings);

const clientSchema = z.strictObject({
    /** The client's name; also its identity in the stack (renaming it replaces the client). */
    name: z.string().regex(/^[\w\s+=,.@-]{1,128}$/, { error: "expected 1 to 128 letters, digits, spaces or + = , . @ - _" }),
    /** public (browsers and devices, no secret) | confidential (servers, with a secret). Default: public. */
    type: z.enum(["public", "confidential"]).default("public"),
    /** FIXED. Whether Cognito generates a secret. Default: true for confidential, false for public. */
    generateSecret: z.boolean().optional(),
    /** Sign-in flows allowed. Default: `[user_srp, refresh_token]` (what amazon-cognito-identity-js uses). */
    authFlows: uniqueList(z.enum(authFlows)).default(["user_srp", "refresh_token"]),
    tokenValidity: tokenValiditySchema.prefault({}),
    /** Refresh tokens can be revoked; adds jti and origin_jti claims. Default: true. */
    tokenRevocation: z.boolean().default(true),
    /** A failed sign-in does not reveal whether the user exists. Default: true. */
    preventUserExistenceErrors: z.boolean().default(true),
    /** Attributes the client may read / write. Default: all. */
    readAttributes: attributePermissions.default("all"),
    writeAttributes: attributePermissions.default("all"),
    /** OAuth 2.0 flows, scopes and URLs, for clients that use the hosted sign-in or client credentials. */
    oauth: oauthSchema.optional(),
}).superRefine((client, ctx) => {
    if (client.type === "public" && client.generateSecret === true) {
        ctx.addIssue({ code: "custom", path: ["generateSecret"], input: true,
            message: "a public client runs on users' devices and cannot keep a secret: use type: confidential" });
    }
    if (client.type === "public" && client.oauth?.flows.includes("client_credentials")) {
        ctx.addIssue({ code: "custom", path: ["oauth", "flows"], input: client.oauth.flows,
            message: "client_credentials needs a client secret: use type: confidential" });
    }
    if (client.type === "confidential" && client.generateSecret === false && client.oauth?.flows.includes("client_credentials")) {
        ctx.addIssue({ code: "custom", path: ["oauth", "flows"], input: client.oauth.flows,
            message: "client_credentials needs a client secret: remove generateSecret: false" });
    }
});

const importSchema = z.strictObject({
    /** Id of an existing pool to adopt, e.g. us-east-1_AbCdEf123. */
    userPool: userPoolId.optional(),
    /** The existing SES identity (address or domain) to adopt. */
    senderIdentity: sesIdentity.optional(),
    /** Ids of existing app clients to adopt, by client name. */
    clients: z.record(z.string(), clientId).default({}),
});

export const stackSettingsSchema = z.strictObject({
    /** Pulumi protect and retainOnDelete on the pool and the SES identity. Default: false. */
    protect: z.boolean().default(false),
    userPool: userPoolSchema.prefault({}),
    /** The app clients. Default: one public client named web. */
    clients: z.array(clientSchema)
        .min(1, { error: "expected at least one app client" })
        .max(cognitoLimits.clientsPerPool, { error: `expected at most ${cognitoLimits.clientsPerPool} app clients` })
        .prefault([{ name: "web" }]),
    /** Existing resources to adopt with Pulumi's import option (written by `npm run adopt`). */
    import: importSchema.prefault({}),
    /** A new pool taking over from this one, for a change of a fixed setting (config/successor.ts). Default: none. */
    successor: successorSchema.optional(),
}).superRefine((settings, ctx) => {
    checkAttributePermissions({
        customAttributeNames: settings.userPool.attributes.custom.map((attribute) => attribute.name),
        clients: settings.clients,
    }, ctx);
    const names = new Set<string>();
    settings.clients.forEach((client, index) => {
        if (names.has(client.name)) {
            ctx.addIssue({ code: "custom", path: ["clients", index, "name"], input: client.name,
                message: "expected a name not used by another client" });
        }
        names.add(client.name);
    });
    for (const name of Object.keys(settings.import.clients)) {
        if (!names.has(name)) {
            ctx.addIssue({ code: "custom", path: ["import", "clients", name], input: name,
                message: `expected the name of a client in clients (${[...names].join(", ")})` });
        }
    }
    if (Object.keys(settings.import.clients).length > 0 && settings.import.userPool === undefined) {
        ctx.addIssue({ code: "custom", path: ["import", "userPool"], input: undefined,
            message: "adopting app clients needs the id of the pool they belong to" });
    }
    if (settings.import.senderIdentity !== undefined && settings.userPool.email.sender !== "ses") {
        ctx.addIssue({ code: "custom", path: ["import", "senderIdentity"], input: settings.import.senderIdentity,
            message: "there is no SES identity to adopt when email goes through Cognito's sender" });
    }
    if (settings.import.senderIdentity !== undefined && settings.userPool.email.identityArn !== undefined) {
        ctx.addIssue({ code: "custom", path: ["import", "senderIdentity"], input: settings.import.senderIdentity,
            message: "the stack creates no SES identity when userPool.email.identityArn names one: remove one of them" });
    }
});

/** The top-level keys under the `cognito-user-pool:` config namespace. */
export const settingKeys = Object.keys(stackSettingsSchema.shape) as (keyof typeof stackSettingsSchema.shape)[];

type ParsedSettings = z.output<typeof stackSettingsSchema>;
export type UserPoolSettings = ParsedSettings["userPool"] & { name: string };
export type ClientSettings = ParsedSettings["clients"][number];
export type CustomAttributeSettings = UserPoolSettings["attributes"]["custom"][number];
export type EmailSettings = UserPoolSettings["email"];
export type ImportSettings = ParsedSettings["import"];

/** A stack's settings with every default applied and the pool name resolved. */
export interface StackSettings extends Omit<ParsedSettings, "userPool" | "successor"> {
    readonly userPool: UserPoolSettings;
    readonly successor?: SuccessorSettings;
}
