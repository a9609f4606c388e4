import { strict as assert } from "assert";
import { appClientArgs, parseStackSettings, ReadContext, refreshTokenRotationArgs, refreshTokenRotationFromDescribed } from "../../../config";
import { assertProblems, context } from "../support/problems";

const rotating = (rotation: Record<string, unknown>, authFlows: string[] = ["user_srp"]) =>
    ({ clients: [{ name: "web", authFlows, refreshTokenRotation: rotation }] });

/** A read context that keeps what it is told. */
function recording() {
    const told: string[] = [];
    const read: ReadContext = { region: "eu-west-1", gap: (setting, live, why) => told.push(`gap ${setting}: ${JSON.stringify(live)}, ${why}`),
        note: (setting, note) => told.push(`note ${setting}: ${note}`) };
    return { told, read };
}

describe("clients[].refreshTokenRotation (config/catalogue/refresh-token-rotation)", () => {
    it("is off unless given; given, its grace period defaults to 0 (the rotated-out token is invalid at once)", () => {
        assert.equal(parseStackSettings({}, context).clients[0].refreshTokenRotation, undefined);
        assert.deepStrictEqual(parseStackSettings(rotating({}), context).clients[0].refreshTokenRotation, { gracePeriodSeconds: 0 });
        assert.deepStrictEqual(parseStackSettings(rotating({ gracePeriodSeconds: 60 }), context).clients[0].refreshTokenRotation, { gracePeriodSeconds: 60 });
    });

    it("refuses a grace period outside RefreshTokenRotationType's 0 to 60 seconds, and an unknown key, naming each", () => {
        assertProblems(rotating({ gracePeriodSeconds: 61 }), [
            "cognito-user-pool:clients[0].refreshTokenRotation.gracePeriodSeconds: got 61; expected a whole number from 0 to 60",
        ]);
        assertProblems(rotating({ gracePeriodSeconds: 2.5 }), [
            "cognito-user-pool:clients[0].refreshTokenRotation.gracePeriodSeconds: got 2.5; expected a whole number from 0 to 60",
        ]);
        assertProblems(rotating({ gracePeriod: 10 }), [
            "cognito-user-pool:clients[0].refreshTokenRotation.gracePeriod: unknown key; allowed here: gracePeriodSeconds",
        ]);
    });

    it("refuses rotation with the refresh_token flow, naming both keys: Cognito refreshes a rotating client only with GetTokensFromRefreshToken", () => {
        // The default flows, [user_srp, refresh_token], include it: a client turning rotation on must say its flows.
        assertProblems({ clients: [{ name: "web", refreshTokenRotation: { gracePeriodSeconds: 5 } }] }, [
            `cognito-user-pool:clients[0].authFlows: got ["user_srp","refresh_token"]; refresh_token (REFRESH_TOKEN_AUTH) cannot be used with ` +
                "refreshTokenRotation: Cognito refreshes such a client's tokens only with GetTokensFromRefreshToken; " +
                "remove refresh_token from authFlows, or remove refreshTokenRotation",
        ]);
        parseStackSettings(rotating({ gracePeriodSeconds: 5 }, ["user_srp", "user_auth"]), context);
    });

    describe("tier: none named for rotation (RefreshTokenRotationType, the developer guide's refresh-token page)", () => {
        for (const tier of ["lite", "essentials", "plus"]) {
            it(`${tier}: accepted`, () => {
                assert.deepStrictEqual(parseStackSettings({ tier, ...rotating({ gracePeriodSeconds: 5 }) }, context).clients[0].refreshTokenRotation,
                    { gracePeriodSeconds: 5 });
            });
        }
    });

    it("always sends retryGracePeriodSeconds with ENABLED (terraform-provider-aws #50027), and no block without rotation", () => {
        assert.deepStrictEqual(refreshTokenRotationArgs({ gracePeriodSeconds: 0 }), { refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 0 } });
        assert.deepStrictEqual(refreshTokenRotationArgs(undefined), {});
        const [client] = parseStackSettings(rotating({ gracePeriodSeconds: 30 }), context).clients;
        assert.deepStrictEqual(appClientArgs(client, "eu-west-1_AbCdEf123").refreshTokenRotation, { feature: "ENABLED", retryGracePeriodSeconds: 30 });
        assert.equal("refreshTokenRotation" in appClientArgs(parseStackSettings({}, context).clients[0], "eu-west-1_AbCdEf123"), false);
    });

    it("reads DescribeUserPoolClient's RefreshTokenRotation back: ENABLED with its grace period; DISABLED or absent as none", () => {
        const { told, read } = recording();
        assert.deepStrictEqual(refreshTokenRotationFromDescribed({ RefreshTokenRotation: { Feature: "ENABLED", RetryGracePeriodSeconds: 15 } }, read),
            { gracePeriodSeconds: 15 });
        assert.equal(refreshTokenRotationFromDescribed({ RefreshTokenRotation: { Feature: "DISABLED", RetryGracePeriodSeconds: 0 } }, read), undefined);
        assert.equal(refreshTokenRotationFromDescribed({}, read), undefined);
        assert.deepStrictEqual(refreshTokenRotationFromDescribed({ RefreshTokenRotation: { Feature: "ENABLED" } }, read), { gracePeriodSeconds: 0 });
        assert.deepStrictEqual(told, ["note RefreshTokenRotation.RetryGracePeriodSeconds: not reported: assumed 0, the grace period disabled"]);
    });
});
