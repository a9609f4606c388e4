// @hapi/address's two modules that judge addresses and domains (5.1.1, pinned): its index also loads its IP and URI
// parsers and @hapi/hoek, about 30 modules, at every run of the program (npm run bench).
import { analyzeDomain } from "@hapi/address/dist/domain";
import { analyzeEmail } from "@hapi/address/dist/email";
import { z } from "zod";

/*
 * Addresses are judged by @hapi/address (the parser behind joi's email()): an RFC 5322 dot-atom local part
 * (quoted local parts, which mail providers rarely accept, are refused) and an RFC 5321/1035 domain of at least
 * two labels: `a,b@example.com` (a comma outside quotes) and `x@example..com` (an empty domain label) are
 * refused, as SES refuses them. Top-level domains are not checked against a list (the library checks
 * them only against one it is given): such a list goes stale between releases.
 */

const example = "an email address like name@example.com";

/** Why a text is not an email address, lower-cased for a message; undefined when it is one. */
function addressProblem(text: string): string | undefined {
    return analyzeEmail(text)?.error.toLowerCase();
}

/** An email address (no display name: the FROM name is a setting of its own). */
export const emailAddress = z.string({ error: `expected ${example}` }).superRefine((text, ctx) => {
    const problem = addressProblem(text);
    if (problem !== undefined) {
        ctx.addIssue({ code: "custom", input: text, message: `expected ${example} (${problem})` });
    }
});

/** An SES identity: an email address, or a domain (SESv2 CreateEmailIdentity, EmailIdentity). */
export const sesIdentity = z.string({ error: `expected ${example}, or a domain like example.com` })
    .superRefine((text, ctx) => {
        const valid = text.includes("@") ? addressProblem(text) === undefined : analyzeDomain(text) === null;
        if (!valid) {
            ctx.addIssue({ code: "custom", input: text, message: `expected ${example}, or a domain like example.com` });
        }
    });
