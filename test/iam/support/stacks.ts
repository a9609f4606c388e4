import * as fs from "fs";
import * as path from "path";
import { evaluateStack, RegisteredResource } from "../../../offline/evaluate";
import { offlineAccountId } from "../../../offline/mock-cloud";
import { repoRoot, stackConfig, withSettings } from "../../support/program";
import { logGroupCalls, Phase, PhaseCalls, providerCalls } from "./provider-calls";
import type { AwsCall } from "./simulator";

/** The user's own triggers of the successor stack: PreSignUp chained by the migration function, the others wired on both pools. */
export const userTriggers = {
    preSignUp: "arn:aws:lambda:ap-northeast-2:123456789012:function:myapp-pre-sign-up",
    customMessage: "arn:aws:lambda:ap-northeast-2:123456789012:function:myapp-messages",
    preTokenGeneration: { arn: "arn:aws:lambda:ap-northeast-2:123456789012:function:myapp-claims:live", version: "V2_0" },
};

/** A stack as the deployer would deploy it: its name, region and what the program registers. */
export interface EvaluatedStack {
    readonly stack: string;
    readonly region: string;
    readonly resources: readonly RegisteredResource[];
}

/**
 * Stacks that between them register every resource type of the program: prod as it is, dev with an SES domain in a
 * Route 53 zone and a custom MAIL FROM, prod with the user's own triggers and a successor pool (the migration
 * function, its role and policies, the user's PreSignUp chained, the others' invoke permissions on both pools, each
 * pool's log delivery into a log group of its own and its threat protection's risk configuration),
 * prod with groups, a resource server, an identity provider, a custom domain with managed login and its alias record, and a
 * client's branding style, a Plus prod delivering its logs to a log group of its own and to Firehose, and dev delivering them
 * to an S3 bucket.
 */
