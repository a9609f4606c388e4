import { assertAccepted, assertProblems } from "../support/problems";

const withSet = (configurationSet: unknown) => ({ email: { sender: "ses", from: "no-reply@example.com", configurationSet } });
const key = "cognito-user-pool:email.configurationSet";
const allowed = "expected an SES configuration set name: 1 to 64 letters, digits, - or _";

describe("SES names (config/rules/ses-names)", () => {
    it("accepts a configuration set name of up to 64 letters, digits, - and _", () => {
        assertAccepted(withSet("cognito_emails-2026"));
        assertAccepted(withSet("a".repeat(64)));
    });

    it("refuses spaces, dots, an empty name and a name over 64 characters", () => {
        assertProblems(withSet("cognito emails"), [`${key}: got "cognito emails"; ${allowed}`]);
        assertProblems(withSet("cognito.emails"), [`${key}: got "cognito.emails"; ${allowed}`]);
        assertProblems(withSet(""), [`${key}: got ""; ${allowed}`]);
        assertProblems(withSet("a".repeat(65)), [`${key}: got "${"a".repeat(65)}"; ${allowed}`]);
    });
});
