import { strict as assert } from "assert";
import { regionOfUserPoolId } from "../../../config/rules/resource-ids";
import { assertAccepted, assertProblems } from "../support/problems";

const adopting = (ids: Record<string, unknown>) => ({ clients: [{ name: "web" }], import: ids });

describe("ids of resources to adopt (config/rules/resource-ids)", () => {
    it("accepts ids as the API writes them", () => {
        assertAccepted(adopting({ userPool: "ap-northeast-2_AbCdEf123", clients: { web: "1example23456789abcdefghij" } }));
        assertAccepted(adopting({ userPool: "us-gov-west-1_AbC", clients: { web: "a_b+c" } }));
    });

    it("refuses a user pool id that is not <region>_<id>", () => {
        for (const id of ["us-east-1-AbCdEf123", "us-east-1_", "us-east-1_Ab-Cd", `us-east-1_${"a".repeat(50)}`]) {
            const expected = id.length > 55 ? "expected a user pool id of at most 55 characters" : "expected a user pool id: <region>_<id>, like us-east-1_AbCdEf123";
            assertProblems(adopting({ userPool: id }), [`cognito-user-pool:import.userPool: got "${id}"; ${expected}`]);
        }
    });

    it("refuses a client id with characters the API's pattern does not allow", () => {
        assertProblems(adopting({ userPool: "us-east-1_AbC", clients: { web: "abc-def" } }), [
            `cognito-user-pool:import.clients.web: got "abc-def"; expected an app client id: letters, digits, _ and +`,
        ]);
    });

    it("reads the region a pool id starts with", () => {
        assert.equal(regionOfUserPoolId("ap-northeast-2_AbCdEf123"), "ap-northeast-2");
    });
});
