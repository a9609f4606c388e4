import { strict as assert } from "assert";
import { parseStackSettings, triggersArgs, triggersFromDescribed } from "../../../config";
import { assertProblems, context, problemsOf } from "../support/problems";

const fn = (name: string, region = "eu-west-1") => `arn:aws:lambda:${region}:123456789012:function:${name}`;
const key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const inRegion = { ...context, region: "eu-west-1" };

describe("triggers (config/catalogue/triggers)", () => {
    it("maps each trigger to the pool's lambdaConfig; pre token generation only as preTokenGenerationConfig, V1_0 by default", () => {
        const { triggers } = parseStackSettings({ triggers: {
            preSignUp: fn("pre-sign-up"), postConfirmation: fn("welcome"), preAuthentication: fn("gate"), postAuthentication: fn("audit"),
            customMessage: fn("messages"), defineAuthChallenge: fn("define"), createAuthChallenge: fn("create"),
            verifyAuthChallengeResponse: fn("verify"), userMigration: fn("import"),
            preTokenGeneration: { arn: fn("claims") },
            customEmailSender: { arn: fn("mailer") }, customSmsSender: { arn: fn("texter:live") }, kmsKeyArn: key,
        } }, inRegion);
        assert.deepStrictEqual(triggersArgs(triggers), { lambdaConfig: {
            preSignUp: fn("pre-sign-up"), postConfirmation: fn("welcome"), preAuthentication: fn("gate"), postAuthentication: fn("audit"),
            customMessage: fn("messages"), defineAuthChallenge: fn("define"), createAuthChallenge: fn("create"),
            verifyAuthChallengeResponse: fn("verify"), userMigration: fn("import"),
            preTokenGenerationConfig: { lambdaArn: fn("claims"), lambdaVersion: "V1_0" },
            customEmailSender: { lambdaArn: fn("mailer"), lambdaVersion: "V1_0" },
            customSmsSender: { lambdaArn: fn("texter:live"), lambdaVersion: "V1_0" },
            kmsKeyId: key,
        } });
        assert.deepStrictEqual(triggersArgs(parseStackSettings({}, context).triggers), {});
    });

    describe("removing a trigger: what the program sends (the provider's handling: config/catalogue/triggers.ts, docs/triggers.md)", () => {
        const argsOf = (raw: Record<string, unknown>) => triggersArgs(parseStackSettings(raw, inRegion).triggers);

        it("sends no lambdaConfig at all, not an empty one, once the last trigger is removed or triggers left empty", () => {
            for (const raw of [{}, { triggers: {} }]) {
                const args = argsOf(raw);
                assert.deepStrictEqual(args, {});
                assert.equal("lambdaConfig" in args, false, "lambda_config goes from one block to none: the update sends no LambdaConfig, which Cognito resets");
            }
        });

        it("leaves a removed trigger out of the lambdaConfig of those that stay, with nothing in its place", () => {
            const claims = { arn: fn("claims"), version: "V2_0" };
            assert.deepStrictEqual(argsOf({ triggers: { preSignUp: fn("pre-sign-up"), preTokenGeneration: claims } }),
                { lambdaConfig: { preSignUp: fn("pre-sign-up"), preTokenGenerationConfig: { lambdaArn: fn("claims"), lambdaVersion: "V2_0" } } });
            assert.deepStrictEqual(argsOf({ triggers: { preSignUp: fn("pre-sign-up") } }), { lambdaConfig: { preSignUp: fn("pre-sign-up") } },
                "no preTokenGeneration nor an empty ARN: the provider would send LambdaArn \"\", which the API refuses");
        });
    });

    it("refuses what is no Lambda function ARN, and a sender or pre token version Cognito does not know, every problem at once", () => {
        assertProblems({ triggers: {
            preSignUp: "my-function",
            postAuthentication: "arn:aws:sns:eu-west-1:123456789012:topic",
            preTokenGeneration: { arn: fn("claims"), version: "V4_0" },
            customEmailSender: { arn: fn("mailer"), version: "V2_0" },
            kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:alias/cognito",
        } }, [
            `cognito-user-pool:triggers.preSignUp: got "my-function"; expected a Lambda function ARN like arn:aws:lambda:eu-west-1:123456789012:function:my-trigger (optionally :<version or alias>)`,
            `cognito-user-pool:triggers.postAuthentication: got "arn:aws:sns:eu-west-1:123456789012:topic"; expected a Lambda function ARN like arn:aws:lambda:eu-west-1:123456789012:function:my-trigger (optionally :<version or alias>)`,
            `cognito-user-pool:triggers.preTokenGeneration.version: got "V4_0"; expected one of V1_0, V2_0, V3_0`,
            `cognito-user-pool:triggers.customEmailSender.version: got "V2_0"; expected one of V1_0`,
            `cognito-user-pool:triggers.kmsKeyArn: got "arn:aws:kms:eu-west-1:123456789012:alias/cognito"; expected a KMS key ARN like arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        ]);
    });

    it("refuses a custom sender without the KMS key it needs, and a key no sender uses", () => {
        assertProblems({ triggers: { customEmailSender: { arn: fn("mailer") }, customSmsSender: { arn: fn("texter") } } }, [
            "cognito-user-pool:triggers.kmsKeyArn: got nothing; customEmailSender and customSmsSender need the KMS key Cognito encrypts their codes with: set kmsKeyArn",
        ]);
        assertProblems({ triggers: { preSignUp: fn("pre-sign-up"), kmsKeyArn: key } }, [
            `cognito-user-pool:triggers.kmsKeyArn: got "${key}"; only a custom sender uses the key: set customEmailSender or customSmsSender, or remove kmsKeyArn`,
        ]);
    });

    it("refuses a function or key in another region than the stack's pool (aws:region), naming each key", () => {
        assert.deepEqual(problemsOf({ triggers: {
            preSignUp: fn("pre-sign-up", "us-east-1"),
            preTokenGeneration: { arn: fn("claims", "us-west-2") },
            customSmsSender: { arn: fn("texter") }, kmsKeyArn: key.replace("eu-west-1", "eu-central-1"),
        } }, inRegion), [
            `cognito-user-pool:triggers.preSignUp: got "${fn("pre-sign-up", "us-east-1")}"; it is in us-east-1 and the stack's pool in eu-west-1 (aws:region): use one in eu-west-1`,
            `cognito-user-pool:triggers.preTokenGeneration.arn: got "${fn("claims", "us-west-2")}"; it is in us-west-2 and the stack's pool in eu-west-1 (aws:region): use one in eu-west-1`,
            `cognito-user-pool:triggers.kmsKeyArn: got "${key.replace("eu-west-1", "eu-central-1")}"; it is in eu-central-1 and the stack's pool in eu-west-1 (aws:region): use one in eu-west-1`,
        ]);
    });

    describe("the pre token generation version's tier (user-pool-lambda-pre-token-generation.html: V2_0 and V3_0 with Essentials or Plus)", () => {
        const matrix = [
            ["lite", "V1_0", true], ["lite", "V2_0", false], ["lite", "V3_0", false],
            ["essentials", "V1_0", true], ["essentials", "V2_0", true], ["essentials", "V3_0", true],
            ["plus", "V1_0", true], ["plus", "V2_0", true], ["plus", "V3_0", true],
        ] as const;
        for (const [tier, version, accepted] of matrix) {
            it(`${accepted ? "accepts" : "refuses"} ${version} with tier ${tier}`, () => {
                const raw = { tier, triggers: { preTokenGeneration: { arn: fn("claims"), version } } };
                if (accepted) {
                    assert.equal(parseStackSettings(raw, inRegion).triggers?.preTokenGeneration?.version, version);
                } else {
                    assert.deepEqual(problemsOf(raw, inRegion), [`cognito-user-pool:triggers.preTokenGeneration.version: got "${version}"; ` +
                        `${version} events (access token customisation) need tier essentials or plus (tier is lite): set tier, or use V1_0`]);
                }
            });
        }
    });

    describe("read back from DescribeUserPool's LambdaConfig (adopt, drift)", () => {
        const read = (described: Parameters<typeof triggersFromDescribed>[0]) => {
            const gaps: string[] = [];
            const notes: string[] = [];
            const value = triggersFromDescribed(described, {
                region: "eu-west-1", gap: (setting, live) => gaps.push(`${setting}: ${JSON.stringify(live)}`), note: (setting) => notes.push(setting),
            });
            return { value, gaps, notes };
        };

        it("reads each trigger, the versioned pre token config (its legacy mirror too), the senders and the key", () => {
            assert.deepStrictEqual(read({
                PreSignUp: fn("pre-sign-up"), CustomMessage: fn("messages"),
                PreTokenGeneration: fn("claims"), PreTokenGenerationConfig: { LambdaArn: fn("claims"), LambdaVersion: "V2_0" },
                CustomSMSSender: { LambdaArn: fn("texter"), LambdaVersion: "V1_0" }, KMSKeyID: key,
            }), { value: {
                preSignUp: fn("pre-sign-up"), customMessage: fn("messages"),
                preTokenGeneration: { arn: fn("claims"), version: "V2_0" },
                customSmsSender: { arn: fn("texter"), version: "V1_0" }, kmsKeyArn: key,
            }, gaps: [], notes: [] });
        });

        it("reads a legacy pre token trigger without its config as V1_0, with a note; a mirror that differs is a gap", () => {
            assert.deepStrictEqual(read({ PreTokenGeneration: fn("claims") }),
                { value: { preTokenGeneration: { arn: fn("claims"), version: "V1_0" } }, gaps: [], notes: ["LambdaConfig.PreTokenGenerationConfig"] });
            assert.deepStrictEqual(read({ PreTokenGeneration: fn("old"), PreTokenGenerationConfig: { LambdaArn: fn("claims"), LambdaVersion: "V1_0" } }).gaps,
                [`LambdaConfig.PreTokenGeneration: ${JSON.stringify(fn("old"))}`]);
        });

        it("reads no triggers as none", () => {
            assert.equal(read(undefined).value, undefined);
            assert.equal(read({}).value, undefined);
        });
    });
});
