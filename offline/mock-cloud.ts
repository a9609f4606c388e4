import type { MockCallArgs, MockResourceArgs, MockResourceResult } from "@pulumi/pulumi/runtime";

/** The account id the offline cloud pretends to be. */
export const offlineAccountId = "123456789012";

/**
 * The physical id of a resource the stack has already deployed, by its type and logical name; undefined for a
 * resource that would be created.
 */
export type DeployedIdOf = (type: string, name: string) => string | undefined;

/**
 * What AWS would report after creating each resource, derived from its inputs, so that outputs (ids, ARNs,
 * URLs, secrets) look like the real ones. A deployed resource keeps its deployed id, as in a real preview (a
 * client's userPoolId is then the deployed pool's); a new one gets an id stable for its stack, name and region.
 */
export function offlineCloud(stack: string, region: string, deployedIdOf: DeployedIdOf = () => undefined) {
    return {
        newResource(args: MockResourceArgs): MockResourceResult {
            const suffix = stableSuffix(`${stack}/${args.name}`);
            const deployedId = deployedIdOf(args.type, args.name);
            switch (args.type) {
                case "aws:cognito/userPool:UserPool": {
                    const id = args.id || deployedId || `${region}_${suffix.slice(0, 9)}`;
                    return { id, state: {
                        ...args.inputs,
                        arn: `arn:aws:cognito-idp:${region}:${offlineAccountId}:userpool/${id}`,
                        endpoint: `cognito-idp.${region}.amazonaws.com/${id}`,
                    } };
                }
                case "aws:cognito/userPoolClient:UserPoolClient": {
                    const id = args.id?.split("/")[1] || deployedId || suffix.padEnd(26, "0");
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

function stableSuffix(key: string): string {
    let hash = 2166136261;
    for (const char of key) {
        hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    }
    return hash.toString(36).padStart(7, "0") + key.split("/").pop()!.replace(/[^a-z0-9]/gi, "").slice(0, 6);
}
