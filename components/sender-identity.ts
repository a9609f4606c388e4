import { EmailSettings, fromEmailAddress } from "../config";

/** The SES identity that covers the FROM address: the address itself, or its domain. */
export function senderIdentityName(email: EmailSettings): string {
    if (email.from === undefined) {
        throw new Error("email through SES without a FROM address: the settings were not validated");
    }
    return email.identity === "domain" ? email.from.slice(email.from.lastIndexOf("@") + 1) : email.from;
}

/** A DNS record SES needs, as Route 53 takes it (`value` is the one record value). */
export interface DnsRecord {
    readonly name: string;
    readonly type: "CNAME" | "MX" | "TXT";
    readonly value: string;
}

/**
 * Easy DKIM: one CNAME per token SES gives a domain identity, `<token>._domainkey.<domain>` →
 * `<token>.dkim.amazonses.com` (SES developer guide, "Easy DKIM in Amazon SES":
 * https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html). SES verifies the domain
 * once it sees them, within 72 hours.
 */
export function dkimRecords(domain: string, tokens: readonly string[]): DnsRecord[] {
    return tokens.map((token) => ({ name: `${token}._domainkey.${domain}`, type: "CNAME", value: `${token}.dkim.amazonses.com` }));
}

/**
 * A custom MAIL FROM domain: an MX record to SES's feedback endpoint of the identity's region, priority 10,
 * and an SPF record allowing SES to send for it (SES developer guide, "Using a custom MAIL FROM domain":
 * https://docs.aws.amazon.com/ses/latest/dg/mail-from.html).
 */
export function mailFromRecords(mailFromDomain: string, region: string): DnsRecord[] {
    return [
        { name: mailFromDomain, type: "MX", value: `10 feedback-smtp.${region}.amazonses.com` },
        { name: mailFromDomain, type: "TXT", value: "v=spf1 include:amazonses.com ~all" },
    ];
}

/** What the warning about an identity SES has not verified yet needs to say. */
export interface UnverifiedSender {
    readonly email: EmailSettings;
    readonly identity: string;
    /** The records to publish for a domain identity; empty for an address. */
    readonly records: readonly DnsRecord[];
}

/**
 * The warning of a deployment whose SES identity is not verified for sending yet: who the pool sends as for now,
 * how to verify the identity, and how the pool then switches to SES.
 */
export function unverifiedSenderWarning({ email, identity, records }: UnverifiedSender): string {
    const howToVerify = identity.includes("@")
        ? `click the link SES has emailed to ${identity}`
        : email.hostedZoneId !== undefined
            ? `nothing to do: the stack has created its DNS records in Route 53 hosted zone ${email.hostedZoneId}, and SES ` +
              "sees them within 72 hours"
            : `publish these DNS records of ${identity} (SES sees them within 72 hours; also in the senderIdentity.dnsRecords output):\n` +
              records.map((record) => `    ${record.name}  ${record.type}  ${record.value}`).join("\n");
    return `SES has not verified ${identity} for sending yet, so the user pool sends its email with Cognito's default ` +
        "sender (COGNITO_DEFAULT, 50 emails a day) for now.\n" +
        `To verify it: ${howToVerify}\n` +
        "Once SES shows it verified, run `pulumi up --refresh` (or `npm run up -- --stack <stack> --refresh`): the refresh " +
        `reads the verified identity and the pool switches to SES, sending as ${fromEmailAddress(email)}.`;
}
