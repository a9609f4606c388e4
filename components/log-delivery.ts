// The two resource modules, not @pulumi/aws/cloudwatch, whose index loads @pulumi/aws/lambda and /iam (npm run bench).
import { LogGroup } from "@pulumi/aws/cloudwatch/logGroup";
import { LogResourcePolicy } from "@pulumi/aws/cloudwatch/logResourcePolicy";
import * as cognito from "@pulumi/aws/cognito";
import * as pulumi from "@pulumi/pulumi";
import { EventSource, logDeliveryConfigurationArgs, LogSettings, sourcesToStackLogGroups } from "../config";
import type { DeployScope } from "./deploy-scope";

/** A log group the stack made for one event source, with the resource policy that lets Cognito's logs in. */
export interface StackLogGroup {
    readonly logGroup: LogGroup;
    readonly policy: LogResourcePolicy;
}

export interface LogDeliveryResources {
    readonly configuration: cognito.LogDeliveryConfiguration;
    readonly logGroups: Partial<Record<EventSource, StackLogGroup>>;
}

export interface LogDeliveryArgs {
    readonly settings: LogSettings;
    readonly userPool: cognito.UserPool;
    readonly scope: DeployScope;
    readonly tags: Record<string, string>;
    readonly parent: pulumi.Resource;
    /**
     * The pool's place among the stack's log groups: `successor` names the new pool's `…/<stack>/successor/<source>`,
     * apart from the current pool's. Default: none, `…/<stack>/<source>`.
     */
    readonly logGroupsUnder?: string;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * The policy CloudWatch Logs needs to deliver vended logs into a log group ("Logs sent to CloudWatch Logs",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-CWL.html: principal
 * delivery.logs.amazonaws.com, logs:CreateLogStream and logs:PutLogEvents on the group's log streams, conditioned on
 * aws:SourceAccount and an aws:SourceArn of `arn:aws:logs:<region>:<account>:*`). The delivery's source ARN is
 * CloudWatch Logs' own, not the pool's, so the narrowest scope is this log group, in this account: the group
 * holds nothing but this pool's logs. It is attached to the log group (`resourceArn`: "resource policies are
 * configured at the log group level", same page), so it does not count against the ten account-wide
 * resource policies of a region, nor their 5,120 characters.
 */
export function deliveryPolicy(logGroupArn: string): string {
    const [, partition, , region, account] = logGroupArn.split(":");
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
            Sid: "CognitoLogDelivery",
            Effect: "Allow",
            Principal: { Service: "delivery.logs.amazonaws.com" },
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: `${logGroupArn}:log-stream:*`,
            Condition: {
                StringEquals: { "aws:SourceAccount": account },
                ArnLike: { "aws:SourceArn": `arn:${partition}:logs:${region}:${account}:*` },
            },
        }],
    });
}

/**
 * The pool's log delivery: for each event source given no destination, a log group named after the stack
 * (`/aws/cognito/cognito-user-pool/<stack>/<source>`, within the deployer's scope) with its retention and the
 * delivery policy; then the LogDeliveryConfiguration, after the policies so that the first delivery is let in.
 * Each pool of the stack has log groups of its own: the delivery policy admits any delivery of the account (see
 * deliveryPolicy), so it is the group, not the policy, that keeps one pool's logs apart from the other's.
 */
export function logDelivery(name: string, args: LogDeliveryArgs): LogDeliveryResources {
    const { settings, parent } = args;
    const logGroups = Object.fromEntries(sourcesToStackLogGroups(settings).map((source): [EventSource, StackLogGroup] => {
        const purpose = kebab(source);
        const logGroup = new LogGroup(`${name}-logs-${purpose}`, {
            name: args.scope.logGroupName(args.logGroupsUnder === undefined ? purpose : `${args.logGroupsUnder}/${purpose}`),
            retentionInDays: settings.retentionDays,
            tags: args.tags,
        }, { parent });
        const policy = new LogResourcePolicy(`${name}-logs-${purpose}-delivery`, {
            resourceArn: logGroup.arn,
            policyDocument: logGroup.arn.apply(deliveryPolicy),
        }, { parent });
        return [source, { logGroup, policy }];
    })) as Partial<Record<EventSource, StackLogGroup>>;
    const arns = Object.fromEntries(Object.entries(logGroups).map(([source, made]) => [source, made.logGroup.arn]));
    const configuration = new cognito.LogDeliveryConfiguration(`${name}-log-delivery`,
        logDeliveryConfigurationArgs(settings, args.userPool.id, arns),
        { parent, dependsOn: Object.values(logGroups).map((made) => made.policy) });
    return { configuration, logGroups };
}
