import { strict as assert } from "assert";
import { describeSesAccount } from "../../aws/ses-account";

describe("the SES account's sandbox status (aws/ses-account)", () => {
    it("says what the sandbox means for a pool's emails, and how to leave it", () => {
        const line = describeSesAccount({ region: "eu-west-1", productionAccess: false, max24HourSend: 200, maxSendRate: 1 });
        assert.match(line, /^SES account in eu-west-1: in the sandbox, up to 200 emails a day, 1 a second\./);
        assert.match(line, /cannot email sign-up codes to its users: request production access/);
    });

    it("reports production access with its quota", () => {
        assert.equal(describeSesAccount({ region: "eu-west-1", productionAccess: true, max24HourSend: 50000, maxSendRate: 14 }),
            "SES account in eu-west-1: production access, up to 50000 emails a day, 14 a second.");
    });
});
