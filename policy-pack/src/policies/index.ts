import type { Policies } from "@pulumi/policy";
import { attributesUnchanged } from "./attributes-unchanged";
import { clientSecretUnchanged } from "./client-secret-unchanged";
import { mfaInProtectedStack } from "./mfa-in-protected-stack";
import { passwordPolicyStrength } from "./password-policy";
import { poolNameUnchanged, poolNotRemoved } from "./pool-not-replaced";
import { preventUserExistenceErrors } from "./prevent-user-existence-errors";
import { protectedEnvironment } from "./protected-environment";
import { publicClientNoSecret } from "./public-client";
import { sesSender } from "./ses-sender";
import { signInOptionsUnchanged } from "./sign-in-options-unchanged";
import { tokenRevocation } from "./token-revocation";

export {
    attributesUnchanged,
    clientSecretUnchanged,
    mfaInProtectedStack,
    passwordPolicyStrength,
    poolNameUnchanged,
    poolNotRemoved,
    preventUserExistenceErrors,
    protectedEnvironment,
    publicClientNoSecret,
    sesSender,
    signInOptionsUnchanged,
    tokenRevocation,
};

/** Every policy of the pack, in the order of the catalogue. */
export const allPolicies: Policies = [
    signInOptionsUnchanged,
    attributesUnchanged,
    poolNameUnchanged,
    poolNotRemoved,
    clientSecretUnchanged,
    protectedEnvironment,
    passwordPolicyStrength,
    preventUserExistenceErrors,
    tokenRevocation,
    publicClientNoSecret,
    sesSender,
    mfaInProtectedStack,
];
