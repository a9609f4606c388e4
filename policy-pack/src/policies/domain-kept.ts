import { POLICY_NAMES } from "../catalogue";
import type { BaselineDomain } from "../fixed-settings/types";
import { USER_POOL_DOMAIN_TYPE, protectedDeployedStackPolicy } from "./common";
import { removedMessage, undeclared } from "./declared-urns";

export const README_DOMAIN_SECTION = 'policy-pack/README.md, section "The domain"';

/**
 * In a protected stack (protectedStacks) a deployed domain is still declared, under its URN or as an alias: a
 * stack policy, since a removed resource is never sent to a resource policy. Without it Pulumi deletes the domain
 * (terraform-provider-aws user_pool_domain.go, DeleteUserPoolDomain), and with it the pool's hosted sign-in pages
 * and OAuth endpoints.
 */
export const domainKept = protectedDeployedStackPolicy(
    POLICY_NAMES.domainKept,
    "In a protected stack a deployed domain is still declared (same URN, or an alias): otherwise Pulumi deletes it, and the hosted sign-in pages and OAuth endpoints every app and identity provider uses go with it.",
    (args, report, baseline) => {
        for (const [urn, domain] of undeclared<BaselineDomain>(baseline.domains ?? {}, args.resources, USER_POOL_DOMAIN_TYPE)) {
            report(removedMessage(urn, `domain "${domain.domain}"`, [
                `Pulumi would delete the domain: its sign-in pages and its /oauth2/authorize, /oauth2/token and /logout endpoints stop answering, ` +
                    "so every app's hosted sign-in and every identity provider's redirect to it fail.",
            ], `keep cognito-user-pool:domain as deployed ("${domain.domain}"; its managedLoginVersion and a custom domain's certificateArn change in place); ` +
                "to move to another domain, give it to a successor pool (successor.domain) or create it outside the stack, move apps and " +
                "identity providers to its URLs, then change cognito-user-pool:domain in an update with this policy's level set to advisory",
            README_DOMAIN_SECTION));
        }
    },
);
