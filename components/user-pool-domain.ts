import * as cognito from "@pulumi/aws/cognito";
import * as pulumi from "@pulumi/pulumi";
import { cloudFrontZoneId, DomainSettings, domainUrl, userPoolDomainArgs } from "../config";

/** A pool's domain and the base URL of its endpoints. */
export interface PoolDomain {
    readonly resource: cognito.UserPoolDomain;
    /** `https://<prefix>.auth.<region>.amazoncognito.com` or `https://<custom name>`. */
    readonly url: pulumi.Output<string>;
}

export interface UserPoolDomainArgs {
    readonly settings: DomainSettings;
    readonly userPool: cognito.UserPool;
    readonly parent: pulumi.Resource;
    /** Adopt the existing domain (the provider imports it by its domain string). Default: false. */
    readonly adopt?: boolean;
}

/**
 * The pool's domain and, for a custom domain in a given Route 53 zone, the alias A record to the CloudFront
 * distribution Cognito serves it from (developer guide, cognito-user-pools-add-custom-domain: "add an alias
 * record ... to the CloudFront distribution"; the provider's `cloudfront_distribution` output).
 */
export function userPoolDomain(name: string, args: UserPoolDomainArgs): PoolDomain {
    const { settings, parent } = args;
    const resource = new cognito.UserPoolDomain(`${name}-domain`, userPoolDomainArgs(settings, args.userPool.id),
        { parent, import: args.adopt ? settings.prefix ?? settings.name : undefined });
    if (settings.name !== undefined && settings.route53ZoneId !== undefined) {
        // Loaded only for a zone: every other stack starts faster (npm run bench).
        const route53: typeof import("@pulumi/aws/route53") = require("@pulumi/aws/route53");
        new route53.Record(`${name}-domain-alias`, {
            zoneId: settings.route53ZoneId,
            name: settings.name,
            type: "A",
            aliases: [{ name: resource.cloudfrontDistribution, zoneId: cloudFrontZoneId, evaluateTargetHealth: false }],
        }, { parent });
    }
    const region = args.userPool.arn.apply((arn) => arn.split(":")[3]);
    // From the resource's outputs: the URL exists once the domain does.
    const url = pulumi.all([resource.domain, region]).apply(([created, known]) =>
        domainUrl(settings.name !== undefined ? { name: created } : { prefix: created }, known));
    return { resource, url };
}
