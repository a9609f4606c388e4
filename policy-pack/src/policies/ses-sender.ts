import { POLICY_NAMES } from "../catalogue";
import { isUnknown, readKnown } from "../fixed-settings/unknown";
import { USER_POOL_TYPE, label, reportAbout, resourcePolicy } from "./common";

/** The e-mail address in a FROM value, which may carry a display name: `Name <a@b.c>` or `a@b.c`. */
export function emailAddressOf(from: string): string | undefined {
    const angle = /<([^<>]+)>\s*$/.exec(from);
    const address = (angle ? angle[1] : from).trim();
    return /^[^\s@]+@[^\s@]+$/.test(address) ? address : undefined;
}

/** The identity (address or domain) of an SES identity ARN, or undefined when it is not one. */
export function sesIdentityOf(arn: string): { region: string; account: string; identity: string } | undefined {
    const m = /^arn:aws[a-z-]*:ses:([a-z0-9-]+):(\d{12}):identity\/(.+)$/.exec(arn);
    return m ? { region: m[1], account: m[2], identity: m[3] } : undefined;
}

/**
 * Whether an SES identity covers an address: the same address, or the address's domain is the identity's
 * domain or one of its subdomains (SES lets a verified domain send from its subdomains). Case-insensitive.
 */
export function identityCovers(identity: string, address: string): boolean {
    const id = identity.toLowerCase();
    const addr = address.toLowerCase();
    if (id.includes("@")) {
        return id === addr;
    }
    const domain = addr.slice(addr.lastIndexOf("@") + 1);
    return domain === id || domain.endsWith(`.${id}`);
}

/**
 * With the DEVELOPER email sending account (SES), the pool has a sourceArn that is an SES identity, and a
 * fromEmailAddress whose address the identity covers. An unknown sourceArn (an identity created in the same
 * update) skips only the coverage check.
 */
export const sesSender = resourcePolicy(
    POLICY_NAMES.sesSender,
    USER_POOL_TYPE,
    "A user pool sending e-mail through SES (emailSendingAccount DEVELOPER) has a sourceArn naming an SES identity and a fromEmailAddress that identity covers.",
    (args, report) => {
        const account = readKnown(() => args.props.emailConfiguration?.emailSendingAccount as unknown);
        if (account !== "DEVELOPER") return; // COGNITO_DEFAULT, absent, or unknown
        const sourceArn = readKnown(() => args.props.emailConfiguration.sourceArn as unknown);
        const from = readKnown(() => args.props.emailConfiguration.fromEmailAddress as unknown);
        const what = `${label(args)} sends e-mail through SES (emailSendingAccount DEVELOPER)`;
        const problems: string[] = [];
        let arnProblem = false;
        let notCovered = false;

        let identity: string | undefined;
        if (!isUnknown(sourceArn)) {
            if (typeof sourceArn !== "string" || sourceArn === "") {
                arnProblem = true;
                problems.push("emailConfiguration.sourceArn is absent: Cognito needs the ARN of a verified SES identity in this account");
            } else {
                const parsed = sesIdentityOf(sourceArn);
                if (!parsed) {
                    arnProblem = true;
                    problems.push(`emailConfiguration.sourceArn ${JSON.stringify(sourceArn)} is not an SES identity ARN (arn:aws:ses:<region>:<account>:identity/<address or domain>)`);
                } else {
                    identity = parsed.identity;
                }
            }
        }
        if (!isUnknown(from)) {
            if (typeof from !== "string" || from === "") {
                problems.push("emailConfiguration.fromEmailAddress is absent: set the address users receive e-mail from (it may carry a display name, `Name <a@b.c>`)");
            } else {
                const address = emailAddressOf(from);
                if (!address) {
                    problems.push(`emailConfiguration.fromEmailAddress ${JSON.stringify(from)} holds no e-mail address`);
                } else if (identity !== undefined && !identityCovers(identity, address)) {
                    notCovered = true;
                    problems.push(
                        `emailConfiguration.fromEmailAddress ${JSON.stringify(address)} is not covered by the SES identity "${identity}" of sourceArn: SES refuses to send from it`,
                    );
                }
            }
        }
        if (problems.length > 0) {
            reportAbout(report, args.type, ["emailConfiguration"],
                `${what}, but:\n  - ${problems.join("\n  - ")}\n` +
                    (arnProblem || notCovered
                        ? "  instead: point sourceArn at a verified SES identity (address or domain) in the same account and region that covers the FROM address, or send from an address it covers."
                        : "  instead: set fromEmailAddress to an address the SES identity covers (a display name is fine: `Name <address>`)."),
            );
        }
    },
);
