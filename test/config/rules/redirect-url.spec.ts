import { assertAccepted, assertProblems } from "../support/problems";

/** The domain that serves the clients' OAuth endpoints. */
const domain = { prefix: "example-auth" };

const withCallbacks = (callbackUrls: unknown[], more: Record<string, unknown> = {}) =>
    ({ domain, clients: [{ name: "web", oauth: { flows: ["code"], callbackUrls, ...more } }] });
const key = "cognito-user-pool:clients[0].oauth";

describe("redirect URLs (config/rules/redirect-url)", () => {
    it("accepts https, http on localhost and app schemes", () => {
        assertAccepted(withCallbacks(["https://app.example.com/callback", "http://localhost:3000/cb", "myapp://callback"]));
    });

    it("refuses javascript:, data: and vbscript: URLs, whatever their case", () => {
        assertProblems(withCallbacks(["javascript:alert(1)", "DATA:text/html,<p>", "vbscript:msgbox"]), [
            `${key}.callbackUrls[0]: got "javascript:alert(1)"; javascript: URLs are never allowed: expected https://, http://localhost or an app scheme like myapp://`,
            `${key}.callbackUrls[1]: got "DATA:text/html,<p>"; data: URLs are never allowed: expected https://, http://localhost or an app scheme like myapp://`,
            `${key}.callbackUrls[2]: got "vbscript:msgbox"; vbscript: URLs are never allowed: expected https://, http://localhost or an app scheme like myapp://`,
        ]);
    });

    it("refuses http other than on localhost", () => {
        assertProblems(withCallbacks(["http://app.example.com/cb", "http://127.0.0.1/cb"]), [
            `${key}.callbackUrls[0]: got "http://app.example.com/cb"; expected https:// (http:// is allowed for localhost only)`,
            `${key}.callbackUrls[1]: got "http://127.0.0.1/cb"; expected https:// (http:// is allowed for localhost only)`,
        ]);
    });

    it("refuses a fragment, even an empty one", () => {
        assertProblems(withCallbacks(["https://app.example.com/#/signed-in", "https://app.example.com/#"]), [
            `${key}.callbackUrls[0]: got "https://app.example.com/#/signed-in"; expected a URL without a fragment (#...)`,
            `${key}.callbackUrls[1]: got "https://app.example.com/#"; expected a URL without a fragment (#...)`,
        ]);
    });

    it("refuses relative URLs, spaces and URLs over 1024 characters", () => {
        const long = `https://app.example.com/${"a".repeat(1001)}`;
        assertProblems(withCallbacks(["/callback", " https://app.example.com", long]), [
            `${key}.callbackUrls[0]: got "/callback"; expected an absolute URL like https://app.example.com/callback or myapp://callback`,
            `${key}.callbackUrls[1]: got " https://app.example.com"; expected a URL of 1 to 1024 characters without spaces or control characters`,
            `${key}.callbackUrls[2]: got "${long.slice(0, 76)}...; expected a URL of 1 to 1024 characters without spaces or control characters`,
        ]);
    });

    it("applies the same rules to logout URLs and the default redirect URL", () => {
        assertProblems(withCallbacks(["https://app.example.com/cb"], { logoutUrls: ["http://app.example.com/bye"], defaultRedirectUrl: "javascript:void(0)" }), [
            `${key}.logoutUrls[0]: got "http://app.example.com/bye"; expected https:// (http:// is allowed for localhost only)`,
            `${key}.defaultRedirectUrl: got "javascript:void(0)"; javascript: URLs are never allowed: expected https://, http://localhost or an app scheme like myapp://`,
            `${key}.defaultRedirectUrl: got "javascript:void(0)"; expected one of the callbackUrls`,
        ]);
    });
});
