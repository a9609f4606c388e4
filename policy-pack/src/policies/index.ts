import type { Policies } from "@pulumi/policy";
import { attributesUnchanged } from "./attributes-unchanged";
import { baselineOfThisStack } from "./baseline-of-this-stack";
import { brandingUnchanged } from "./branding-unchanged";
import { clientNotRemoved } from "./client-not-removed";
import { clientSecretUnchanged } from "./client-secret-unchanged";
import { domainKept } from "./domain-kept";
import { domainUnchanged } from "./domain-unchanged";
import { groupUnchanged } from "./group-unchanged";
import { groupsAndScopesKept } from "./groups-and-scopes-kept";
import { identityProvidersKept } from "./identity-providers-kept";
import { identityProviderUnchanged } from "./identity-provider-unchanged";
import { mfaInProtectedStack } from "./mfa-in-protected-stack";
import { passkeysKept, passkeysKeptAdvisory } from "./passkeys-kept";
import { passwordPolicyStrength } from "./password-policy";
import { poolNotRemoved } from "./pool-not-replaced";
import { preventUserExistenceErrors } from "./prevent-user-existence-errors";
import { protectedEnvironment } from "./protected-environment";
import { publicClientNoSecret } from "./public-client";
import { regionUnchanged } from "./region-unchanged";
import { resourceServerUnchanged } from "./resource-server-unchanged";
import { sesIdentityUnchanged } from "./ses-identity-unchanged";
import { sesSender } from "./ses-sender";
import { signInOptionsUnchanged } from "./sign-in-options-unchanged";
import { threatProtectionTier } from "./threat-protection-tier";
import { tokenRevocation } from "./token-revocation";

export {
    attributesUnchanged,
    baselineOfThisStack,
    brandingUnchanged,
    clientNotRemoved,
    clientSecretUnchanged,
    domainKept,
    domainUnchanged,
    groupUnchanged,
    groupsAndScopesKept,
    identityProviderUnchanged,
    identityProvidersKept,
    mfaInProtectedStack,
    passkeysKept,
    passkeysKeptAdvisory,
    passwordPolicyStrength,
    poolNotRemoved,
    preventUserExistenceErrors,
    protectedEnvironment,
    publicClientNoSecret,
    regionUnchanged,
    resourceServerUnchanged,
    sesIdentityUnchanged,
    sesSender,
    signInOptionsUnchanged,
    threatProtectionTier,
    tokenRevocation,
};

/** Every policy of the pack, in the order of the catalogue. */
export const allPolicies: Policies = [
    baselineOfThisStack,
    signInOptionsUnchanged,
    attributesUnchanged,
    regionUnchanged,
    poolNotRemoved,
    clientSecretUnchanged,
    clientNotRemoved,
    groupUnchanged,
    resourceServerUnchanged,
    groupsAndScopesKept,
    domainUnchanged,
    domainKept,
    brandingUnchanged,
    identityProviderUnchanged,
    identityProvidersKept,
    protectedEnvironment,
    passwordPolicyStrength,
    preventUserExistenceErrors,
    tokenRevocation,
    publicClientNoSecret,
    sesSender,
    sesIdentityUnchanged,
    mfaInProtectedStack,
    passkeysKept,
    passkeysKeptAdvisory,
    threatProtectionTier,
];
