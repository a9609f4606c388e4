import { assertAccepted, assertProblems } from "../support/problems";

const email = (settings: Record<string, unknown>) => ({ email: { sender: "ses", from: "no-reply@example.com", ...settings } });
const key = "cognito-user-pool:email";

describe("email addresses (config/rules/email-address)", () => {
    it("accepts plus tags, dots, subdomains, reserved test domains and international domain names", () => {
        assertAccepted(email({ from: "no-reply+signup@mail.example.com", replyTo: "support.desk@example.test" }));
        assertAccepted(email({ from: "no-reply@xn--bcher-kva.example", replyTo: "support@bücher.example" }));
    });

    it("refuses a list of addresses, a doubled dot, a display name and a missing domain, saying why", () => {
        assertProblems(email({ from: "a,b@example.com", replyTo: "support@example..com" }), [
            `${key}.from: got "a,b@example.com"; expected an email address like name@example.com (address local part contains invalid character)`,
            `${key}.replyTo: got "support@example..com"; expected an email address like name@example.com (domain contains empty dot-separated segment)`,
        ]);
        assertProblems(email({ from: "Example <no-reply@example.com>", replyTo: "support@localhost" }), [
            `${key}.from: got "Example <no-reply@example.com>"; expected an email address like name@example.com (address local part contains invalid character)`,
            `${key}.replyTo: got "support@localhost"; expected an email address like name@example.com (domain lacks the minimum required number of segments)`,
        ]);
    });

    it("checks the SES identity to adopt as an address or a domain", () => {
        assertAccepted({ ...email({}), import: { senderIdentity: "example.com" } });
        assertAccepted({ ...email({}), import: { senderIdentity: "no-reply@example.com" } });
        assertProblems({ ...email({}), import: { senderIdentity: "example..com" } }, [
            `cognito-user-pool:import.senderIdentity: got "example..com"; expected an email address like name@example.com, or a domain like example.com`,
        ]);
    });
});
