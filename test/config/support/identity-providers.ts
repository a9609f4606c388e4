import type { IdentityProviderInput } from "../../../config";

/** One identity provider of each type, as a stack file writes it (credentials in plain text: tests only). */
export const google = {
    name: "Google", type: "google", clientId: "1example.apps.googleusercontent.com", clientSecret: "google-secret",
    scopes: ["openid", "email", "profile"], attributeMapping: { email: "email", username: "sub" },
} satisfies IdentityProviderInput;
export const apple = { name: "SignInWithApple", type: "apple", clientId: "com.example.web", teamId: "TEAM123", keyId: "KEY123",
    privateKey: "-----BEGIN PRIVATE KEY-----\nMIG...\n-----END PRIVATE KEY-----", scopes: ["email", "name"], attributeMapping: { email: "email" } } satisfies IdentityProviderInput;
export const facebook = { name: "Facebook", type: "facebook", clientId: "1234", clientSecret: "fb-secret", scopes: ["public_profile", "email"],
    apiVersion: "v17.0", attributeMapping: { email: "email" } } satisfies IdentityProviderInput;
export const amazon = { name: "LoginWithAmazon", type: "amazon", clientId: "amzn1.application-oa2-client.1", clientSecret: "amzn-secret",
    scopes: ["profile"], attributeMapping: { email: "email" } } satisfies IdentityProviderInput;
export const oidc = { name: "Corp", type: "oidc", clientId: "corp-app", clientSecret: "corp-secret", issuer: "https://login.example.com",
    scopes: ["openid", "email"], attributeMapping: { email: "email" }, idpIdentifiers: ["example.com"] } satisfies IdentityProviderInput;
export const saml = { name: "Okta", type: "saml", metadataUrl: "https://example.okta.com/app/metadata", signOut: true,
    attributeMapping: { email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" } } satisfies IdentityProviderInput;

