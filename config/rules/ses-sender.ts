// As rules/email-address.ts imports it.
import { analyzeDomain } from "@hapi/address/dist/domain";
import { z } from "zod";

/*
 * The email keys that say where the SES identity comes from and how it gets verified: an identity made outside
 * the stack (by ARN), or the stack's own, with its DNS records in a Route 53 hosted zone.
 */

/** `arn:aws:ses:<region>:<account>:identity/<address or domain>`, any AWS partition. */
const sesIdentityArnPattern = /^arn:aws[a-z-]*:ses:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):identity\/([^\s/]+)$/;

export const sesIdentityArn = z.string().regex(sesIdentityArnPattern, {
    error: "expected an SES identity ARN like arn:aws:ses:eu-west-1:123456789012:identity/example.com",
});

/** Route 53 hosted zone ids are `Z` followed by upper-case letters and digits (Z1D633PJN98FT9). */
export const route53ZoneId = z.string().regex(/^Z[A-Z0-9]{1,31}$/, {
    error: "expected a Route 53 hosted zone id like Z1D633PJN98FT9 (the id, not the zone's name)",
});

/** A domain of at least two labels, judged as rules/email-address.ts judges an address's domain. */
export const domainName = z.string().refine((text) => analyzeDomain(text) === null, { error: "expected a domain name like mail.example.com" });

/** The region, account and identity (address or domain) an SES identity ARN names. */
export function sesIdentityArnParts(arn: string): { region: string; account: string; identity: string } | undefined {
    const match = sesIdentityArnPattern.exec(arn);
    return match ? { region: match[1], account: match[2], identity: match[3] } : undefined;
}

/** The domain of an address: `example.com` for `no-reply@example.com`. */
export function domainOf(address: string): string {
    return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * Whether an identity lets SES send from an address: the same address, or the address's domain or a parent
 * domain of it (a verified domain covers its subdomains; SES developer guide, "Verified identities":
 * https://docs.aws.amazon.com/ses/latest/dg/verify-addresses-and-domains.html).
 */
export function identityCovers(identity: string, address: string): boolean {
    const id = identity.toLowerCase();
    if (id.includes("@")) {
        return id === address.toLowerCase();
    }
    const domain = domainOf(address);
    return domain === id || domain.endsWith(`.${id}`);
}

/** The SES-sender keys of `email`, as the email schema has parsed them. */
export interface SesSenderKeys {
    readonly from?: string;
    readonly identity: "address" | "domain";
    readonly identityArn?: string;
    readonly hostedZoneId?: string;
    readonly mailFromDomain?: string;
}

interface Issue {
    readonly path: string;
    readonly input: unknown;
    readonly message: string;
}

/** What is wrong with how the SES identity is chosen; empty when nothing is. The email schema reports these. */
export function sesSenderIssues(email: SesSenderKeys): Issue[] {
    const issues: Issue[] = [];
    if (email.identityArn !== undefined) {
        const identity = sesIdentityArnParts(email.identityArn)?.identity;
        if (identity !== undefined && email.from !== undefined && !identityCovers(identity, email.from)) {
            issues.push({ path: "identityArn", input: email.identityArn,
                message: `the identity ${identity} does not cover the FROM address ${email.from}: SES would refuse to send from it` });
        }
        for (const key of ["hostedZoneId", "mailFromDomain"] as const) {
            if (email[key] !== undefined) {
                issues.push({ path: key, input: email[key],
                    message: "applies to the identity this stack creates, not to one given by identityArn: remove one of them" });
            }
        }
        return issues;
    }
    if (email.identity !== "domain") {
        for (const key of ["hostedZoneId", "mailFromDomain"] as const) {
            if (email[key] !== undefined) {
                issues.push({ path: key, input: email[key],
                    message: "DNS records are for a domain identity: set identity: domain, or remove it" });
            }
        }
        return issues;
    }
    if (email.mailFromDomain !== undefined && email.from !== undefined) {
        const domain = domainOf(email.from);
        if (!email.mailFromDomain.toLowerCase().endsWith(`.${domain}`)) {
            // SES API reference, SetIdentityMailFromDomain / PutEmailIdentityMailFromAttributes: the MAIL FROM
            // domain must be a subdomain of the verified identity and must not receive email.
            issues.push({ path: "mailFromDomain", input: email.mailFromDomain,
                message: `expected a subdomain of ${domain} (the identity's domain) that receives no email, like bounce.${domain}` });
        }
    }
    return issues;
}

/**
 * An identity given by ARN must be in the stack's region, where the program itself would create one (Cognito
 * developer guide, "Email settings for Amazon Cognito user pools", SES identities and regions:
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html). Undefined when it is.
 */
export function identityRegionProblem(identityArn: string | undefined, stackRegion: string | undefined): string | undefined {
    const region = identityArn === undefined ? undefined : sesIdentityArnParts(identityArn)?.region;
    if (region === undefined || stackRegion === undefined || region === stackRegion) {
        return undefined;
    }
    return `got ${JSON.stringify(identityArn)}; the identity is in ${region} and the stack's pool in ${stackRegion} (aws:region): ` +
        `use an identity verified in ${stackRegion}`;
}
