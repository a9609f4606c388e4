import { strict as assert } from "assert";
import { parseStackSettings } from "../../config";
import { senderIdentityName } from "../../components";
import { evaluate, only, resourceTypes, stackConfig, withSettings } from "../support/program";

const email = (settings: Record<string, unknown>) =>
    parseStackSettings({ email: { sender: "ses", ...settings } }, { project: "p", stack: "s" }).email;

describe("the SES sender identity (components/sender-identity)", () => {
    it("verifies the FROM address itself by default, or its domain", () => {
        assert.equal(senderIdentityName(email({ from: "no-reply@mail.example.com" })), "no-reply@mail.example.com");
        assert.equal(senderIdentityName(email({ from: "no-reply@mail.example.com", identity: "domain" })), "mail.example.com");
    });

    it("exports a domain identity's DKIM tokens", async () => {
        const { outputs } = await evaluate(withSettings(stackConfig("dev"), {
            email: { sender: "ses", from: "no-reply@example.com", identity: "domain" },
        }));
        const sender = outputs.senderIdentity as { identity: string; dkimTokens: string[] };
        assert.equal(sender.identity, "example.com");
        assert.equal(sender.dkimTokens.length, 3);
    });

    it("is not created when email goes through Cognito's sender", async () => {
        const { resources, outputs } = await evaluate(withSettings(stackConfig("dev"), { email: { sender: "cognito" } }));
        assert.equal(resources.filter((resource) => resource.type === resourceTypes.senderIdentity).length, 0);
        assert.equal(outputs.senderIdentity, undefined);
        assert.deepEqual(only(resources, resourceTypes.userPool).inputs.emailConfiguration, { emailSendingAccount: "COGNITO_DEFAULT" });
    });
});
