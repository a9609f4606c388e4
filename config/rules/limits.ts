/** Cognito's quotas and ranges that config is validated against (Cognito quotas page and API reference). */
export const cognitoLimits = {
    passwordMinLength: { min: 6, max: 99 },
    temporaryPasswordValidityDays: { min: 0, max: 365 },
    customAttributeNameLength: { min: 1, max: 20 },
    customAttributes: 50,
    stringAttributeLength: { min: 0, max: 2048 },
    clientsPerPool: 1000,
    urlsPerClient: 100,
    scopesPerClient: 50,
    /** Token and auth-session lifetimes, in minutes. */
    tokenValidity: {
        access: { min: 5, max: 24 * 60 },
        id: { min: 5, max: 24 * 60 },
        refresh: { min: 60, max: 3650 * 24 * 60 },
        authSession: { min: 3, max: 15 },
    },
} as const;

/** The standard attributes of every user pool (OpenID Connect claims), as Cognito names them. */
export const standardAttributes = [
    "address", "birthdate", "email", "family_name", "gender", "given_name", "locale", "middle_name", "name",
    "nickname", "phone_number", "picture", "preferred_username", "profile", "updated_at", "website", "zoneinfo",
] as const;

export type StandardAttribute = (typeof standardAttributes)[number];
