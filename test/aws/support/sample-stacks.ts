import type { RawStackSettings } from "../../../aws/live-to-settings";
import { LivePool, redactedSecret } from "../../../aws/read-pool";
import {
    appClientArgs, identityProviderArgs, logDeliveryConfigurationArgs, managedLoginBrandingArgs, parseStackSettings, userPoolArgs, resourceServerArgs,
    riskConfigurationArgs, StackSettings, userGroupArgs, userPoolDomainArgs,
} from "../../../config";
import {
    describedBranding, describedClient, describedDomain, describedGroup, describedIdentityProvider, describedLogDelivery, describedPool,
    describedResourceServer,
    describedRiskConfiguration, plain,
} from "./described-from-inputs";

/** Between them, a value other than the default for every setting read back from AWS (see the coverage test). */
export const samples: Record<string, RawStackSettings> = {
    "username with aliases, SES by address, verification by link, SMS, every MFA factor": {
        userPool: {
            name: "round-trip-aliases",
            deletionProtection: false,
            tags: { team: "identity" },
        },
        tier: "plus",
        signIn: { with: ["username", "email", "phone"], preferredUsername: true, caseSensitive: true },
        firstAuthFactors: ["password", "email_otp", "sms_otp"],
        password: { minLength: 12, requireLowercase: false, requireUppercase: false, requireNumbers: false, requireSymbols: false,
            temporaryPasswordValidityDays: 3 },
        mfa: { mode: "required", factors: ["totp", "sms", "email"] },
        threatProtection: {
            mode: "enforced", customAuth: "audit",
            compromisedCredentials: { action: "block", events: ["sign_in", "password_change"] },
            accountTakeover: { low: { action: "no_action" }, medium: { action: "mfa_if_configured", notify: true }, high: { action: "block", notify: true } },
            ipRanges: { alwaysAllow: ["203.0.113.0/24"], alwaysBlock: ["198.51.100.0/24", "2001:db8::/32"] },
        },
        deviceTracking: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true },
        accountRecovery: ["phone", "email"],
        selfSignUp: false,
        autoVerify: ["email", "phone"],
        keepOriginalUntilVerified: false,
        attributes: {
            required: ["email", "phone_number", "given_name"],
            custom: [
                { name: "tenant_id", type: "string", mutable: false, developerOnly: true, minLength: 1, maxLength: 64 },
                { name: "seats", type: "number", minValue: 1, maxValue: 500 },
                { name: "beta", type: "boolean" },
                { name: "joined", type: "datetime" },
            ],
        },
        email: { sender: "ses", from: "no-reply@example.com", fromName: "Example", replyTo: "support@example.com", configurationSet: "tracking" },
        verification: { method: "link", emailSubject: "Confirm your address", emailMessage: "Click {##Verify Email##}", smsMessage: "Code {####}" },
        sms: { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: "sms-external-id", snsRegion: "eu-west-1" },
        triggers: {
            ...Object.fromEntries(["preSignUp", "postConfirmation", "preAuthentication", "postAuthentication", "customMessage", "defineAuthChallenge",
                "createAuthChallenge", "verifyAuthChallengeResponse", "userMigration"].map((key) => [key, `arn:aws:lambda:us-east-1:123456789012:function:${key}`])),
            preTokenGeneration: { arn: "arn:aws:lambda:us-east-1:123456789012:function:claims:live", version: "V3_0" },
            customEmailSender: { arn: "arn:aws:lambda:us-east-1:123456789012:function:mailer" },
            customSmsSender: { arn: "arn:aws:lambda:us-east-1:123456789012:function:texter" },
            kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
        clients: [
            { name: "web", authFlows: ["user_srp", "user_auth"], refreshTokenRotation: { gracePeriodSeconds: 10 },
                readAttributes: ["email", "custom:tenant_id"], writeAttributes: ["email", "phone_number", "given_name", "custom:seats"],
                oauth: { flows: ["code", "implicit"], scopes: ["openid", "email"], callbackUrls: ["https://app.example.com/callback"],
                    logoutUrls: ["https://app.example.com/"], defaultRedirectUrl: "https://app.example.com/callback", identityProviders: ["COGNITO", "Google"] },
                branding: { settings: { categories: { global: { colorSchemeMode: "DARK" } } } } },
            { name: "admin", oauth: { flows: ["code"], callbackUrls: ["https://admin.example.com/callback"] }, branding: "cognito" },
            { name: "server", type: "confidential", authFlows: ["admin_user_password", "user_password", "custom", "refresh_token"],
                tokenValidity: { access: "15m", id: "2h", refresh: "7d", authSession: "10m" }, tokenRevocation: false, preventUserExistenceErrors: false,
                oauth: { flows: ["client_credentials"], scopes: ["api/read"] } },
            { name: "legacy", type: "confidential", generateSecret: false },
        ],
        groups: [
            { name: "admins", description: "Operators", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/admins" },
            { name: "readers" },
        ],
        resourceServers: [{ identifier: "api", name: "Example API", scopes: { read: "Read everything", write: "Change everything" } }],
        domain: { name: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d", managedLoginVersion: 2 },
        logs: {
            userNotification: { logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/shared/cognito-messages" },
            userAuthEvents: { logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/shared/cognito-activity" },
        },
        // Credentials as a stack file's secure: values reach the offline commands: the reader's placeholder.
        identityProviders: [
            { name: "Google", type: "google", clientId: "1example.apps.googleusercontent.com", clientSecret: "[secret]", scopes: ["openid", "email", "profile"],
                attributeMapping: { email: "email", phone_number: "phone", given_name: "given_name", "custom:seats": "seats", username: "sub" },
                idpIdentifiers: ["example.com", "corp example"] },
            { name: "SignInWithApple", type: "apple", clientId: "com.example.web", teamId: "TEAM123", keyId: "KEY123", privateKey: "[secret]",
                scopes: ["email", "name"], attributeMapping: { email: "email", phone_number: "phone", given_name: "firstName" } },
            { name: "Facebook", type: "facebook", clientId: "1234", clientSecret: "[secret]", scopes: ["public_profile", "email"], apiVersion: "v17.0",
                attributeMapping: { email: "email", phone_number: "phone", given_name: "first_name" } },
            { name: "LoginWithAmazon", type: "amazon", clientId: "amzn1.application-oa2-client.1", clientSecret: "[secret]", scopes: ["profile"],
                attributeMapping: { email: "email", phone_number: "phone", given_name: "name" } },
            { name: "Corp", type: "oidc", clientId: "corp-app", clientSecret: "[secret]", issuer: "https://login.example.com", scopes: ["openid"],
                attributesRequestMethod: "POST", authorizeUrl: "https://login.example.com/authorize", tokenUrl: "https://login.example.com/token",
                attributesUrl: "https://login.example.com/userinfo", jwksUri: "https://login.example.com/jwks",
                attributeMapping: { email: "email", phone_number: "phone", given_name: "given_name" } },
            { name: "Okta", type: "saml", metadataUrl: "https://example.okta.com/app/metadata", signOut: true, idpInitiated: true, encryptedResponses: true,
                requestSigningAlgorithm: "rsa-sha256", attributeMapping: { email: "mail", phone_number: "phone", given_name: "givenName" } },
            { name: "Adfs", type: "saml", metadataFile: "<EntityDescriptor entityID=\"https://adfs.example.com\"/>",
                attributeMapping: { email: "mail", phone_number: "phone", given_name: "givenName" } },
        ],
    },
    "email as the user name, a domain identity given by ARN, verification by code, passkeys": {
        signIn: { with: ["email"], caseSensitive: "unset" },
        firstAuthFactors: ["password", "web_authn"],
        passkeys: { userVerification: "required" },
        mfa: { mode: "optional", factors: ["totp"] },
        email: { sender: "ses", from: "no-reply@example.org", identity: "domain",
            identityArn: "arn:aws:ses:us-east-1:123456789012:identity/example.org" },
        verification: { method: "code", emailSubject: "Your code", emailMessage: "Your code is {####}" },
        clients: [{ name: "web" }],
        domain: { prefix: "example-org" },
        tier: "plus",
        logs: { userAuthEvents: { bucketArn: "arn:aws:s3:::example-org-sign-in-activity" } },
    },
    "a Plus pool sending its sign-in activity to Firehose": {
        tier: "plus",
        clients: [{ name: "web" }],
        logs: { userAuthEvents: { streamArn: "arn:aws:firehose:us-east-1:123456789012:deliverystream/sign-in-activity" } },
    },
};

const region = "us-east-1";
export const poolId = `${region}_RoundTrip1`;
export const settingsOf = (raw: RawStackSettings) => parseStackSettings(raw, { project: "cognito-user-pool", stack: "adopted", region });

/** The SES identity the program sends through once SES has verified it: the one given, or the one the stack makes. */
export function senderOf(settings: StackSettings) {
    const { email } = settings;
    if (email.sender !== "ses") {
        return undefined;
    }
    const identity = email.identity === "address" ? email.from! : email.from!.slice(email.from!.indexOf("@") + 1);
    return { arn: email.identityArn ?? `arn:aws:ses:${region}:123456789012:identity/${identity}`, verified: true };
}

const byName = (a: { name?: unknown }, b: { name?: unknown }) => String(a.name).localeCompare(String(b.name));

/** The inputs the program registers for a stack's pool and clients; the provider's `schemas` is a set. */
export function programInputs(settings: StackSettings) {
    const pool = plain(userPoolArgs(settings, senderOf(settings)));
    return {
        pool: { ...pool, schemas: [...pool.schemas ?? []].sort(byName) },
        clients: settings.clients.map((client) => plain(appClientArgs(client, poolId))),
        groups: settings.groups.map((group) => plain(userGroupArgs(group, poolId))),
        resourceServers: settings.resourceServers.map((server) => plain(resourceServerArgs(server, poolId))),
        domain: settings.domain && plain(userPoolDomainArgs(settings.domain, poolId)),
        // The samples name every destination: the stack makes no log group.
        logDelivery: settings.logs && plain(logDeliveryConfigurationArgs(settings.logs, poolId, {})),
        riskConfiguration: riskConfigurationArgs(settings.threatProtection, { sourceArn: senderOf(settings)?.arn ?? "", from: settings.email.from }) as
            Record<string, unknown> | undefined,
        // The samples' styles have no assets: an adopted style's images are gaps (saved to files by hand).
        brandings: Object.fromEntries(settings.clients.filter((client) => client.branding !== undefined).map((client) => [client.name,
            plain({ ...managedLoginBrandingArgs(client.branding!, () => { throw new Error("no asset in the samples"); }), userPoolId: poolId })])),
        identityProviders: settings.identityProviders.map((provider) => plain({ ...identityProviderArgs(provider), userPoolId: poolId })),
    };
}

/** What AWS describes after the program created the stack. */
export function liveOf(inputs: ReturnType<typeof programInputs>): LivePool {
    const { MfaConfig: mfa, ...pool } = describedPool(poolId, inputs.pool);
    const domain = inputs.domain && describedDomain(inputs.domain);
    // DescribeUserPool names the pool's prefix domain under Domain, its custom domain under CustomDomain.
    const domainOfPool = domain === undefined ? {} : domain.CustomDomainConfig ? { CustomDomain: domain.Domain } : { Domain: domain.Domain };
    return {
        region, pool: { ...pool, ...domainOfPool }, mfa, domain,
        ...(inputs.riskConfiguration === undefined ? {} : { riskConfiguration: describedRiskConfiguration(poolId, inputs.riskConfiguration) }),
        clients: inputs.clients.map((client, index) => describedClient(`client${index}`, client)),
        groups: inputs.groups.map(describedGroup),
        resourceServers: inputs.resourceServers.map(describedResourceServer),
        ...(inputs.logDelivery === undefined ? {} : { logDelivery: describedLogDelivery(inputs.logDelivery) }),
        brandings: Object.fromEntries(inputs.clients.flatMap((client, index) => {
            const style = inputs.brandings[String(client.name)];
            return style === undefined ? [] : [[`client${index}`, describedBranding(style)]];
        })),
        // The reader keeps no client secret (aws/read-pool.ts).
        identityProviders: inputs.identityProviders.map(describedIdentityProvider).map((provider) => provider.ProviderDetails?.client_secret === undefined
            ? provider : { ...provider, ProviderDetails: { ...provider.ProviderDetails, client_secret: redactedSecret } }),
    };
}
