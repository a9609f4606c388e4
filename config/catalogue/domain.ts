import type { DomainDescriptionType } from "@aws-sdk/client-cognito-identity-provider";
import type { UserPoolDomainArgs } from "@pulumi/aws/cognito";
import type { Input } from "@pulumi/pulumi";
import { USER_POOL_DOMAIN_TYPE } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import { route53ZoneId } from "../rules/ses-sender";
import { problem, section, setting } from "./define";
import { ReadContext, reportedOr } from "./read-back";
import { withoutUnset } from "./without-unset";

/*
 * The pool's domain, which serves the hosted sign-in pages and the OAuth endpoints: aws.cognito.UserPoolDomain.
 * CreateUserPoolDomain (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html):
 * Domain 1 to 63 characters of `^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$` for a prefix (the prefix alone, served as
 * `<prefix>.auth.<region>.amazoncognito.com`), the fully-qualified name for a custom domain; a prefix may not hold
 * "aws", "amazon" or "cognito"; ManagedLoginVersion 1 (hosted UI, classic) or 2 (managed login); a custom domain
 * takes CustomDomainConfig.CertificateArn, an ACM certificate in US East (N. Virginia): "The certificate must be in
 * the US East (N. Virginia) Region" (developer guide, Using your own domain,
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-add-custom-domain.html), and an alias
 * record in the domain's DNS to the CloudFront distribution Cognito returns. terraform-provider-aws
 * (internal/service/cognitoidp/user_pool_domain.go): `domain` validated StringLenBetween(1, 63). Read back from
 * DescribeUserPoolDomain's DomainDescription.
 */

const prefixPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
export const reservedInPrefix = ["aws", "amazon", "cognito"] as const;

const prefix = z.string()
    .regex(prefixPattern, { error: "expected 1 to 63 lower-case letters, digits or hyphens, starting and ending with a letter or digit" })
    .refine((text) => !reservedInPrefix.some((word) => text.includes(word)),
        { error: `expected a prefix without ${reservedInPrefix.join(", ")} (reserved by Cognito)` });

