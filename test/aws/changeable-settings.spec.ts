import * as assert from "assert";
import { clientChangeableSettings, compareChangeable, poolChangeableSettings, riskConfigurationChangeableSettings } from "../../aws/changeable-settings";
import { poolDescription } from "../../aws/read-pool";
import { liveOf, programInputs, samples, settingsOf } from "./support/sample-stacks";

describe("settings that change in place, compared between props and the live resource", () => {
    for (const [name, raw] of Object.entries(samples)) {
        it(`finds the program's inputs where AWS describes them: ${name}`, () => {
            const inputs = programInputs(settingsOf(raw));
            const live = liveOf(inputs);

            const pool = compareChangeable(inputs.pool, poolDescription(live), poolChangeableSettings);
            const clients = inputs.clients.map((client, index) => compareChangeable(client, live.clients[index], clientChangeableSettings));

            assert.deepStrictEqual([pool, ...clients].map(({ differences, notCompared }) => [differences, notCompared]),
                [pool, ...clients].map(() => [[], []]));
        });
    }

    it("names each setting changed behind the program's back by its provider input, with both values", () => {
        const inputs = programInputs(settingsOf(Object.values(samples)[0]));
        const live = liveOf(inputs);
        const changed = { ...live.pool, Policies: { ...live.pool.Policies, PasswordPolicy: { ...live.pool.Policies!.PasswordPolicy, MinimumLength: 6 } },
            AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_email" as const, Priority: 1 }, { Name: "verified_phone_number" as const, Priority: 2 }] } };

        const { differences } = compareChangeable(inputs.pool, poolDescription({ ...live, pool: changed }), poolChangeableSettings);

        assert.deepStrictEqual(differences, [
            { setting: "passwordPolicy.minimumLength", props: 12, live: 6 },
            { setting: "accountRecoverySetting.recoveryMechanisms",
                props: [{ name: "verified_email", priority: 2 }, { name: "verified_phone_number", priority: 1 }],
                live: [{ name: "verified_email", priority: 1 }, { name: "verified_phone_number", priority: 2 }] },
        ]);
    });

    it("names threat protection loosened in the console: the add-on mode, a risk action, an IP range (drift of the risk configuration)", () => {
        const inputs = programInputs(settingsOf(Object.values(samples)[0]));
        const live = liveOf(inputs);
        assert.deepStrictEqual(compareChangeable(inputs.riskConfiguration!, poolDescription(live), riskConfigurationChangeableSettings).differences, []);
        const risk = live.riskConfiguration!;
        const loosened = { ...live, pool: { ...live.pool, UserPoolAddOns: { AdvancedSecurityMode: "AUDIT" as const } }, riskConfiguration: { ...risk,
            CompromisedCredentialsRiskConfiguration: { ...risk.CompromisedCredentialsRiskConfiguration, Actions: { EventAction: "NO_ACTION" as const } },
            RiskExceptionConfiguration: { ...risk.RiskExceptionConfiguration, SkippedIPRangeList: ["0.0.0.0/0"] } } };

        assert.deepStrictEqual(compareChangeable(inputs.pool, poolDescription(loosened), poolChangeableSettings).differences,
            [{ setting: "userPoolAddOns.advancedSecurityMode", props: "ENFORCED", live: "AUDIT" }]);
        assert.deepStrictEqual(compareChangeable(inputs.riskConfiguration!, poolDescription(loosened), riskConfigurationChangeableSettings).differences, [
            { setting: "compromisedCredentialsRiskConfiguration.actions.eventAction", props: "BLOCK", live: "NO_ACTION" },
            { setting: "riskExceptionConfiguration.skippedIpRangeLists", props: ["203.0.113.0/24"], live: ["0.0.0.0/0"] },
        ]);
    });

    it("names a trigger repointed or a pre token version changed in the console (drift of LambdaConfig)", () => {
        const inputs = programInputs(settingsOf(Object.values(samples)[0]));
        const live = liveOf(inputs);
        const other = "arn:aws:lambda:us-east-1:123456789012:function:someone-elses";
        const changed = { ...live.pool, LambdaConfig: { ...live.pool.LambdaConfig, PreSignUp: other,
            PreTokenGenerationConfig: { ...live.pool.LambdaConfig!.PreTokenGenerationConfig!, LambdaVersion: "V1_0" as const } } };

        const { differences } = compareChangeable(inputs.pool, poolDescription({ ...live, pool: changed }), poolChangeableSettings);

        assert.deepStrictEqual(differences, [
            { setting: "lambdaConfig.preSignUp", props: "arn:aws:lambda:us-east-1:123456789012:function:preSignUp", live: other },
            { setting: "lambdaConfig.preTokenGenerationConfig.lambdaVersion", props: "V3_0", live: "V1_0" },
        ]);
    });

    it("does not compare a setting the server does not report, and says so", () => {
        const inputs = programInputs(settingsOf(Object.values(samples)[0]));
        const live = liveOf(inputs);
        const { DeletionProtection: _omitted, ...pool } = live.pool;

        const comparison = compareChangeable(inputs.pool, poolDescription({ ...live, pool }), poolChangeableSettings);

        assert.deepStrictEqual(comparison, { differences: [], notCompared: ["deletionProtection"] });
    });
});
