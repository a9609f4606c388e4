import { strict as assert } from "assert";
import {
    deliveryLines, entriesOf, logDeliveryConfigurationArgs, logs, logsFromDescribed, LogSettings, parseStackSettings, ReadContext, sourcesToStackLogGroups,
} from "../../../config";
import { describedLogDelivery, plain } from "../../aws/support/described-from-inputs";
import { assertProblems, context } from "../support/problems";
import { describeRoundTrip } from "../support/round-trip";

const logGroup = "arn:aws:logs:eu-west-1:123456789012:log-group:/shared/cognito";
const bucket = "arn:aws:s3:::sign-in-activity";
const stream = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/sign-in-activity";
const poolId = "eu-west-1_AbCdEf123";

const logsOf = (raw: Record<string, unknown>) => parseStackSettings(raw, context).logs!;

describe("logs (config/catalogue/log-delivery)", () => {
    it("delivers nothing unless given; given, the log groups the stack makes keep 90 days", () => {
        assert.equal(parseStackSettings({}, context).logs, undefined);
        assert.deepStrictEqual(logsOf({ logs: { userNotification: {} } }), { retentionDays: 90, userNotification: {} });
        assert.deepStrictEqual(logsOf({ logs: { userNotification: {}, retentionDays: 365 } }).retentionDays, 365);
    });

    it("refuses a retention CloudWatch Logs does not allow, an empty logs, and destinations that are not ARNs of their kind, every problem at once", () => {
        assertProblems({ logs: { retentionDays: 100, userNotification: { logGroupArn: bucket } }, tier: "plus" }, [
            "cognito-user-pool:logs.retentionDays: got 100; expected one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
            `cognito-user-pool:logs.userNotification.logGroupArn: got "${bucket}"; expected an ARN like arn:aws:logs:us-east-1:123456789012:log-group:<name> (without :*)`,
        ]);
        assertProblems({ logs: {} }, ["cognito-user-pool:logs: got {\"retentionDays\":90}; expected userNotification, userAuthEvents or both: remove logs to deliver none"]);
        assertProblems({ tier: "plus", logs: { userAuthEvents: { bucketArn: "arn:aws:s3:::Bad_Bucket", streamArn: `${stream}:*` } } }, [
            `cognito-user-pool:logs.userAuthEvents.bucketArn: got "arn:aws:s3:::Bad_Bucket"; expected an ARN like arn:aws:s3:::<bucket>`,
            `cognito-user-pool:logs.userAuthEvents.streamArn: got "${stream}:*"; expected an ARN like arn:aws:firehose:us-east-1:123456789012:deliverystream/<name>`,
            `cognito-user-pool:logs.userAuthEvents.streamArn: got "${stream}:*"; expected one destination, not bucketArn and streamArn: Cognito delivers each event source to one`,
        ]);
    });

    it("sends user notification errors to CloudWatch Logs only, and each source to one destination (LogConfigurationType)", () => {
        assertProblems({ logs: { userNotification: { bucketArn: bucket } } }, [
            "cognito-user-pool:logs.userNotification.bucketArn: unknown key; allowed here: logGroupArn",
        ]);
        assertProblems({ tier: "plus", logs: { userAuthEvents: { logGroupArn: logGroup, bucketArn: bucket } } }, [
            `cognito-user-pool:logs.userAuthEvents.bucketArn: got "${bucket}"; expected one destination, not logGroupArn and bucketArn: Cognito delivers each event source to one`,
        ]);
    });

    describe("tier: user auth events need plus; user notification errors any tier (LogConfigurationType)", () => {
        for (const tier of ["lite", "essentials", "plus"]) {
            it(`${tier}: user notification errors ${"accepted"}, user auth events ${tier === "plus" ? "accepted" : "refused naming tier and logs.userAuthEvents"}`, () => {
                assert.deepStrictEqual(logsOf({ tier, logs: { userNotification: {} } }).userNotification, {});
                const authEvents = { tier, logs: { userAuthEvents: {} } };
                if (tier === "plus") {
                    assert.deepStrictEqual(logsOf(authEvents).userAuthEvents, {});
                } else {
                    assertProblems(authEvents, [`cognito-user-pool:logs.userAuthEvents: got {}; user auth events (threat protection's ` +
                        `activity logs) need tier: plus, not ${tier}; set tier: plus or remove logs.userAuthEvents`]);
                }
            });
        }
    });

    it("sends each source at its only level, to the destination given or to the log group the stack made for it", () => {
        const settings = logsOf({ tier: "plus", logs: { userNotification: {}, userAuthEvents: { bucketArn: bucket } } });
        assert.deepStrictEqual(sourcesToStackLogGroups(settings), ["userNotification"]);
        assert.deepStrictEqual(logDeliveryConfigurationArgs(settings, poolId, { userNotification: logGroup }), {
            userPoolId: poolId,
            logConfigurations: [
                { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: logGroup } },
                { eventSource: "userAuthEvents", logLevel: "INFO", s3Configuration: { bucketArn: bucket } },
            ],
        });
        assert.throws(() => logDeliveryConfigurationArgs(settings, poolId, {}), /logs\.userNotification: no log group was made for it/);
    });

    it("reads GetLogDeliveryConfiguration back as the destinations delivered to, noting that the stack makes no log group for them", () => {
        const told: string[] = [];
        const read: ReadContext = { region: "eu-west-1", gap: (setting, _live, why) => told.push(`gap ${setting}: ${why}`), note: (setting, note) => told.push(`note ${setting}: ${note}`) };
        assert.deepStrictEqual(logsFromDescribed({ UserPoolId: poolId, LogConfigurations: [
            { EventSource: "userNotification", LogLevel: "ERROR", CloudWatchLogsConfiguration: { LogGroupArn: logGroup } },
            { EventSource: "userAuthEvents", LogLevel: "INFO", FirehoseConfiguration: { StreamArn: stream } },
        ] }, read), { userNotification: { logGroupArn: logGroup }, userAuthEvents: { streamArn: stream } });
        assert.deepStrictEqual(told, [
            `note LogConfigurations[userNotification]: kept as delivered, to ${logGroup}: the stack creates no log group for it`,
            `note LogConfigurations[userAuthEvents]: kept as delivered, to ${stream}: the stack creates no log group for it`,
        ]);
        assert.equal(logsFromDescribed(undefined, read), undefined);
        assert.equal(logsFromDescribed({ UserPoolId: poolId, LogConfigurations: [] }, read), undefined);
    });

    it("names what the config model cannot write: another level, notification errors outside CloudWatch Logs, two destinations", () => {
        const gaps: string[] = [];
        const read: ReadContext = { region: "eu-west-1", gap: (setting, _live, why) => gaps.push(`${setting}: ${why}`), note: () => undefined };
        const adopted = logsFromDescribed({ UserPoolId: poolId, LogConfigurations: [
            { EventSource: "userNotification", LogLevel: "INFO", S3Configuration: { BucketArn: bucket } },
            { EventSource: "userAuthEvents", LogLevel: "ERROR", S3Configuration: { BucketArn: bucket }, FirehoseConfiguration: { StreamArn: stream } },
        ] }, read);
        assert.equal(adopted, undefined);
        assert.deepStrictEqual(gaps, [
            "LogConfigurations[userNotification].LogLevel: the config model delivers userNotification at ERROR, the level AWS allows it",
            "LogConfigurations[userNotification]: user notification errors go to CloudWatch Logs only",
            "LogConfigurations[userAuthEvents].LogLevel: the config model delivers userAuthEvents at INFO, the level AWS allows it",
            "LogConfigurations[userAuthEvents]: the config model delivers each event source to exactly one destination",
        ]);
    });

    it("writes a delivery the same from the provider's inputs and from the API's answer, for drift", () => {
        assert.deepStrictEqual(deliveryLines([{ eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: logGroup } }]),
            deliveryLines([{ EventSource: "userNotification", LogLevel: "ERROR", CloudWatchLogsConfiguration: { LogGroupArn: logGroup } }]));
        assert.deepStrictEqual(deliveryLines([{ EventSource: "userAuthEvents", LogLevel: "INFO", S3Configuration: { BucketArn: bucket } }]),
            [`userAuthEvents INFO → ${bucket}`]);
    });
});

const stackLogGroup = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/cognito/cognito-user-pool/dev/user-notification";

describeRoundTrip("log delivery: settings → aws.cognito.LogDeliveryConfiguration inputs → GetLogDeliveryConfiguration → settings", {
    entries: entriesOf(logs),
    parse: (raw: Record<string, unknown>): LogSettings => logsOf({ tier: "plus", logs: raw }),
    args: (settings) => plain(logDeliveryConfigurationArgs(settings, poolId, { userNotification: stackLogGroup, userAuthEvents: stackLogGroup })),
    describe: describedLogDelivery,
    read: logsFromDescribed,
    // Destinations named: a log group the stack makes reads back as its ARN (adopt keeps it as delivered).
    bases: [{ userNotification: { logGroupArn: logGroup } }, { userAuthEvents: { bucketArn: bucket } }],
    variations: {
        "retentionDays": [30, 3653],
        "userNotification.logGroupArn": [`${logGroup}-errors`],
        "userAuthEvents.logGroupArn": [`${logGroup}-activity`],
        "userAuthEvents.bucketArn": [`${bucket}-2`],
        "userAuthEvents.streamArn": [stream],
    },
});
