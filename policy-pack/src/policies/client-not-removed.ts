import { POLICY_NAMES } from "../catalogue";
import { readRetiredClients } from "../policy-config";
import { USER_POOL_CLIENT_TYPE, deployedStackPolicy } from "./common";
import { nameOfUrn, undeclared } from "./declared-urns";

export const README_RETIRE_SECTION = 'policy-pack/README.md, section "Retiring an app client"';

/**
 * Every deployed app client is still in the stack, under its URN or as an alias, unless its URN is listed in
 * retiredClients. Otherwise Pulumi deletes it (removed from the program) or replaces it (new logical name or
 * parent without an alias): a new client id, and every app configured with the old one stops signing in.
 * Changing a client's `name` input is an update (UpdateUserPoolClient takes ClientName) and passes.
 * A stack policy: a removed resource is never sent to a resource policy.
 */
export const clientNotRemoved = deployedStackPolicy(
    POLICY_NAMES.clientNotRemoved,
    "Every app client in the baseline is still declared by the stack (same URN, or an alias), unless listed in retiredClients: otherwise Pulumi deletes or replaces it, and apps using its client id stop signing in. The policy config npm run baseline writes makes it mandatory for a protected stack and advisory for any other.",
    (args, report, baseline) => {
        const retired = new Set(readRetiredClients(args.getConfig<Record<string, unknown>>(), POLICY_NAMES.clientNotRemoved));
        for (const [urn, client] of undeclared(baseline.clients, args.resources, USER_POOL_CLIENT_TYPE)) {
            if (retired.has(urn)) continue;
            report(
                [
                    `UserPoolClient "${nameOfUrn(urn)}" (${urn}) is deployed (client id ${client.id}, name "${client.name}") but the stack no longer declares it under that URN.`,
                    `  deployed: ${urn}`,
                    `  new:      (absent)`,
                    `  why: Pulumi would delete the client, and every app configured with client id ${client.id} stops signing in; if only its logical name or parent changed, Pulumi creates a new client with a new client id and deletes this one. (Changing the client's name input is an update and passes.)`,
                    `  instead: keep declaring the client with the same logical name and parent, or give the renamed resource the alias \`aliases: ["${urn}"]\`; to retire it on purpose, add its URN to retiredClients in this policy's config; see ${README_RETIRE_SECTION}.`,
                ].join("\n"),
            );
        }
    },
);
