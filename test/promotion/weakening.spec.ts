import * as assert from "assert";
import { weakening } from "../../promotion/weakening";

describe("weakening: changes that lower what protects a pool's users", () => {
    const web = { client: "web" };

    it("names MFA lowered, protection turned off, longer-lived tokens and a weaker password policy", () => {
        assert.strictEqual(weakening(["mfa", "mode"], "required", "optional"), "weaker MFA");
        assert.strictEqual(weakening(["mfa", "mode"], "optional", "off"), "weaker MFA");
        assert.strictEqual(weakening(["userPool", "deletionProtection"], true, false), "no deletion protection");
        assert.strictEqual(weakening(["protect"], true, false), "no longer protected by Pulumi");
        assert.strictEqual(weakening(["clients", web, "tokenValidity", "refresh"], "7d", "30d"), "tokens valid longer");
        assert.strictEqual(weakening(["clients", web, "tokenValidity", "access"], "15m", "1h"), "tokens valid longer");
        assert.strictEqual(weakening(["password", "minLength"], 12, 8), "shorter passwords");
        assert.strictEqual(weakening(["password", "requireNumbers"], true, false), "fewer kinds of characters in passwords");
        assert.strictEqual(weakening(["password", "temporaryPasswordValidityDays"], 1, 7), "temporary passwords valid longer");
        assert.strictEqual(weakening(["clients", web, "tokenRevocation"], true, false), "tokens no longer revocable");
        assert.strictEqual(weakening(["clients", web, "preventUserExistenceErrors"], true, false), "sign-in errors tell which users exist");
        assert.strictEqual(weakening(["clients", web, "refreshTokenRotation", "gracePeriodSeconds"], 0, undefined), "refresh tokens no longer rotated");
        assert.strictEqual(weakening(["clients", web, "refreshTokenRotation", "gracePeriodSeconds"], 0, 30), "a rotated-out refresh token valid longer");
    });

    it("leaves alone a change that strengthens, keeps or does not bear on protection", () => {
        assert.strictEqual(weakening(["mfa", "mode"], "off", "required"), undefined);
        assert.strictEqual(weakening(["clients", web, "tokenValidity", "refresh"], "30d", "1d"), undefined);
        assert.strictEqual(weakening(["password", "minLength"], 8, 12), undefined);
        assert.strictEqual(weakening(["password", "requireSymbols"], false, true), undefined);
        assert.strictEqual(weakening(["accountRecovery"], ["email"], ["phone"]), undefined);
        assert.strictEqual(weakening(["clients", web], undefined, { name: "web" }), undefined);
        assert.strictEqual(weakening(["clients", web, "refreshTokenRotation", "gracePeriodSeconds"], undefined, 10), undefined);
        assert.strictEqual(weakening(["clients", web, "refreshTokenRotation", "gracePeriodSeconds"], 30, 0), undefined);
    });
});
