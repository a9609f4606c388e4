import type { LogConfigurationType, LogDeliveryConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import type { LogDeliveryConfigurationArgs } from "@pulumi/aws/cognito";
import type { Input } from "@pulumi/pulumi";
import { z } from "zod";
import { problem, section, setting } from "./define";
import type { ReadContext } from "./read-back";

/*
 * Log delivery of a user pool: aws.cognito.LogDeliveryConfiguration, read back with GetLogDeliveryConfiguration.
 *
 * AWS (API reference, LogConfigurationType,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LogConfigurationType.html):
 * EventSource userNotification | userAuthEvents; "To send userNotification activity with information about message
 * delivery, choose ERROR with CloudWatchLogsConfiguration"; "To send userAuthEvents activity with user logs from
 * threat protection with the Plus feature plan, choose INFO with one of CloudWatchLogsConfiguration,
 * FirehoseConfiguration, or S3Configuration". SetLogDeliveryConfiguration takes 0 to 2 LogConfigurations.
 * CloudWatchLogsConfigurationType: the log group "must not be encrypted with AWS Key Management Service and must be
 * in the same AWS account as your user pool"; a name starting with `/aws/vendedlogs` is needed only for an
 * account-wide resource policy over 5,120 characters, which the stack does not use (components/log-delivery.ts).
 *
 * Describe paths are GetLogDeliveryConfiguration's LogDeliveryConfiguration's; logsFromDescribed reads it back.
 *
 * terraform-provider-aws (internal/service/cognitoidp/log_delivery_configuration.go @ 013f1736, plugin framework):
 * user_pool_id RequiresReplace; log_configurations (at least one) with event_source, log_level and at most one
 * of each destination block; Create and Update send the whole list with SetLogDeliveryConfiguration, Delete sends
 * an empty list. A replacement (a new pool) only re-sends the configuration: no data is lost, so no guard.
 */

export const LOG_DELIVERY_CONFIGURATION_TYPE = "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration";

export const eventSources = ["userNotification", "userAuthEvents"] as const;
export type EventSource = (typeof eventSources)[number];

/** The level each event source is delivered at: the only one LogConfigurationType allows it. */
const logLevels: Readonly<Record<EventSource, "ERROR" | "INFO">> = { userNotification: "ERROR", userAuthEvents: "INFO" };

/** CloudWatch Logs PutRetentionPolicy retentionInDays (API reference): the values a log group's retention may take. */
export const retentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** `arn:<partition>:logs:<region>:<account>:log-group:<name>`: a name of CreateLogGroup's characters, 1 to 512. */
const logGroupArnPattern = /^arn:aws[a-z-]*:logs:[a-z]{2}(?:-[a-z]+)+-\d+:\d{12}:log-group:[\w.\-/#]{1,512}$/;
/** `arn:<partition>:s3:::<bucket>`: a bucket name, 3 to 63 lower-case letters, digits, dots and hyphens. */
const bucketArnPattern = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** `arn:<partition>:firehose:<region>:<account>:deliverystream/<name>`: a stream name, 1 to 64 of `[a-zA-Z0-9_.-]`. */
const streamArnPattern = /^arn:aws[a-z-]*:firehose:[a-z]{2}(?:-[a-z]+)+-\d+:\d{12}:deliverystream\/[\w.-]{1,64}$/;

const arn = (pattern: RegExp, example: string) => z.string().regex(pattern, { error: `expected an ARN like ${example}` });
const logGroupArn = arn(logGroupArnPattern, "arn:aws:logs:us-east-1:123456789012:log-group:<name> (without :*)");
const bucketArn = arn(bucketArnPattern, "arn:aws:s3:::<bucket>");
const streamArn = arn(streamArnPattern, "arn:aws:firehose:us-east-1:123456789012:deliverystream/<name>");

const destination = {
    logGroupArn: (what: string) => setting(logGroupArn.optional(), {
        doc: `A CloudWatch Logs log group for ${what}, in the pool's account and not KMS-encrypted; its resource policy must let ` +
            "delivery.logs.amazonaws.com write to it. Without any destination, the stack creates the log group and that policy.",
        allowed: "a log group ARN",
        input: "logConfigurations[].cloudWatchLogsConfiguration.logGroupArn",
        describe: "LogConfigurations[].CloudWatchLogsConfiguration.LogGroupArn",
    }),
    bucketArn: setting(bucketArn.optional(), {
        doc: "An S3 bucket for them, whose bucket policy already lets delivery.logs.amazonaws.com write (the deployer may not change bucket policies).",
        allowed: "an S3 bucket ARN",
        input: "logConfigurations[].s3Configuration.bucketArn",
        describe: "LogConfigurations[].S3Configuration.BucketArn",
    }),
    streamArn: setting(streamArn.optional(), {
        doc: "An Amazon Data Firehose stream for them; CloudWatch Logs tags it LogDeliveryEnabled: true.",
        allowed: "a Firehose delivery stream ARN",
        input: "logConfigurations[].firehoseConfiguration.streamArn",
        describe: "LogConfigurations[].FirehoseConfiguration.StreamArn",
    }),
};

const userNotification = section({ logGroupArn: destination.logGroupArn("errors delivering email and SMS messages") }, {
    doc: "Errors delivering email and SMS messages (ERROR level; CloudWatch Logs only). `{}` sends them to a log group the stack creates.",
    wrap: (object) => object.optional(),
});

const userAuthEvents = section({
    logGroupArn: destination.logGroupArn("threat protection's sign-in activity"),
    bucketArn: destination.bucketArn,
    streamArn: destination.streamArn,
}, {
    doc: "Threat protection's sign-in activity (INFO level; tier plus, with threat protection on): to at most one of " +
        "`logGroupArn`, `bucketArn`, `streamArn`; `{}` sends it to a log group the stack creates.",
    checks: [(events, ctx) => {
        const given = (["logGroupArn", "bucketArn", "streamArn"] as const).filter((key) => events[key] !== undefined);
        if (given.length > 1) {
            problem(ctx, [given[1]], events[given[1]], `expected one destination, not ${given.join(" and ")}: Cognito delivers each event source to one`);
        }
    }],
    wrap: (object) => object.optional(),
});

export const logs = section({
    retentionDays: setting(z.union(retentionDays.map((days) => z.literal(days)), { error: `expected one of ${retentionDays.join(", ")}` })
        .default(90), {
        doc: "Days the log groups the stack creates keep their events (the migration function's log group keeps 90 too).",
        allowed: "a value CloudWatch Logs allows: " + retentionDays.join(", "),
        scope: "per-environment",
    }),
    userNotification,
    userAuthEvents,
}, {
    doc: "Log delivery of the pool (aws.cognito.LogDeliveryConfiguration). Default: none. See [Log delivery](tokens-and-logs.md#log-delivery).",
    resourceType: LOG_DELIVERY_CONFIGURATION_TYPE,
    checks: [(logs, ctx) => {
        if (logs.userNotification === undefined && logs.userAuthEvents === undefined) {
            ctx.addIssue({ code: "custom", path: [], input: logs, message: noLogSourcesMessage("remove logs"), params: { noLogSources: true } });
        }
    }],
    wrap: (object) => object.optional(),
});

/** The problem of logs without an event source, with how to deliver none (a successor's own way). */
export function noLogSourcesMessage(withoutLogs: string): string {
    return `expected userNotification, userAuthEvents or both: ${withoutLogs} to deliver none`;
}

/** The log delivery settings, parsed (defaults applied). */
export type LogSettings = NonNullable<z.output<typeof logs.schema>>;

/** The event sources delivered to a log group the stack creates: those given no destination. */
export function sourcesToStackLogGroups(settings: LogSettings): EventSource[] {
    return eventSources.filter((source) => {
        const destinations = settings[source];
        return destinations !== undefined && Object.values(destinations).every((value) => value === undefined);
    });
}

/** The LogDeliveryConfiguration inputs; `stackLogGroupArns` has the ARN of each log group the stack made for a source. */
export function logDeliveryConfigurationArgs(settings: LogSettings, userPoolId: Input<string>,
    stackLogGroupArns: Partial<Record<EventSource, Input<string>>>): LogDeliveryConfigurationArgs {
    const logConfigurations = eventSources.flatMap((source) => {
        const given = settings[source] as { logGroupArn?: string; bucketArn?: string; streamArn?: string } | undefined;
        if (given === undefined) {
            return [];
        }
        const logGroup = given.logGroupArn ?? (given.bucketArn ?? given.streamArn ? undefined : stackLogGroupArns[source]);
        if (logGroup === undefined && given.bucketArn === undefined && given.streamArn === undefined) {
            throw new Error(`logs.${source}: no log group was made for it`);
        }
        return [{
            eventSource: source,
            logLevel: logLevels[source],
            ...(logGroup !== undefined ? { cloudWatchLogsConfiguration: { logGroupArn: logGroup } } : {}),
            ...(given.bucketArn !== undefined ? { s3Configuration: { bucketArn: given.bucketArn } } : {}),
            ...(given.streamArn !== undefined ? { firehoseConfiguration: { streamArn: given.streamArn } } : {}),
        }];
    });
    return { userPoolId, logConfigurations };
}

type Destination = Partial<Record<"logGroupArn" | "bucketArn" | "streamArn", string>>;

/** The deliveries read back, as a stack file writes them under `logs`. */
export type DeliveredLogs = Partial<Record<EventSource, Destination>>;

/** One delivery read back: its destination, or a gap for what the config model cannot write. */
function destinationFromDescribed(configuration: LogConfigurationType, context: ReadContext): Destination | undefined {
    const source = configuration.EventSource as EventSource;
    const where = `LogConfigurations[${source}]`;
    if (!eventSources.includes(source)) {
        context.gap(where, configuration, `the config model delivers ${eventSources.join(" and ")}`);
        return undefined;
    }
    if (configuration.LogLevel !== logLevels[source]) {
        context.gap(`${where}.LogLevel`, configuration.LogLevel, `the config model delivers ${source} at ${logLevels[source]}, the level AWS allows it`);
    }
    const found = {
        logGroupArn: configuration.CloudWatchLogsConfiguration?.LogGroupArn,
        bucketArn: configuration.S3Configuration?.BucketArn,
        streamArn: configuration.FirehoseConfiguration?.StreamArn,
    };
    const given = Object.entries(found).filter((entry): entry is [string, string] => Boolean(entry[1]));
    if (source === "userNotification" && given.some(([key]) => key !== "logGroupArn")) {
        context.gap(where, configuration, "user notification errors go to CloudWatch Logs only");
        return undefined;
    }
    if (given.length !== 1) {
        context.gap(where, configuration, "the config model delivers each event source to exactly one destination");
        return undefined;
    }
    context.note(where, `kept as delivered, to ${given[0][1]}: the stack creates no log group for it`);
    return Object.fromEntries(given);
}

/** The log delivery read back from GetLogDeliveryConfiguration; nothing when the pool delivers none. */
export function logsFromDescribed(described: LogDeliveryConfigurationType | undefined, context: ReadContext): DeliveredLogs | undefined {
    const delivered = Object.fromEntries((described?.LogConfigurations ?? []).flatMap((configuration) => {
        const destination = destinationFromDescribed(configuration, context);
        return destination === undefined ? [] : [[configuration.EventSource as EventSource, destination]];
    }));
    return Object.keys(delivered).length > 0 ? delivered : undefined;
}

/**
 * userAuthEvents are threat protection's user activity logs, "with the Plus feature plan" (LogConfigurationType
 * above): refused before AWS on any other tier. No grandfathering of a lower tier is documented for log export.
 */
export function checkLogTier(settings: { tier: string; logs?: LogSettings }, ctx: z.RefinementCtx): void {
    if (settings.logs?.userAuthEvents !== undefined && settings.tier !== "plus") {
        ctx.addIssue({ code: "custom", path: ["logs", "userAuthEvents"], input: settings.logs.userAuthEvents,
            message: logTierMessage(settings.tier, "tier", "remove logs.userAuthEvents"), params: { logTier: settings.tier } });
    }
}

/** The problem of user auth events on a pool below Plus, naming the tier's key and how to do without them (a successor's own keys). */
export function logTierMessage(tier: string, tierKey: string, withoutAuthEvents: string): string {
    return `user auth events (threat protection's activity logs) need tier: plus, not ${tier}; set ${tierKey}: plus or ${withoutAuthEvents}`;
}

/** One delivery as `<source> <level> → <destination ARN>`, from either the provider's inputs or the API's answer: what drift compares. */
export function deliveryLines(configurations: readonly Record<string, any>[]): string[] {
    const field = (item: Record<string, any>, name: string) => item[name] ?? item[name[0].toUpperCase() + name.slice(1)];
    return configurations.map((item) => {
        const destinations = [["cloudWatchLogsConfiguration", "logGroupArn"], ["s3Configuration", "bucketArn"], ["firehoseConfiguration", "streamArn"]]
            .map(([block, arn]) => field(field(item, block) ?? {}, arn)).filter(Boolean);
        return `${field(item, "eventSource")} ${field(item, "logLevel")} → ${destinations.join(", ") || "nowhere"}`;
    }).sort();
}