/** A fully-qualified name of at least two labels, each 1 to 63 letters, digits or hyphens, at most 63 in all (the provider's limit). */
const customDomainName = z.string()
    .regex(/^(?=.{1,63}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        { error: "expected a lower-case domain name of at most 63 characters, like auth.example.com" });

/** `arn:aws:acm:us-east-1:<account>:certificate/<id>`: only us-east-1 serves Cognito's CloudFront distribution. */
const acmArnPattern = /^arn:aws[a-z-]*:acm:([a-z]{2}(?:-[a-z]+)+-\d+):\d{12}:certificate\/[\w-]+$/;
const certificateArn = z.string().superRefine((text, ctx) => {
    const match = acmArnPattern.exec(text);
    if (match === null) {
        ctx.addIssue({ code: "custom", input: text, message: "expected an ACM certificate ARN like arn:aws:acm:us-east-1:123456789012:certificate/<id>" });
    } else if (match[1] !== "us-east-1") {
        ctx.addIssue({ code: "custom", input: text,
            message: `expected a certificate in us-east-1, not ${match[1]}: Cognito serves a custom domain through CloudFront, which takes certificates from US East (N. Virginia) only` });
    }
});

export const managedLoginVersions = { classic: 1, managedLogin: 2 } as const;

/** The Route 53 hosted zone id of every CloudFront distribution, the alias target's zone (Route 53 API, AliasTarget). */
export const cloudFrontZoneId = "Z2FDTNDATAQYW2";

export const domain = section({
    prefix: setting(prefix.optional(), {
        doc: "A Cognito prefix domain: the sign-in pages at `https://<prefix>.auth.<region>.amazoncognito.com`. Unique in the region.",
        allowed: `1 to 63 lower-case letters, digits or hyphens, not starting or ending with a hyphen; without ${reservedInPrefix.join(", ")}`,
        input: "domain",
        describe: "Domain",
    }),
    name: setting(customDomainName.optional(), {
        doc: "A custom domain instead of a prefix, like `auth.example.com`; needs `certificateArn`.",
        allowed: "a lower-case domain name of at most 63 characters",
        input: "domain",
        describe: "Domain",
    }),
    certificateArn: setting(certificateArn.optional(), {
        doc: "The ACM certificate of the custom domain `name`; it must be in us-east-1 whatever the pool's region.",
        allowed: "an ACM certificate ARN in us-east-1",
        input: "certificateArn",
        describe: "CustomDomainConfig.CertificateArn",
    }),
    route53ZoneId: setting(route53ZoneId.optional(), {
        doc: "A Route 53 hosted zone of the custom domain: the stack adds the alias A record to the CloudFront distribution Cognito returns. " +
            "Without it, create that record yourself.",
        allowed: "a hosted zone id, with `name` only",
    }),
    managedLoginVersion: setting(z.union([z.literal(1), z.literal(2)], { error: "expected 1 (hosted UI, classic) or 2 (managed login)" })
        .default(managedLoginVersions.classic), {
        doc: "1: the classic hosted UI; 2: managed login, which shows a page only for clients with a managed login branding style.",
        defaultText: "1 (the classic hosted UI, which needs no branding style)",
        allowed: "1 or 2",
        input: "managedLoginVersion",
        describe: "ManagedLoginVersion",
    }),
}, {
    doc: "The pool's domain, for the hosted sign-in pages and the OAuth endpoints: a Cognito `prefix`, or a custom `name` " +
        "with its `certificateArn`. Needed by every client with OAuth flows. Default: none. See [Domain and sign-in pages](domain.md).",
    resourceType: USER_POOL_DOMAIN_TYPE,
    checks: [(domain, ctx) => {
        if ((domain.prefix === undefined) === (domain.name === undefined)) {
            problem(ctx, ["prefix"], domain.prefix, "expected either prefix (a Cognito domain) or name (a custom domain), not both and not neither");
        }
        if (domain.name !== undefined && domain.certificateArn === undefined) {
            problem(ctx, ["certificateArn"], undefined, `the custom domain ${domain.name} needs an ACM certificate in us-east-1`);
        }
        if (domain.name === undefined && domain.certificateArn !== undefined) {
            problem(ctx, ["certificateArn"], domain.certificateArn, "a certificate is for a custom domain: give name, or remove certificateArn");
        }
        if (domain.name === undefined && domain.route53ZoneId !== undefined) {
            problem(ctx, ["route53ZoneId"], domain.route53ZoneId, "an alias record is for a custom domain: give name, or remove route53ZoneId");
        }
    }],
    wrap: (object) => object.optional(),
});

/** The domain's settings, parsed (defaults applied). */
export type DomainSettings = NonNullable<z.output<typeof domain.schema>>;
/** The domain as a stack file writes it. */
export type DomainInput = NonNullable<z.input<typeof domain.schema>>;

/** The domain's aws.cognito.UserPoolDomain inputs: a prefix or a custom name is the provider's `domain`. */
export function userPoolDomainArgs(settings: DomainSettings, userPoolId: Input<string>): UserPoolDomainArgs {
    return withoutUnset({
        domain: settings.prefix ?? settings.name ?? "",
        certificateArn: settings.certificateArn,
        managedLoginVersion: settings.managedLoginVersion,
        userPoolId,
    });
}

/** The domain's settings read back from DescribeUserPoolDomain's DomainDescription; nothing when it names no domain. */
export function domainFromDescribed(described: DomainDescriptionType, context: ReadContext): DomainInput | undefined {
    const { Domain: name, CustomDomainConfig: custom } = described;
    if (name === undefined || name === "") {
        return undefined;
    }
    const version = reportedOr(described.ManagedLoginVersion, managedLoginVersions.classic, "ManagedLoginVersion", context);
    if (version !== managedLoginVersions.classic && version !== managedLoginVersions.managedLogin) {
        context.gap("ManagedLoginVersion", version, "the config model knows managed login versions 1 and 2");
    }
    return {
        ...(custom?.CertificateArn === undefined ? { prefix: name } : { name, certificateArn: custom.CertificateArn }),
        managedLoginVersion: version === managedLoginVersions.managedLogin ? managedLoginVersions.managedLogin : managedLoginVersions.classic,
    };
}

/** The base URL of a domain's endpoints (`/oauth2/authorize`, `/login`, ...). */
export function domainUrl(value: { prefix?: string; name?: string }, region: string): string {
    return value.name !== undefined ? `https://${value.name}` : `https://${value.prefix}.auth.${region}.amazoncognito.com`;
}
