import { assertAccepted, assertProblems } from "../support/problems";

const lifetimes = (tokenValidity: Record<string, string>) => ({ clients: [{ name: "web", tokenValidity }] });
const key = "cognito-user-pool:clients[0].tokenValidity";

describe("token lifetimes (config/rules/token-validity)", () => {
    it("accepts access and ID tokens that live as long as the refresh token, whatever the units", () => {
        assertAccepted(lifetimes({ access: "1d", id: "24h", refresh: "1440m" }));
    });

    it("refuses access or ID tokens that outlive the refresh token", () => {
        assertProblems(lifetimes({ access: "2h", id: "1d", refresh: "90m" }), [
            `${key}.access: got "2h"; expected at most the refresh token's lifetime (refresh: 90m)`,
            `${key}.id: got "1d"; expected at most the refresh token's lifetime (refresh: 90m)`,
        ]);
    });
});
