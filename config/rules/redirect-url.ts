import { z } from "zod";

/*
 * Redirect URLs of an app client: CallbackURLs, LogoutURLs and DefaultRedirectURI of CreateUserPoolClient.
 * The API reference: "A redirect URI must: be an absolute URI; be registered with the authorization server;
 * not include a fragment component. Amazon Cognito requires HTTPS over HTTP except for http://localhost for
 * testing purposes only. App callback URLs such as myapp://example are also supported." Each is 1 to 1024
 * characters of the pattern `[\p{L}\p{M}\p{S}\p{N}\p{P}]+` (no spaces or control characters). "DefaultRedirectURI:
 * must be in the CallbackURLs list."
 * Our own security rule on top: never a javascript:, data: or vbscript: URL, which would run code or carry
 * content in the browser that follows the redirect.
 */
const redirectUrlPattern = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,1024}$/u;
const scriptSchemes = ["javascript", "data", "vbscript"];

function redirectUrlProblem(text: string): string | undefined {
    if (!redirectUrlPattern.test(text)) {
        return "expected a URL of 1 to 1024 characters without spaces or control characters";
    }
    let url: URL;
    try {
        url = new URL(text);
    } catch {
        return "expected an absolute URL like https://app.example.com/callback or myapp://callback";
    }
    const scheme = url.protocol.slice(0, -1);
    if (scriptSchemes.includes(scheme)) {
        return `${scheme}: URLs are never allowed: expected https://, http://localhost or an app scheme like myapp://`;
    }
    if (url.hash !== "" || text.includes("#")) {
        return "expected a URL without a fragment (#...)";
    }
    if (scheme === "http" && url.hostname !== "localhost") {
        return "expected https:// (http:// is allowed for localhost only)";
    }
    return undefined;
}

/** A callback, logout or default redirect URL. */
export const redirectUrl = z.string({ error: "expected an absolute URL" }).superRefine((text, ctx) => {
    const problem = redirectUrlProblem(text);
    if (problem !== undefined) {
        ctx.addIssue({ code: "custom", input: text, message: problem });
    }
});
