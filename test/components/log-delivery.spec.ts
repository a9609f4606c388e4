import { strict as assert } from "assert";
import { deliveryPolicy } from "../../components/log-delivery";
import { evaluate, ofType, only, resourceTypes, stackConfig, withSettings } from "../support/program";

const logGroupType = "aws:cloudwatch/logGroup:LogGroup";
const policyType = "aws:cloudwatch/logResourcePolicy:LogResourcePolicy";
const deliveryType = "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration";
const bucket = "arn:aws:s3:::sign-in-activity";

describe("the pool's log delivery (components/log-delivery)", () => {
    it("makes a log group for a source given no destination, named in the deployer's scope, with the retention and the stack's tags", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("prod"), { logs: { userNotification: {}, retentionDays: 30 } }));
        const group = only(resources, logGroupType);
        assert.equal(group.parent, only(resources, resourceTypes.backend).urn);
        assert.equal(group.inputs.name, "/aws/cognito/cognito-user-pool/prod/user-notification");
        assert.equal(group.inputs.retentionInDays, 30);
        assert.equal(group.inputs.tags["cognito-user-pool:stack"], "prod");
    });

    it("attaches the delivery policy to that log group only: delivery.logs.amazonaws.com may write its streams, from this account", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("prod"), { logs: { userNotification: {} } }));
        const group = only(resources, logGroupType);
        const policy = only(resources, policyType);
        const arn = group.outputs!.arn as string;
        assert.equal(policy.inputs.resourceArn, arn);
        assert.equal(policy.inputs.policyName, undefined, "a log-group policy, not one of the ten account-wide ones");
        const [account, region] = [arn.split(":")[4], arn.split(":")[3]];
        assert.deepStrictEqual(JSON.parse(policy.inputs.policyDocument).Statement, [{
            Sid: "CognitoLogDelivery", Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" },
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${arn}:log-stream:*`,
            Condition: { StringEquals: { "aws:SourceAccount": account }, ArnLike: { "aws:SourceArn": `arn:aws:logs:${region}:${account}:*` } },
        }]);
        assert.equal(deliveryPolicy(arn), policy.inputs.policyDocument);
    });

    it("configures delivery of the pool once the policies exist: errors at ERROR to the stack's log group, activity at INFO to the bucket given", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("prod"), {
            tier: "plus", logs: { userNotification: {}, userAuthEvents: { bucketArn: bucket } },
        }));
        const delivery = only(resources, deliveryType);
        const pool = only(resources, resourceTypes.userPool);
        assert.equal(delivery.parent, only(resources, resourceTypes.backend).urn);
        assert.deepStrictEqual(delivery.inputs, {
            userPoolId: pool.outputs!.id ?? pool.id,
            logConfigurations: [
                { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: only(resources, logGroupType).outputs!.arn } },
                { eventSource: "userAuthEvents", logLevel: "INFO", s3Configuration: { bucketArn: bucket } },
            ],
        });
        assert.ok(delivery.dependencies?.includes(only(resources, policyType).urn), "the policy first, so that the first delivery is let in");
    });

    it("makes no log group for a source delivered to a destination given, and nothing in a stack without logs", async () => {
        const given = await evaluate(withSettings(stackConfig("prod"), {
            logs: { userNotification: { logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:/shared/cognito" } },
        }));
        assert.deepStrictEqual([...ofType(given.resources, logGroupType), ...ofType(given.resources, policyType)], []);
        assert.equal(ofType(given.resources, deliveryType).length, 1);
        const none = await evaluate(stackConfig("prod"));
        assert.deepStrictEqual(ofType(none.resources, deliveryType), []);
    });
});
