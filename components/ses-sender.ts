import * as sesv2 from "@pulumi/aws/sesv2";
import * as pulumi from "@pulumi/pulumi";
import type { EmailSettings, SesSender } from "../config";
import { dkimRecords, DnsRecord, mailFromRecords, senderIdentityName, unverifiedSenderWarning } from "./sender-identity";

/** Where the sender's resources go. */
export interface SesSenderOptions {
    readonly parent: pulumi.Resource;
    /** Keep the identity in SES when Pulumi deletes or replaces it. */
    readonly retainOnDelete: boolean;
    readonly tags: Record<string, string>;
    /** An existing identity to adopt (Pulumi's import option). */
    readonly adopt?: string;
    /** The identity's name came from a secret config value. Default: false. */
    readonly secret?: boolean;
}

/** The SES side of a pool's email. */
export interface SesSenderResources {
    /** What the pool follows: the identity's ARN and whether SES lets it send yet. */
    readonly sender: pulumi.Output<SesSender>;
    /** The identity the stack created; absent for one given by `identityArn`. */
    readonly identity?: sesv2.EmailIdentity;
    /** The DNS records a domain identity needs (DKIM, and MAIL FROM when configured). */
    readonly dnsRecords?: pulumi.Output<DnsRecord[]>;
}

/** Route 53's TTL for the records; SES prescribes none. */
const recordTtlSeconds = 1800;

/**
 * The SES identity a pool sends through. One verified outside the stack (`identityArn`) is used as it is.
 * Otherwise the stack creates it: a new identity is unverified (the provider's Create reads it back at once),
 * and stays so in the state until a refresh reads it again (terraform-provider-aws
 * internal/service/sesv2/email_identity.go: `verified_for_sending_status` is Computed and set only by Read). While
 * unverified, the pool uses Cognito's sender and a warning says how to verify. A domain identity gets its DNS
 * records in the configured Route 53 zone, else they are an output to publish by hand.
 *
 * Changing the identity (`email_identity` is ForceNew) makes a new, unverified one: the pool falls back to
 * Cognito's sender until it is verified, so it never points at an identity SES would refuse.
 */
export function sesSender(name: string, email: EmailSettings, options: SesSenderOptions): SesSenderResources {
    if (email.identityArn !== undefined) {
        const sender = pulumi.output({ arn: email.identityArn, verified: true });
        return { sender: options.secret ? pulumi.secret(sender) : sender };
    }
    const identityName = senderIdentityName(email);
    const identity = new sesv2.EmailIdentity(`${name}-sender`,
        { emailIdentity: options.secret ? pulumi.secret(identityName) : identityName, tags: options.tags },
        { parent: options.parent, retainOnDelete: options.retainOnDelete, import: options.adopt });
    const dnsRecords = email.identity === "domain" ? domainRecords(name, identityName, identity, email, options.parent) : undefined;
    const sender = pulumi.all([identity.arn, identity.verifiedForSendingStatus, dnsRecords ?? []])
        .apply(([arn, verified, records]) => {
            if (!verified) {
                pulumi.log.warn(unverifiedSenderWarning({ email, identity: identityName, records }), identity);
            }
            return { arn, verified };
        });
    return { sender, identity, ...(dnsRecords ? { dnsRecords } : {}) };
}

/** A domain identity's DKIM records, and its custom MAIL FROM domain with its records; in Route 53 when a zone is set. */
function domainRecords(name: string, domain: string, identity: sesv2.EmailIdentity, email: EmailSettings,
    parent: pulumi.Resource): pulumi.Output<DnsRecord[]> {
    const dkim = identity.dkimSigningAttributes.apply((attributes) => dkimRecords(domain, attributes?.tokens ?? []));
    let mailFrom: pulumi.Output<DnsRecord[]> = pulumi.output([]);
    if (email.mailFromDomain !== undefined) {
        const mailFromDomain = email.mailFromDomain;
        new sesv2.EmailIdentityMailFromAttributes(`${name}-mail-from`,
            { emailIdentity: identity.emailIdentity, mailFromDomain }, { parent });
        const region = identity.arn.apply((arn) => arn.split(":")[3]);
        mailFrom = region.apply((known) => mailFromRecords(mailFromDomain, known));
    }
    if (email.hostedZoneId !== undefined) {
        // Easy DKIM gives a domain three tokens; MAIL FROM needs an MX and a TXT record.
        publishRecords(email.hostedZoneId, dkim, [1, 2, 3].map((n) => ({ name: `${name}-dkim-${n}`, type: "CNAME" })), parent);
        if (email.mailFromDomain !== undefined) {
            publishRecords(email.hostedZoneId, mailFrom,
                [{ name: `${name}-mail-from-mx`, type: "MX" }, { name: `${name}-mail-from-spf`, type: "TXT" }], parent);
        }
    }
    return pulumi.all([dkim, mailFrom]).apply(([dkimList, mailFromList]) => [...dkimList, ...mailFromList]);
}

/** The Route 53 records, one per expected record (its logical name and type), in order. */
function publishRecords(zoneId: string, records: pulumi.Output<DnsRecord[]>,
    expected: readonly { name: string; type: DnsRecord["type"] }[], parent: pulumi.Resource): void {
    // Loaded only for a hosted zone: every stack without one starts faster (npm run bench).
    const route53: typeof import("@pulumi/aws/route53") = require("@pulumi/aws/route53");
    expected.forEach(({ name, type }, index) => {
        const record = records.apply((list) => list[index]);
        new route53.Record(name, {
            zoneId,
            name: record.apply((known) => known.name),
            type,
            ttl: recordTtlSeconds,
            records: [record.apply((known) => known.value)],
        }, { parent });
    });
}
