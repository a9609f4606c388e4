import { strict as assert } from "assert";
import { evaluateStack } from "../../offline/evaluate";
import { notEmulated } from "../../sandbox/not-emulated";
import { stackConfig, withSettings } from "../support/program";

describe("what the sandbox does not emulate (sandbox/not-emulated.ts)", () => {
    it("names the user's own trigger functions, wired on a pool or chained by the migration function: not run locally", async () => {
        const fn = (name: string) => `arn:aws:lambda:ap-northeast-2:123456789012:function:${name}`;
        const { resources } = await evaluateStack(withSettings(stackConfig("prod"), {
            triggers: { preSignUp: fn("app-pre-sign-up"), postConfirmation: fn("app-welcome") },
            successor: { name: "myapp-prod-v2", signIn: { with: ["email"] } },
        }));
        const lines = notEmulated(resources).filter((line) => line.includes("your own function")).sort();
        assert.deepEqual(lines, [
            `myapp-prod: lambdaConfig.preSignUp: ${fn("app-pre-sign-up")}: your own function is not run locally (the trigger answers as if absent)`,
            `myapp-prod: lambdaConfig.postConfirmation: ${fn("app-welcome")}: your own function is not run locally (the trigger answers as if absent)`,
            `myapp-prod-v2: lambdaConfig.postConfirmation: ${fn("app-welcome")}: your own function is not run locally (the trigger answers as if absent)`,
            `cognito-user-pool-prod-user-migration: chained PreSignUp: ${fn("app-pre-sign-up")}: your own function is not run locally (the trigger answers as if absent)`,
        ].sort());
    });

    it("names a rotating client's refresh and the log delivery with the log group the stack would make", async () => {
        const { resources } = await evaluateStack(withSettings(stackConfig("dev"), {
            clients: [{ name: "web", authFlows: ["user_srp"], refreshTokenRotation: { gracePeriodSeconds: 5 } }, { name: "legacy" }],
            logs: { userNotification: {} },
        }));

        const lines = notEmulated(resources);

        assert.deepStrictEqual(lines.filter((line) => /rotation|aws:cloudwatch|logDelivery/.test(line)), [
            "web: refresh token rotation: cognito-local has no GetTokensFromRefreshToken and still refreshes with REFRESH_TOKEN_AUTH, " +
                "the token unchanged (AWS refuses that flow on a rotating client)",
            "aws:cloudwatch/logGroup:LogGroup auth-logs-user-notification: no CloudWatch Logs: the pool's delivery errors are not logged anywhere",
            "aws:cloudwatch/logResourcePolicy:LogResourcePolicy auth-logs-user-notification-delivery: no CloudWatch Logs",
            "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration auth-log-delivery: no log delivery in cognito-local",
        ]);
    });
});
