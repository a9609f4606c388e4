import type * as aws from "@pulumi/aws";
import type { CustomAttributeSettings, StandardAttribute, UserPoolSettings } from "../config";
import { STANDARD_ATTRIBUTE_DEFAULTS } from "cognito-user-pool-policies";

type SchemaAttribute = aws.types.input.cognito.UserPoolSchema;

const attributeDataTypes: Record<CustomAttributeSettings["type"], string> = {
    string: "String",
    number: "Number",
    boolean: "Boolean",
    datetime: "DateTime",
};

const signInAttributes = { email: "email", phone: "phone_number" } as const;
const verifiableAttributes = { email: "email", phone: "phone_number" } as const;
const recoveryMechanismNames = { email: "verified_email", phone: "verified_phone_number" } as const;
const mfaModes = { off: "OFF", optional: "OPTIONAL", required: "ON" } as const;

/**
 * Sign-in options as Cognito takes them. Signing in with email or phone alone makes them the user name
 * (usernameAttributes); with a user name as well they become aliases (aliasAttributes). Cognito refuses both.
 */
export function signInArgs(signIn: UserPoolSettings["signIn"]): Pick<aws.cognito.UserPoolArgs, "usernameAttributes" | "aliasAttributes"> {
    const others = signIn.with.filter((option) => option !== "username").map((option) => signInAttributes[option as "email" | "phone"]);
    if (!signIn.with.includes("username")) {
        return { usernameAttributes: others };
    }
    const aliases = signIn.preferredUsername ? [...others, "preferred_username"] : others;
    return aliases.length > 0 ? { aliasAttributes: aliases } : {};
}

/** Schema entries: the required standard attributes and the custom attributes. */
export function schemaArgs(attributes: UserPoolSettings["attributes"]): SchemaAttribute[] {
    return [
        ...attributes.required.map(standardSchemaAttribute),
        ...attributes.custom.map(customSchemaAttribute),
    ];
}

/** A required standard attribute, with the constraints Cognito gives it by default (so the provider sees no drift). */
function standardSchemaAttribute(name: StandardAttribute): SchemaAttribute {
    const { dataType, mutable, developerOnly, constraints } = STANDARD_ATTRIBUTE_DEFAULTS[name];
    const schemaAttribute: SchemaAttribute = {
        name,
        attributeDataType: dataType,
        required: true,
        mutable,
        developerOnlyAttribute: developerOnly,
    };
    if (dataType === "String") {
        schemaAttribute.stringAttributeConstraints = {
            minLength: constraints.minLength?.toString(),
            maxLength: constraints.maxLength?.toString(),
        };
    }
    if (dataType === "Number") {
        schemaAttribute.numberAttributeConstraints = {
            minValue: constraints.minValue?.toString(),
            maxValue: constraints.maxValue?.toString(),
        };
    }
    return schemaAttribute;
}

function customSchemaAttribute(attribute: CustomAttributeSettings): SchemaAttribute {
    const schemaAttribute: SchemaAttribute = {
        name: attribute.name,
        attributeDataType: attributeDataTypes[attribute.type],
        required: false,
        mutable: attribute.mutable,
        developerOnlyAttribute: attribute.developerOnly,
    };
    if (attribute.type === "string") {
        schemaAttribute.stringAttributeConstraints = {
            minLength: String(attribute.minLength ?? 0),
            maxLength: String(attribute.maxLength ?? 2048),
        };
    }
    if (attribute.type === "number" && (attribute.minValue !== undefined || attribute.maxValue !== undefined)) {
        schemaAttribute.numberAttributeConstraints = {
            minValue: attribute.minValue?.toString(),
            maxValue: attribute.maxValue?.toString(),
        };
    }
    return schemaAttribute;
}

/** `Example <no-reply@example.com>`, or the bare address without a display name. */
export function fromEmailAddress(email: UserPoolSettings["email"]): string | undefined {
    return email.fromName !== undefined && email.from !== undefined ? `${email.fromName} <${email.from}>` : email.from;
}

