import { sesIdentityArnParts } from "../rules/ses-sender";
import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import type { ReadContext } from "./read-back";

/** `Name <address>`, `"Name" <address>` or a bare address (the reverse of fromEmailAddress). */
function parseFromAddress(from: string): { from: string; fromName?: string } {
    const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
    return match ? { from: match[2].trim(), ...(match[1] ? { fromName: match[1] } : {}) } : { from: from.trim() };
}

const sesOnlyFields = ["From", "ReplyToEmailAddress", "SourceArn", "ConfigurationSet"] as const;

/**
 * `userPool.email` read back from the pool's EmailConfiguration: Cognito's sender, or SES with the FROM address
 * and the identity (the address itself or its domain) in the pool's region, as the program makes it.
 */
export function readEmail(pool: UserPoolType, context: ReadContext) {
    const configuration = pool.EmailConfiguration ?? {};
    if ((configuration.EmailSendingAccount ?? "COGNITO_DEFAULT") === "COGNITO_DEFAULT") {
        for (const key of sesOnlyFields.filter((key) => configuration[key])) {
            context.gap(`EmailConfiguration.${key}`, configuration[key], "the config model sets it only for email sent through SES");
        }
        return { sender: "cognito" as const };
    }
    const arn = configuration.SourceArn ? sesIdentityArnParts(configuration.SourceArn) : undefined;
    if (arn === undefined) {
        context.gap("EmailConfiguration.SourceArn", configuration.SourceArn ?? null, "email through SES needs the ARN of an SES identity");
    }
    const address = parseFromAddress(configuration.From ?? arn?.identity ?? "");
    if (!configuration.From) {
        context.gap("EmailConfiguration.From", null, "not set (Cognito sends from the identity itself): the program always sets a FROM address");
    }
    const identity = arn === undefined || arn.identity === address.from ? "address" as const : "domain" as const;
    if (arn !== undefined && identity === "domain" && arn.identity !== address.from.slice(address.from.lastIndexOf("@") + 1)) {
        context.gap("EmailConfiguration.SourceArn", configuration.SourceArn,
            `the SES identity covers neither the FROM address ${address.from} nor its domain`);
    }
    if (arn !== undefined && arn.region !== context.region) {
        context.gap("EmailConfiguration.SourceArn", configuration.SourceArn,
            `the SES identity is in ${arn.region}: the program makes the sender identity in the stack's region (${context.region})`);
    }
    return {
        sender: "ses" as const,
        ...address,
        ...(configuration.ReplyToEmailAddress ? { replyTo: configuration.ReplyToEmailAddress } : {}),
        identity,
        ...(configuration.ConfigurationSet ? { configurationSet: configuration.ConfigurationSet } : {}),
    };
}
