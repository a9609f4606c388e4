import type { MockCallArgs, MockResourceArgs, MockResourceResult } from "@pulumi/pulumi/runtime";

/** The account id the offline cloud pretends to be. */
export const offlineAccountId = "123456789012";

/**
 * What AWS would report after creating each resource, derived from its inputs, so that outputs (ids, ARNs,
 * URLs, secrets) look like the real ones. Ids are stable for a given stack, name and region.
 */
export function offlineCloud(region: string) {
    return {
        newResource(args: MockResourceArgs): MockResourceResult {
            const suffix = stableSuffix(args.name);
            switch (args.type) {
                case "aws:cognito/userPool:UserPool": {
                    const id = args.id || `${region}_${suffix.slice(0, 9)}`;
                    return { id, state: {
                        ...args.inputs,
                        arn: `arn:aws:cognito-idp:${region}:${offlineAccountId}:userpool/${id}`,
                        endpoint: `cognito-idp.${region}.amazonaws.com/${id}`,
                    } };
                }
                case "aws:cognito/userPoolClient:UserPoolClient": {
                    const id = args.id?.split("/")[1] || suffix.padEnd(26, "0");
                    return { id, state: {
                        ...args.inputs,
                        ...(args.inputs.generateSecret ? { clientSecret: `offline-secret-${suffix}` } : {}),
                    } };
                }
                case "aws:sesv2/emailIdentity:EmailIdentity": {
                    const identity: string = args.inputs.emailIdentity;
                    const isDomain = !identity.includes("@");
                    return { id: identity, state: {
                        ...args.inputs,
                        arn: `arn:aws:ses:${region}:${offlineAccountId}:identity/${identity}`,
                        identityType: isDomain ? "DOMAIN" : "EMAIL_ADDRESS",
                        verifiedForSendingStatus: false,
                        dkimSigningAttributes: { tokens: isDomain ? [1, 2, 3].map((n) => `${suffix}dkim${n}`) : [] },
                    } };
                }
                default:
                    return { id: args.id || `${args.name}-id`, state: args.inputs };
            }
        },
        call(args: MockCallArgs) {
            return args.inputs;
        },
    };
}

function stableSuffix(name: string): string {
    let hash = 2166136261;
    for (const char of name) {
        hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    }
    return hash.toString(36).padStart(7, "0") + name.replace(/[^a-z0-9]/gi, "").slice(0, 6);
}
