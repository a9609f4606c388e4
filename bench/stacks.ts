import type { StackConfig } from "../stack-files/reader";

/* The stacks the bench evaluates beyond the project's own stack files. */

/** A stack's config with these keys set (as `pulumi config set --path` writes them) and these keys secret. */
export function withKeys(stack: StackConfig, keys: Record<string, unknown>, secretKeys: readonly string[] = []): StackConfig {
    return {
        ...stack,
        config: { ...stack.config, ...Object.fromEntries(Object.entries(keys).map(([key, value]) => [`cognito-user-pool:${key}`, JSON.stringify(value)])) },
        secretKeys: [...stack.secretKeys, ...secretKeys.map((key) => `cognito-user-pool:${key}`)],
    };
}

/** Hosted sign-in (issue 20): a custom domain with managed login and its alias, groups, a resource server, Google, a branded client, a machine client. */
export const hostedSignIn = {
    domain: { name: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d",
        route53ZoneId: "Z1D633PJN98FT9", managedLoginVersion: 2 },
    groups: [{ name: "admins", precedence: 1 }, { name: "readers" }],
    resourceServers: [{ identifier: "orders-api", name: "Orders API", scopes: { read: "Read orders", write: "Change orders" } }],
    identityProviders: [{ name: "Google", type: "google", clientId: "1234567890-abc.apps.googleusercontent.com", clientSecret: "bench-secret",
        scopes: ["openid", "email", "profile"], attributeMapping: { email: "email", username: "sub" } }],
    clients: [
        { name: "web", authFlows: ["user_srp"], refreshTokenRotation: { gracePeriodSeconds: 10 },
            oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/callback"], identityProviders: ["COGNITO", "Google"] },
            branding: { settings: { categories: { global: { colorSchemeMode: "DARK" } } } } },
        { name: "jobs", type: "confidential", authFlows: [], oauth: { flows: ["client_credentials"], scopes: ["orders-api/read"] } },
    ],
};

/** Issue 21 on top: plus tier, passkeys, threat protection, your own triggers, log delivery (the web client above rotates its refresh tokens). */
export const everyFeature = {
    ...hostedSignIn,
    tier: "plus",
    firstAuthFactors: ["password", "web_authn"],
    passkeys: { userVerification: "required" },
    threatProtection: { mode: "enforced", compromisedCredentials: { action: "block" }, accountTakeover: { high: { action: "block", notify: true } } },
    triggers: {
        preSignUp: "arn:aws:lambda:ap-northeast-2:123456789012:function:myapp-prod-pre-sign-up",
        preTokenGeneration: { arn: "arn:aws:lambda:ap-northeast-2:123456789012:function:myapp-prod-claims:live", version: "V2_0" },
    },
    logs: { userNotification: {}, userAuthEvents: { bucketArn: "arn:aws:s3:::example-sign-in-activity" } },
};
