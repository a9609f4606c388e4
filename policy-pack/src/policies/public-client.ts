import { POLICY_NAMES } from "../catalogue";
import { isUnknown, readKnown } from "../fixed-settings/unknown";
import { readPublicClients } from "../policy-config";
import { USER_POOL_CLIENT_TYPE, label, reportAbout, resourcePolicy } from "./common";

/**
 * A client is meant for browsers or devices (public) when it has no secret, or when its name is listed in the
 * config's publicClients. A listed client must not have a secret; no public client may use client_credentials.
 */
export const publicClientNoSecret = resourcePolicy(
    POLICY_NAMES.publicClient,
    USER_POOL_CLIENT_TYPE,
    "An app client meant for browsers or devices (no secret, or named in publicClients) has no client secret and no client_credentials OAuth flow.",
    (args, report) => {
        const listed = readPublicClients(args.getConfig<Record<string, unknown>>(), POLICY_NAMES.publicClient);
        const name = readKnown(() => args.props.name as unknown);
        const secret = readKnown(() => args.props.generateSecret === true);
        const flows = readKnown(() => {
            const f = args.props.allowedOauthFlows;
            return Array.isArray(f) ? f.map(x => String(x)) : [];
        });
        const isListed = !isUnknown(name) && typeof name === "string" && listed.includes(name);
        if (isListed && secret === true) {
            reportAbout(report, args.type, ["generateSecret"],
                `${label(args)} is a public client (listed in publicClients) but has generateSecret true.\n` +
                    "  why: a secret shipped to a browser or device is not secret, and amazon-cognito-identity-js cannot send one.\n" +
                    "  instead: create a new client without a secret for the browser or device app (a client's secret is fixed at creation: changing generateSecret replaces the client and its id).",
            );
        }
        const isPublic = isListed || secret === false;
        if (isPublic && !isUnknown(flows) && flows.includes("client_credentials")) {
            reportAbout(report, args.type, ["allowedOauthFlows"],
                `${label(args)} is a public client${isListed ? " (listed in publicClients)" : " (no client secret)"} but allows the OAuth flow client_credentials.\n` +
                    "  why: client_credentials is machine-to-machine sign-in with the client secret; a browser or device cannot keep one.\n" +
                    '  instead: remove "client_credentials" from allowedOauthFlows, and use a separate confidential client (with a secret) on a server for it.',
            );
        }
    },
);
