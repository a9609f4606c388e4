/*
 * What the function writes to its log (CloudWatch Logs): decisions with a reason, never a password, a token, a
 * sub or a whole user name, email or phone number; an identity shows its first character (and an email the
 * first character and the top-level domain of its domain), enough to tell log lines apart, not to find the user.
 */

/** An identity as the log shows it: `alice@example.com` → `a***@e***.com`, `alice` → `a***`. */
export function masked(identity: string): string {
    const at = identity.lastIndexOf("@");
    if (at < 0) {
        return `${identity.slice(0, 1)}***`;
    }
    const domain = identity.slice(at + 1);
    const dot = domain.lastIndexOf(".");
    return `${identity.slice(0, 1)}***@${domain.slice(0, 1)}***${dot > 0 ? domain.slice(dot) : ""}`;
}

/** One log line, as JSON. */
export function logLine(fields: Record<string, unknown>): void {
    console.log(JSON.stringify(fields));
}
