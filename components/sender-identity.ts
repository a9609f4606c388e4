import type { EmailSettings } from "../config";

/** The SES identity that covers the FROM address: the address itself, or its domain. */
export function senderIdentityName(email: EmailSettings): string {
    if (email.from === undefined) {
        throw new Error("email through SES without a FROM address: the settings were not validated");
    }
    return email.identity === "domain" ? email.from.slice(email.from.lastIndexOf("@") + 1) : email.from;
}