/** The SES identity a pool may send through, and whether SES lets it send yet. */
export interface SesSender {
    readonly arn: string;
    /**
     * The identity's verifiedForSendingStatus. Cognito refuses DEVELOPER with an identity SES has not verified
     * (InvalidParameterException "Email address is not verified"; aws-cdk #18964, #19787).
     */
    readonly verified: boolean;
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
 * set once the identity is verified; Cognito's default sender before, and with `sender: cognito`. Email MFA
 * needs SES (Cognito developer guide, "SMS and email message MFA"), so its factor follows too.
 */
export function senderDependentArgs(settings: UserPoolSettings, sender: SesSender | undefined): SenderDependentArgs {
    const { email, mfa } = settings;
    if (email.sender === "cognito" || sender === undefined || !sender.verified) {
        return { emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" } };
    }
    return {
        emailConfiguration: {
            emailSendingAccount: "DEVELOPER",
            sourceArn: sender.arn,
            fromEmailAddress: fromEmailAddress(email),
            replyToEmailAddress: email.replyTo,
            configurationSet: email.configurationSet,
        },
        ...(mfa.mode !== "off" && mfa.factors.includes("email") ? { emailMfaConfiguration: {} } : {}),
    };
}

function mfaArgs(settings: UserPoolSettings): Partial<aws.cognito.UserPoolArgs> {
    const { mode, factors } = settings.mfa;
    if (mode === "off") {
        return { mfaConfiguration: "OFF" };
    }
    return {
        mfaConfiguration: mfaModes[mode],
        softwareTokenMfaConfiguration: { enabled: factors.includes("totp") },
    };
}

function verificationArgs(settings: UserPoolSettings): aws.types.input.cognito.UserPoolVerificationMessageTemplate {
    const { method, emailSubject, emailMessage, smsMessage } = settings.verification;
    return method === "code"
        ? { defaultEmailOption: "CONFIRM_WITH_CODE", emailSubject, emailMessage, smsMessage }
        : { defaultEmailOption: "CONFIRM_WITH_LINK", emailSubjectByLink: emailSubject, emailMessageByLink: emailMessage, smsMessage };
}

/** The aws.cognito.UserPool inputs for a pool's settings and the SES identity it may send through. */
export function userPoolArgs(settings: UserPoolSettings, sender?: SesSender): aws.cognito.UserPoolArgs {
    const autoVerified = settings.autoVerify.map((attribute) => verifiableAttributes[attribute]);
    return {
        name: settings.name,
        ...signInArgs(settings.signIn),
        usernameConfiguration: { caseSensitive: settings.signIn.caseSensitive },
        passwordPolicy: {
            minimumLength: settings.password.minLength,
            requireLowercase: settings.password.requireLowercase,
            requireUppercase: settings.password.requireUppercase,
            requireNumbers: settings.password.requireNumbers,
            requireSymbols: settings.password.requireSymbols,
            temporaryPasswordValidityDays: settings.password.temporaryPasswordValidityDays,
        },
        ...mfaArgs(settings),
        accountRecoverySetting: {
            recoveryMechanisms: settings.accountRecovery.map((mechanism, index) => ({
                name: recoveryMechanismNames[mechanism],
                priority: index + 1,
            })),
        },
        adminCreateUserConfig: { allowAdminCreateUserOnly: !settings.selfSignUp },
        autoVerifiedAttributes: autoVerified,
        ...(settings.keepOriginalUntilVerified && autoVerified.length > 0
            ? { userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdates: autoVerified } }
            : {}),
        schemas: schemaArgs(settings.attributes),
        ...senderDependentArgs(settings, sender),
        verificationMessageTemplate: verificationArgs(settings),
        ...(settings.sms !== undefined
            ? { smsConfiguration: { snsCallerArn: settings.sms.snsCallerArn, externalId: settings.sms.externalId, snsRegion: settings.sms.snsRegion } }
            : {}),
        deletionProtection: settings.deletionProtection ? "ACTIVE" : "INACTIVE",
        userPoolTier: settings.tier.toUpperCase(),
        tags: settings.tags,
    };
}
