import { POLICY_NAMES } from "../catalogue";
import type { BaselineIdentityProvider } from "../fixed-settings/types";
import { IDENTITY_PROVIDER_TYPE, protectedDeployedStackPolicy } from "./common";
import { removedMessage, undeclared } from "./declared-urns";

export const README_IDENTITY_PROVIDERS_SECTION = 'policy-pack/README.md, section "Identity providers"';

/**
 * In a protected stack (protectedStacks) every deployed identity provider is still declared, under its URN or as
 * an alias. The program names each after its provider name, fixed at creation (terraform-provider-aws
 * identity_provider.go: provider_name ForceNew), so a renamed provider is a removed one plus a new one. A stack
 * policy: a removed resource is never sent to a resource policy.
 */
export const identityProvidersKept = protectedDeployedStackPolicy(
    POLICY_NAMES.identityProvidersKept,
    "In a protected stack every deployed identity provider is still declared (same URN, or an alias): otherwise Pulumi deletes it, and its federated users can no longer sign in.",
    (args, report, baseline) => {
        for (const [urn, provider] of undeclared<BaselineIdentityProvider>(baseline.identityProviders ?? {}, args.resources, IDENTITY_PROVIDER_TYPE)) {
            report(removedMessage(urn, `identity provider "${provider.providerName}" (${provider.id})`, [
                `Pulumi would delete the identity provider: every user who signs in through "${provider.providerName}" is refused, ` +
                    "and app clients that list it fail to update.",
                "A provider's name and type are fixed at creation, so a renamed provider is this one deleted and a new one created, " +
                    "whose users get new profiles (a new sub) at their next sign-in.",
            ], `keep "${provider.providerName}" in cognito-user-pool:identityProviders (its details, attributeMapping and idpIdentifiers change in place); ` +
                "to replace it, add the new provider beside it, list it in the clients' oauth.identityProviders, move its users, " +
                "then remove the old one in an update with this policy's level set to advisory", README_IDENTITY_PROVIDERS_SECTION));
        }
    },
);