export async function evaluatedStacks(): Promise<EvaluatedStack[]> {
    const withZone = withSettings(stackConfig("dev"), { email: { sender: "ses", from: "no-reply@example.com",
        identity: "domain", hostedZoneId: "Z1D633PJN98FT9", mailFromDomain: "bounce.example.com" } });
    const withSuccessor = withSettings(stackConfig("prod"), {
        successor: { name: "myapp-prod-v2", signIn: { with: ["email"] }, phase: "side-by-side" },
        triggers: userTriggers,
        logs: { userNotification: {} },
        tier: "plus",
        threatProtection: { mode: "enforced", compromisedCredentials: { action: "block" }, accountTakeover: { high: { action: "block", notify: true } } },
    });
    const evaluated: EvaluatedStack[] = [];
    // One at a time: the mock monitor the program runs under is global.
    const withGroupsAndScopes = {
        ...withSettings(stackConfig("prod"), { groups: [{ name: "admins", roleArn: "arn:aws:iam::123456789012:role/admins" }],
            resourceServers: [{ identifier: "orders-api", name: "Orders", scopes: { read: "Read orders" } }],
            domain: { name: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d", route53ZoneId: "Z1D633PJN98FT9",
                managedLoginVersion: 2 },
            clients: [{ name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/callback"] }, branding: "cognito" }],
            identityProviders: [{ name: "Corp", type: "oidc", clientId: "corp-app", clientSecret: "[secret]", issuer: "https://login.example.com",
                scopes: ["openid"], attributeMapping: { email: "email" } }] }),
        secretKeys: ["cognito-user-pool:identityProviders"],
    };
    const withLogGroupAndFirehose = withSettings(stackConfig("prod"), { tier: "plus", logs: { userNotification: {},
        userAuthEvents: { streamArn: `arn:aws:firehose:ap-northeast-2:${offlineAccountId}:deliverystream/sign-in-activity` } } });
    const withBucket = withSettings(stackConfig("dev"), { tier: "plus", logs: { userAuthEvents: { bucketArn: "arn:aws:s3:::example-sign-in-activity" } } });
    for (const config of [stackConfig("prod"), withZone, withSuccessor, withGroupsAndScopes, withLogGroupAndFirehose, withBucket]) {
        const { resources } = await evaluateStack(config);
        evaluated.push({ stack: config.stack, region: config.config["aws:region"] ?? "us-east-1", resources: resources.filter((resource) => resource.custom) });
    }
    return evaluated;
}

/**
 * Every call the provider makes for one stack, by phase. A migration function's log group, `/aws/lambda/<name>`,
 * is included whether the program declares it or Lambda creates it on the first invocation.
 */
export function callsOf({ resources, region }: EvaluatedStack): Record<Phase, AwsCall[]> {
    const view = { resources, region };
    const all: PhaseCalls[] = resources.map((resource) => {
        const calls = providerCalls[resource.type];
        if (calls === undefined) {
            throw new Error(`${resource.type} (${resource.name}): its provider calls are not listed in test/iam/support/provider-calls.ts`);
        }
        return calls(resource, view);
    });
    const declaredLogGroups = new Set(resources.filter((resource) => resource.type === "aws:cloudwatch/logGroup:LogGroup").map((group) => group.inputs.name));
    for (const fn of resources.filter((resource) => resource.type === "aws:lambda/function:Function")) {
        const name = `/aws/lambda/${fn.outputs!.name}`;
        if (!declaredLogGroups.has(name)) {
            all.push(logGroupCalls(name, region, fn.inputs.tags ?? {}));
        }
    }
    return {
        create: all.flatMap((calls) => calls.create),
        read: all.flatMap((calls) => calls.read),
        update: all.flatMap((calls) => calls.update),
        delete: all.flatMap((calls) => calls.delete),
    };
}

/** The IAM prefix of each AWS SDK v3 client the commands use. */
const sdkServices: Record<string, string> = {
    "@aws-sdk/client-cognito-identity-provider": "cognito-idp",
    "@aws-sdk/client-sesv2": "ses",
};

/** `GetAccountCommand` and `paginateListUserPoolClients` imported from a client and called in the files: the IAM actions. */
export function sdkActionsCalledIn(files: readonly string[]): Set<string> {
    const actions = new Set<string>();
    for (const file of files) {
        const text = fs.readFileSync(path.join(repoRoot, file), "utf8");
        for (const [, names, module] of text.matchAll(/import\s*{([^}]*)}\s*from\s*"(@aws-sdk\/client-[a-z0-9-]+)"/g)) {
            for (const name of names.split(",").map((item) => item.trim())) {
                const action = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
                if (action !== undefined && text.includes(name + "(")) {
                    actions.add(`${sdkServices[module]}:${action}`);
                }
            }
        }
    }
    return actions;
}

/** The TypeScript files of folders of the repo. */
export function sourcesIn(...folders: string[]): string[] {
    return folders.flatMap((folder) => fs.readdirSync(path.join(repoRoot, folder))
        .filter((name) => name.endsWith(".ts")).map((name) => path.join(folder, name)));
}

/** A command's call on what the stack deployed: its pool, or its SES identity, or the SES account. */
export function commandCall(action: string, stack: EvaluatedStack): AwsCall {
    const pool = stack.resources.find((resource) => resource.type === "aws:cognito/userPool:UserPool")!;
    const identity = stack.resources.find((resource) => resource.type === "aws:sesv2/emailIdentity:EmailIdentity");
    const tagged = (resource: RegisteredResource) => Object.fromEntries(Object.entries(resource.inputs.tags ?? {})
        .map(([key, value]) => [`aws:ResourceTag/${key}`, value as string]));
    if (action === "ses:GetAccount" || action === "cognito-idp:DescribeUserPoolDomain") {
        return { action, resource: "*", why: "an action without a resource type: the SES account's sandbox status, a pool's domain" };
    }
    if (action.startsWith("ses:")) {
        const arn = identity?.outputs!.arn ?? `arn:aws:ses:${stack.region}:${offlineAccountId}:identity/example.com`;
        return { action, resource: arn, context: identity ? tagged(identity) : {}, why: "the command reads the SES identity" };
    }
    return { action, resource: pool.outputs!.arn, context: tagged(pool), why: "the command reads the pool" };
}
