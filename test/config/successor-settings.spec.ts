import { strict as assert } from "assert";
import { parseStackSettings } from "../../config";
import { problemsOf as problemsIn } from "./support/problems";

const context = { project: "cognito-user-pool", stack: "prod" };
const current = {
    userPool: { name: "myapp-prod" }, signIn: { with: ["username"] }, mfa: { mode: "optional" }, attributes: { custom: [{ name: "tenant", type: "string" }] },
    clients: [{ name: "web" }, { name: "server", type: "confidential", authFlows: ["admin_user_password", "refresh_token"] }],
};

function problemsOf(raw: Record<string, unknown>): readonly string[] {
    return problemsIn(raw, context);
}

describe("the successor key (cognito-user-pool:successor)", () => {
    it("inherits every setting and app client of the current pool but the fixed ones it changes", () => {
        const settings = parseStackSettings({ ...current, successor: { name: "myapp-prod-v2", signIn: { with: ["email"] } } }, context);
        const successor = settings.successor!;
        assert.equal(successor.phase, "side-by-side");
        assert.equal(successor.userPool.userPool.name, "myapp-prod-v2");
        assert.deepEqual(successor.userPool.signIn, { with: ["email"], preferredUsername: false, caseSensitive: false });
        assert.deepEqual(successor.userPool.mfa, settings.mfa);
        assert.deepEqual(successor.clients, settings.clients);
        assert.deepEqual(settings.signIn.with, ["username"], "the current pool is unchanged");
    });

    it("declares custom:legacy_sub on the new pool, immutable, after the inherited custom attributes", () => {
        const successor = parseStackSettings({ ...current, successor: { name: "myapp-prod-v2" } }, context).successor!;
        assert.deepEqual(successor.userPool.attributes.custom.map((attribute) => [attribute.name, attribute.mutable]),
            [["tenant", true], ["legacy_sub", false]]);
    });

    it("replaces a list of attributes it gives, and applies changes of changeable settings and clients", () => {
        const successor = parseStackSettings({ ...current, successor: {
            name: "myapp-prod-v2",
            phase: "cutover",
            attributes: { required: ["email", "name"] },
            mfa: { mode: "required" },
            clients: [{ name: "spa" }],
        } }, context).successor!;
        assert.equal(successor.phase, "cutover");
        assert.deepEqual(successor.userPool.attributes.required, ["email", "name"]);
        assert.deepEqual(successor.userPool.attributes.custom.map((attribute) => attribute.name), ["tenant", "legacy_sub"]);
        assert.equal(successor.userPool.mfa.mode, "required");
        assert.deepEqual(successor.clients.map((client) => client.name), ["spa"]);
    });

    it("a stack without one has no successor", () => {
        assert.equal("successor" in parseStackSettings(current, context), false);
    });

    it("reports every problem at once, keyed under successor, with the value given and what is allowed", () => {
        const problems = problemsOf({ ...current, password: { minLength: 3 }, successor: {
            name: "myapp-prod",
            phase: "later",
            signIn: { with: ["mail"], bogus: true },
            attributes: { custom: [{ name: "legacy_sub", type: "string" }] },
            userPool: { name: "myapp-prod-v2" },
            mfa: { mode: "sometimes" },
        } });
        assert.deepEqual([...problems].sort(), [
            "cognito-user-pool:password.minLength: got 3; expected a whole number from 6 to 99",
            `cognito-user-pool:successor.phase: got "later"; expected one of side-by-side, cutover, finish`,
            `cognito-user-pool:successor.userPool.name: got "myapp-prod-v2"; set successor.name instead`,
            `cognito-user-pool:successor.attributes.custom[0].name: got "legacy_sub"; the successor declares custom:legacy_sub itself (a migrated user's sub in the current pool): use another name`,
            `cognito-user-pool:successor.signIn.with[0]: got "mail"; expected one of username, email, phone`,
            "cognito-user-pool:successor.signIn.bogus: unknown key; allowed here: with, preferredUsername, caseSensitive",
            `cognito-user-pool:successor.mfa.mode: got "sometimes"; expected one of off, optional, required`,
            `cognito-user-pool:successor.name: got "myapp-prod"; expected a name other than the current pool's (myapp-prod)`,
        ].sort());
    });

    it("requires the new pool's name", () => {
        assert.deepEqual(problemsOf({ ...current, successor: { phase: "cutover" } }),
            ["cognito-user-pool:successor.name: got nothing; expected the new pool's name"]);
    });

    it("applies the pool's rules to the new pool: a rule broken by the change is reported under successor", () => {
        assert.deepEqual(problemsOf({ ...current, successor: { name: "v2", accountRecovery: ["phone"],
            mfa: { mode: "optional", factors: ["totp", "sms"] }, sms: { snsCallerArn: "arn:aws:iam::123456789012:role/sms", externalId: "x" } } }), [
            "cognito-user-pool:successor.accountRecovery: got [\"phone\"]; recovery by phone needs a phone number: add phone_number to attributes.required or phone to signIn.with",
        ]);
    });

    describe("log delivery (logs)", () => {
        const bucket = "arn:aws:s3:::sign-in-activity";
        const delivering = { ...current, tier: "plus", logs: { userNotification: {}, userAuthEvents: { bucketArn: bucket } } };

        it("inherits the current pool's logs, or takes successor.logs whole in their place", () => {
            const inherited = parseStackSettings({ ...delivering, successor: { name: "v2" } }, context);
            assert.deepEqual(inherited.successor!.logs, inherited.logs);
            const own = parseStackSettings({ ...delivering, successor: { name: "v2", logs: { userNotification: {}, retentionDays: 30 } } }, context);
            assert.deepEqual(own.successor!.logs, { userNotification: {}, retentionDays: 30 });
            assert.equal("logs" in parseStackSettings({ ...current, successor: { name: "v2" } }, context).successor!, false);
        });

        it("takes successor.logs: {} as no log delivery for the new pool, which the stack's logs cannot say", () => {
            const none = parseStackSettings({ ...delivering, successor: { name: "v2", tier: "essentials", logs: {} } }, context);
            assert.equal("logs" in none.successor!, false, "nothing delivered, so no user auth events to hold to the Essentials tier");
            assert.deepEqual(none.logs, delivering.logs && { ...delivering.logs, retentionDays: 90 }, "the current pool keeps its own");
            assert.deepEqual(problemsOf({ ...current, logs: {} }), [
                `cognito-user-pool:logs: got {"retentionDays":90}; expected userNotification, userAuthEvents or both: remove logs to deliver none`,
            ]);
            assert.deepEqual(problemsOf({ ...delivering, successor: { name: "v2", logs: { retentionDays: 30 } } }), [
                `cognito-user-pool:successor.logs: got {"retentionDays":30}; expected userNotification, userAuthEvents or both: give successor.logs: {} to deliver none`,
            ]);
        });

        it("validates successor.logs as the stack's logs, keyed under successor", () => {
            assert.deepEqual(problemsOf({ ...current, successor: { name: "v2", logs: { userNotification: { bucketArn: bucket } } } }), [
                "cognito-user-pool:successor.logs.userNotification.bucketArn: unknown key; allowed here: logGroupArn",
            ]);
        });

        it("holds user auth events to the new pool's own tier, naming the successor's keys", () => {
            assert.deepEqual(problemsOf({ ...delivering, successor: { name: "v2", tier: "essentials" } }), [
                `cognito-user-pool:successor.tier: got "essentials"; user auth events (threat protection's activity logs) need tier: plus, ` +
                    "not essentials; set successor.tier: plus or give successor.logs without userAuthEvents (the new pool inherits logs)",
            ]);
            assert.deepEqual(problemsOf({ ...current, successor: { name: "v2", logs: { userAuthEvents: {} } } }), [
                "cognito-user-pool:successor.logs.userAuthEvents: got {}; user auth events (threat protection's activity logs) need tier: plus, " +
                    "not essentials; set successor.tier: plus or remove successor.logs.userAuthEvents",
            ]);
            assert.deepEqual(parseStackSettings({ ...current, logs: { userNotification: {} }, successor: { name: "v2", tier: "plus",
                logs: { userAuthEvents: {} } } }, context).successor!.logs, { retentionDays: 90, userAuthEvents: {} }, "a Plus successor of an Essentials pool");
        });

        it("reports a tier problem the current pool shares once, at the current pool's keys", () => {
            assert.deepEqual(problemsOf({ ...current, logs: { userAuthEvents: {} }, successor: { name: "v2" } }), [
                "cognito-user-pool:logs.userAuthEvents: got {}; user auth events (threat protection's activity logs) need tier: plus, " +
                    "not essentials; set tier: plus or remove logs.userAuthEvents",
            ]);
        });
    });

    describe("threat protection (threatProtection)", () => {
        const enforced = { mode: "enforced", accountTakeover: { high: { action: "block", notify: false } } };
        const protectedPool = { ...current, tier: "plus", threatProtection: enforced };

        it("inherits the current pool's threat protection, or takes successor.threatProtection whole in its place", () => {
            const inherited = parseStackSettings({ ...protectedPool, successor: { name: "v2" } }, context);
            assert.deepEqual(inherited.successor!.userPool.threatProtection, inherited.threatProtection);
            const own = parseStackSettings({ ...protectedPool, successor: { name: "v2", threatProtection: { mode: "audit" } } }, context);
            assert.deepEqual(own.successor!.userPool.threatProtection, { mode: "audit" });
        });

        it("holds it to the new pool's own tier, naming the successor's keys", () => {
            assert.deepEqual(problemsOf({ ...protectedPool, successor: { name: "v2", tier: "essentials" } }), [
                `cognito-user-pool:successor.tier: got "essentials"; threat protection needs tier plus (successor.tier is essentials, where Cognito ` +
                    "refuses it): set successor.tier: plus, or give successor.threatProtection with mode: off (the new pool inherits threatProtection)",
            ]);
            assert.deepEqual(problemsOf({ ...current, successor: { name: "v2", threatProtection: enforced } }), [
                `cognito-user-pool:successor.threatProtection.mode: got "enforced"; threat protection needs tier plus (successor.tier is essentials, ` +
                    "where Cognito refuses it): set successor.tier: plus, or successor.threatProtection.mode: off",
            ]);
            assert.equal(parseStackSettings({ ...protectedPool, successor: { name: "v2", tier: "essentials", threatProtection: { mode: "off" } } }, context)
                .successor!.userPool.threatProtection?.mode, "off", "an Essentials successor without it");
        });

        it("refuses it on a Lite new pool, which is created after feature plans, though the current Lite pool may keep it", () => {
            const lite = { ...current, tier: "lite", threatProtection: enforced };
            assert.equal(parseStackSettings(lite, context).threatProtection?.mode, "enforced", "the current pool: the pack judges it against the deployed pool");
            assert.deepEqual(problemsOf({ ...lite, successor: { name: "v2" } }), [
                `cognito-user-pool:successor.tier: got "lite"; threat protection needs tier plus (successor.tier is lite, where Cognito ` +
                    "refuses it): set successor.tier: plus, or give successor.threatProtection with mode: off (the new pool inherits threatProtection)",
            ]);
            assert.equal(parseStackSettings({ ...lite, successor: { name: "v2", tier: "plus" } }, context).successor!.userPool.tier, "plus");
        });

        it("reports a tier problem the current pool shares once, at the current pool's keys", () => {
            assert.deepEqual(problemsOf({ ...current, threatProtection: enforced, successor: { name: "v2" } }), [
                `cognito-user-pool:threatProtection.mode: got "enforced"; threat protection needs tier plus (tier is essentials, where Cognito ` +
                    "refuses it): set tier: plus, or mode: off",
            ]);
        });
    });

    it("lets no app client of the new pool write custom:legacy_sub", () => {
        assert.deepEqual(problemsOf({ ...current, successor: { name: "v2", clients: [{ name: "web", writeAttributes: ["email", "custom:legacy_sub"] }] } }), [
            `cognito-user-pool:successor.clients[0].writeAttributes: got ["email","custom:legacy_sub"]; only the migration sets custom:legacy_sub: remove it from writeAttributes`,
        ]);
    });
});
