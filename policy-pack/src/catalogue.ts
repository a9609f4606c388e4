/**
 * Every policy of the pack by name, with its default enforcement level and the config it takes.
 * Free of @pulumi/* imports so that the baseline command can build a config file without loading the pack.
 */

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export const POLICY_NAMES = {
    baselineOfThisStack: "cognito-baseline-of-this-stack",
    signInOptionsUnchanged: "cognito-sign-in-options-unchanged",
    attributesUnchanged: "cognito-attributes-unchanged",
    regionUnchanged: "cognito-region-unchanged",
    poolNotRemoved: "cognito-pool-not-removed",
    clientSecretUnchanged: "cognito-client-secret-unchanged",
    clientNotRemoved: "cognito-client-not-removed",
    groupUnchanged: "cognito-group-unchanged",
    resourceServerUnchanged: "cognito-resource-server-unchanged",
    groupsAndScopesKept: "cognito-groups-and-scopes-kept",
    domainUnchanged: "cognito-domain-unchanged",
    domainKept: "cognito-domain-kept",
    brandingUnchanged: "cognito-branding-unchanged",
    identityProviderUnchanged: "cognito-identity-provider-unchanged",
    identityProvidersKept: "cognito-identity-providers-kept",
    protectedEnvironment: "cognito-protected-environment",
    passwordPolicy: "cognito-password-policy-strength",
    preventUserExistenceErrors: "cognito-prevent-user-existence-errors",
    tokenRevocation: "cognito-token-revocation",
    publicClient: "cognito-public-client-no-secret",
    sesSender: "cognito-ses-sender",
    sesIdentityUnchanged: "cognito-ses-identity-unchanged",
    mfaInProtectedStack: "cognito-mfa-in-protected-stack",
    passkeysKept: "cognito-passkeys-kept",
    passkeysKeptAdvisory: "cognito-passkeys-kept-advisory",
    threatProtectionTier: "cognito-threat-protection-tier",
} as const;

export type PolicyName = (typeof POLICY_NAMES)[keyof typeof POLICY_NAMES];

/** A config property a policy reads. */
export type PolicyConfigKey = "baseline" | "protectedStacks" | "publicClients" | "retiredClients";

export interface PolicyCatalogueEntry {
    name: PolicyName;
    defaultLevel: EnforcementLevel;
    config: PolicyConfigKey[];
}

export const POLICY_CATALOGUE: readonly PolicyCatalogueEntry[] = [
    { name: POLICY_NAMES.baselineOfThisStack, defaultLevel: "mandatory", config: ["baseline"] },
    { name: POLICY_NAMES.signInOptionsUnchanged, defaultLevel: "mandatory", config: ["baseline"] },
    { name: POLICY_NAMES.attributesUnchanged, defaultLevel: "mandatory", config: ["baseline"] },
    { name: POLICY_NAMES.regionUnchanged, defaultLevel: "mandatory", config: ["baseline"] },
    { name: POLICY_NAMES.poolNotRemoved, defaultLevel: "mandatory", config: ["baseline"] },
    { name: POLICY_NAMES.clientSecretUnchanged, defaultLevel: "mandatory", config: ["baseline"] },
    { name: POLICY_NAMES.clientNotRemoved, defaultLevel: "mandatory", config: ["baseline", "retiredClients"] },
    { name: POLICY_NAMES.groupUnchanged, defaultLevel: "mandatory", config: ["baseline"] },
    { name: POLICY_NAMES.resourceServerUnchanged, defaultLevel: "mandatory", config: ["baseline"] },
    { name: POLICY_NAMES.groupsAndScopesKept, defaultLevel: "mandatory", config: ["baseline", "protectedStacks"] },
    { name: POLICY_NAMES.domainUnchanged, defaultLevel: "mandatory", config: ["baseline"] },
    { name: POLICY_NAMES.domainKept, defaultLevel: "mandatory", config: ["baseline", "protectedStacks"] },
    // A replaced style loses nothing a user holds (fixed-settings/table.ts, RESTYLED): advisory.
    { name: POLICY_NAMES.brandingUnchanged, defaultLevel: "advisory", config: ["baseline"] },
    { name: POLICY_NAMES.identityProviderUnchanged, defaultLevel: "mandatory", config: ["baseline"] },
    { name: POLICY_NAMES.identityProvidersKept, defaultLevel: "mandatory", config: ["baseline", "protectedStacks"] },
    { name: POLICY_NAMES.protectedEnvironment, defaultLevel: "mandatory", config: ["protectedStacks"] },
    { name: POLICY_NAMES.passwordPolicy, defaultLevel: "advisory", config: [] },
    { name: POLICY_NAMES.preventUserExistenceErrors, defaultLevel: "advisory", config: [] },
    { name: POLICY_NAMES.tokenRevocation, defaultLevel: "advisory", config: [] },
    { name: POLICY_NAMES.publicClient, defaultLevel: "advisory", config: ["publicClients"] },
    { name: POLICY_NAMES.sesSender, defaultLevel: "advisory", config: [] },
    { name: POLICY_NAMES.sesIdentityUnchanged, defaultLevel: "advisory", config: ["baseline"] },
    { name: POLICY_NAMES.mfaInProtectedStack, defaultLevel: "advisory", config: ["protectedStacks"] },
    { name: POLICY_NAMES.passkeysKept, defaultLevel: "mandatory", config: ["baseline", "protectedStacks"] },
    { name: POLICY_NAMES.passkeysKeptAdvisory, defaultLevel: "advisory", config: ["baseline", "protectedStacks"] },
    { name: POLICY_NAMES.threatProtectionTier, defaultLevel: "mandatory", config: ["baseline"] },
];

export function catalogueEntry(name: PolicyName): PolicyCatalogueEntry {
    const e = POLICY_CATALOGUE.find(x => x.name === name);
    if (!e) throw new Error(`no policy named "${name}"`);
    return e;
}

/** Where messages send the reader for what to do instead. */
export const README_FIXED_SECTION = 'policy-pack/README.md, section "Changing a setting fixed at creation"';
