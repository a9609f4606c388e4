import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime";
import type { MockCallArgs, MockResourceArgs, MockResourceResult } from "@pulumi/pulumi/runtime";

/** The account id the offline cloud pretends to be. */
export const offlineAccountId = "123456789012";

/**
 * The physical id of a resource the stack has already deployed, by its type and logical name; undefined for a
 * resource that would be created.
 */
export type DeployedIdOf = (type: string, name: string) => string | undefined;

/** The outputs a deployed resource has in the stack's state, by its type and logical name. */
export type DeployedOutputsOf = (type: string, name: string) => Record<string, unknown> | undefined;

/** What SES reports about an identity, not set by the program: a deployed identity keeps what its state says. */
const sesIdentityStatus = ["verifiedForSendingStatus", "verificationStatus", "dkimSigningAttributes"] as const;

/**
 * What AWS would report after creating each resource, derived from its inputs, so that outputs (ids, ARNs,
 * URLs, secrets) look like the real ones. A deployed resource keeps its deployed id, as in a real preview (a
 * client's userPoolId is then the deployed pool's); a new one gets an id stable for its stack, name and region.
 */
export function offlineCloud(stack: string, region: string, deployedIdOf: DeployedIdOf = () => undefined,
    deployedOutputsOf: DeployedOutputsOf = () => undefined) {
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
                    const identity: string = revealed(args.inputs.emailIdentity);
                    const isDomain = !identity.includes("@");
                    const deployed = deployedOutputsOf(args.type, args.name);
                    // A new identity is unverified, as the provider's Create reads it back. An adopted one is the
                    // identity a live pool sends through, which SES had verified (Cognito refuses DEVELOPER otherwise).
                    const verified = Boolean(args.id);
                    return { id: identity, state: {
                        ...args.inputs,
                        arn: `arn:aws:ses:${region}:${offlineAccountId}:identity/${identity}`,
                        identityType: isDomain ? "DOMAIN" : "EMAIL_ADDRESS",
                        verifiedForSendingStatus: verified,
                        verificationStatus: verified ? "SUCCESS" : "PENDING",
                        dkimSigningAttributes: { tokens: isDomain ? [1, 2, 3].map((n) => `${suffix}dkim${n}`) : [] },
                        ...(deployed?.emailIdentity === identity
                            ? Object.fromEntries(sesIdentityStatus.filter((key) => key in deployed).map((key) => [key, deployed[key]]))
                            : {}),
                    } };
                }
                case "aws:cognito/userPoolDomain:UserPoolDomain": {
                    const domain: string = args.inputs.domain;
                    // DescribeUserPoolDomain names a CloudFront distribution for a custom domain only.
                    const custom = args.inputs.certificateArn !== undefined;
                    return { id: args.id || domain, state: {
                        ...args.inputs,
                        cloudfrontDistribution: custom ? `d${suffix.slice(0, 13)}.cloudfront.net` : "",
                        cloudfrontDistributionZoneId: "Z2FDTNDATAQYW2",
                        version: "20261206000000",
                    } };
                }
                case "aws:iam/role:Role": {
                    const name = args.inputs.name ?? `${args.name}-${suffix.slice(0, 7)}`;
                    const path: string = args.inputs.path ?? "/";
                    return { id: name, state: { ...args.inputs, name, arn: `arn:aws:iam::${offlineAccountId}:role${path}${name}` } };
                }
                case "aws:lambda/function:Function": {
                    const name = args.inputs.name ?? `${args.name}-${suffix.slice(0, 7)}`;
                    return { id: name, state: {
                        ...args.inputs,
                        name,
                        arn: `arn:aws:lambda:${region}:${offlineAccountId}:function:${name}`,
                    } };
                }
                case "aws:cloudwatch/logGroup:LogGroup": {
                    const name = args.inputs.name ?? `${args.name}-${suffix.slice(0, 7)}`;
                    return { id: name, state: { ...args.inputs, name, arn: `arn:aws:logs:${region}:${offlineAccountId}:log-group:${name}` } };
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

/**
 * A value as a provider or a policy gets it, secrets unwrapped: the SDK's deserializer hands a secret over with
 * its marker, `{ [specialSigKey]: specialSecretSig, value }`, on the object that holds it.
 */
export function revealed(value: any): any {
    if (Array.isArray(value)) {
        return value.map(revealed);
    }
    // Only plain maps: assets and archives are kept as they are.
    if (value === null || typeof value !== "object" || ![Object.prototype, null].includes(Object.getPrototypeOf(value))) {
        return value;
    }
    if (value[specialSigKey] === specialSecretSig) {
        return revealed(value.value);
    }
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, revealed(inner)]));
}

function stableSuffix(key: string): string {
    let hash = 2166136261;
    for (const char of key) {
        hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    }
    return hash.toString(36).padStart(7, "0") + key.split("/").pop()!.replace(/[^a-z0-9]/gi, "").slice(0, 6);
}
