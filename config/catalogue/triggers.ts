import type { LambdaConfigType } from "@aws-sdk/client-cognito-identity-provider";
import type * as inputs from "@pulumi/aws/types/input";
import { z } from "zod";
import { kmsKeyArn, lambdaFunctionArn } from "../rules/lambda-arns";
import { problem, section, setting } from "./define";
import type { ReadContext } from "./read-back";
import { withoutUnset } from "./without-unset";

/*
 * The user's own Lambda triggers, by ARN: the pool's LambdaConfig (API_LambdaConfigType: "a request and response
 * parameter of CreateUserPool and UpdateUserPool, and a response parameter of DescribeUserPool").
 * terraform-provider-aws internal/service/cognitoidp/user_pool.go @ 015edb13 (6.x): every trigger is an Optional
 * ARN, none ForceNew, so a change updates the pool in place (the @pulumi/aws 7.48.0 docs of UserPoolLambdaConfig
 * name no replacement either). Removing one (docs/triggers.md, "Removing a trigger"):
 * - resourceUserPoolUpdate sends UpdateUserPool with LambdaConfig = expandLambdaConfigType(d.GetOk("lambda_config")),
 *   nothing when the block is gone; and UpdateUserPool resets what it is not sent, "your Lambda triggers" included
 *   (developer guide, cognito-user-pool-updating.html). So the last trigger removed, triggersArgs sends no
 *   lambdaConfig at all: lambda_config (Optional, not Computed) goes from one block to none and the pool is updated
 *   without LambdaConfig. An empty lambdaConfig would keep the block, and with it the deployed pre token trigger.
 * - pre_token_generation and pre_token_generation_config are Optional and Computed: a value left out of a block that
 *   stays is no change (terraform-plugin-sdk helper/schema/schema.go, diffString "removed && schema.Computed" and
 *   diffList "o != nil && n == nil && !computedList && schema.Computed" return no diff) and the deployed one is sent
 *   again. preTokenGeneration removed beside other triggers stays on the pool (open issues hashicorp/terraform-provider-aws
 *   #38617, #45529, the latter on 6.25.0); nothing the program can send clears it alone: an empty ARN reaches the
 *   API as PreTokenGenerationConfig.LambdaArn "" (expandPreTokenGenerationVersionConfigType), under the minimum length
 *   of 20 (API_PreTokenGenerationVersionConfigType).
 * The stack grants each function the right to be invoked by this pool only (components/trigger-permissions.ts).
 */

/** The triggers that take a function ARN alone, by their config key: the provider input and the API field. */
export const plainTriggers = {
    preSignUp: "PreSignUp",
    postConfirmation: "PostConfirmation",
    preAuthentication: "PreAuthentication",
    postAuthentication: "PostAuthentication",
    customMessage: "CustomMessage",
    defineAuthChallenge: "DefineAuthChallenge",
    createAuthChallenge: "CreateAuthChallenge",
    verifyAuthChallengeResponse: "VerifyAuthChallengeResponse",
    userMigration: "UserMigration",
} as const;
export type PlainTrigger = keyof typeof plainTriggers;

const plainTriggerDocs: Readonly<Record<PlainTrigger, string>> = {
    preSignUp: "Runs before a sign-up (and an administrator's AdminCreateUser); may refuse it or confirm the user.",
    postConfirmation: "Runs once a user is confirmed.",
    preAuthentication: "Runs before a sign-in; may refuse it.",
    postAuthentication: "Runs after a sign-in.",
    customMessage: "Writes the pool's email and SMS messages.",
    defineAuthChallenge: "Custom authentication: decides the next challenge.",
    createAuthChallenge: "Custom authentication: makes a challenge.",
    verifyAuthChallengeResponse: "Custom authentication: checks an answer.",
    userMigration: "Moves a user the pool does not have from another directory at sign-in or password reset.",
};

const plainSettings = Object.fromEntries(Object.entries(plainTriggers).map(([key, api]) => [key, setting(lambdaFunctionArn.optional(), {
    doc: plainTriggerDocs[key as PlainTrigger],
    allowed: "a Lambda function ARN in the stack's region",
    input: `lambdaConfig.${key}`,
    describe: `LambdaConfig.${api}`,
})])) as { [K in PlainTrigger]: ReturnType<typeof setting<z.ZodOptional<typeof lambdaFunctionArn>>> };

/**
 * Pre token generation event versions (API_PreTokenGenerationVersionConfigType: `V1_0 | V2_0 | V3_0`). V2_0 and V3_0
 * customise the access token too, in user pools "with the Essentials or Plus feature plan"
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html).
 */
export const preTokenVersions = ["V1_0", "V2_0", "V3_0"] as const;
export const accessTokenVersions: readonly string[] = ["V2_0", "V3_0"];

/*
 * Only preTokenGenerationConfig is sent, never the legacy preTokenGeneration: the provider keeps the two in step
 * on update (copying one's ARN into the other, or making up a V1_0 config: resourceUserPoolUpdate, "A guess"), and
 * the provider's docs of 7.48.0 say to "set the lambdaArn of preTokenGenerationConfig" for new triggers.
 */
const preTokenGeneration = section({
    arn: setting(lambdaFunctionArn, {
        doc: "The function.",
        allowed: "a Lambda function ARN in the stack's region",
        input: "lambdaConfig.preTokenGenerationConfig.lambdaArn",
        // DescribeUserPool repeats it in the legacy PreTokenGeneration (the two "have the same value"), which
        // triggersFromDescribed reads for a pool that has only the legacy trigger.
        describe: "LambdaConfig.PreTokenGenerationConfig.LambdaArn",
    }),
    version: setting(z.enum(preTokenVersions).default("V1_0"), {
        doc: "The event version: V1_0 customises the ID token; V2_0 the access token too; V3_0 also the access tokens of " +
            "client-credentials grants. V2_0 and V3_0 need tier essentials or plus.",
        input: "lambdaConfig.preTokenGenerationConfig.lambdaVersion",
        describe: "LambdaConfig.PreTokenGenerationConfig.LambdaVersion",
    }),
}, { doc: "Customises the tokens before Cognito issues them.", wrap: (object) => object.optional() });

/**
 * A custom sender: the function sends the pool's email or SMS messages itself, the codes in them encrypted with
 * `kmsKeyArn`. Its version "The only supported value is `V1_0`" (@pulumi/aws 7.48.0 UserPoolLambdaConfigCustomEmailSender
 * and ...CustomSmsSender; API_CustomEmailLambdaVersionConfigType).
 */
const customSender = (what: string, api: string, input: string) => section({
    arn: setting(lambdaFunctionArn, {
        doc: "The function.",
        allowed: "a Lambda function ARN in the stack's region",
        input: `lambdaConfig.${input}.lambdaArn`,
        describe: `LambdaConfig.${api}.LambdaArn`,
    }),
    version: setting(z.literal("V1_0").default("V1_0"), {
        doc: "The event version; V1_0 is the only one.",
        input: `lambdaConfig.${input}.lambdaVersion`,
        describe: `LambdaConfig.${api}.LambdaVersion`,
    }),
}, { doc: `Sends the pool's ${what} messages instead of Cognito; needs kmsKeyArn.`, wrap: (object) => object.optional() });

export const triggers = section({
    ...plainSettings,
    preTokenGeneration,
    customEmailSender: customSender("email", "CustomEmailSender", "customEmailSender"),
    customSmsSender: customSender("SMS", "CustomSMSSender", "customSmsSender"),
    kmsKeyArn: setting(kmsKeyArn.optional(), {
        doc: "The KMS key Cognito encrypts the codes and temporary passwords it hands a custom sender with.",
        allowed: "a KMS key ARN in the stack's region",
        input: "lambdaConfig.kmsKeyId",
        describe: "LambdaConfig.KMSKeyID",
    }),
}, {
    doc: "Your own Lambda triggers, by function ARN; the stack lets this pool, and nothing else, invoke each. See [Your own Lambda triggers](triggers.md).",
    scope: "per-environment",
    // terraform-provider-aws user_pool.go: custom_email_sender and custom_sms_sender are `RequiredWith:
    // lambda_config.0.kms_key_id`; a key no sender uses has nothing to encrypt.
    checks: [(triggers, ctx) => {
        const senders = (["customEmailSender", "customSmsSender"] as const).filter((key) => triggers[key] !== undefined);
        if (senders.length > 0 && triggers.kmsKeyArn === undefined) {
            problem(ctx, ["kmsKeyArn"], undefined, `${senders.join(" and ")} need${senders.length === 1 ? "s" : ""} the KMS key Cognito encrypts their codes with: set kmsKeyArn`);
        }
        if (senders.length === 0 && triggers.kmsKeyArn !== undefined) {
            problem(ctx, ["kmsKeyArn"], triggers.kmsKeyArn, "only a custom sender uses the key: set customEmailSender or customSmsSender, or remove kmsKeyArn");
        }
    }],
    wrap: (object) => object.optional(),
});

/** The triggers as parsed (defaults applied). */
export type TriggerSettings = NonNullable<z.output<typeof triggers.schema>>;
/** The triggers as a stack file writes them. */
export type TriggerInput = NonNullable<z.input<typeof triggers.schema>>;

/** The pool's lambdaConfig for the user's triggers; none without any. */
export function triggersArgs(settings: TriggerSettings | undefined): { readonly lambdaConfig?: inputs.cognito.UserPoolLambdaConfig } {
    if (settings === undefined) {
        return {};
    }
    const { preTokenGeneration: preToken, customEmailSender, customSmsSender, kmsKeyArn: kmsKeyId } = settings;
    const lambdaConfig = withoutUnset({
        ...Object.fromEntries((Object.keys(plainTriggers) as PlainTrigger[]).map((key) => [key, settings[key]])),
        preTokenGenerationConfig: preToken && { lambdaArn: preToken.arn, lambdaVersion: preToken.version },
        customEmailSender: customEmailSender && { lambdaArn: customEmailSender.arn, lambdaVersion: customEmailSender.version },
        customSmsSender: customSmsSender && { lambdaArn: customSmsSender.arn, lambdaVersion: customSmsSender.version },
        kmsKeyId,
    });
    return Object.keys(lambdaConfig).length === 0 ? {} : { lambdaConfig };
}

/** The triggers read back from DescribeUserPool's LambdaConfig; nothing when it names none. */
export function triggersFromDescribed(described: LambdaConfigType | undefined, context: ReadContext): TriggerInput | undefined {
    if (described === undefined) {
        return undefined;
    }
    const preTokenArn = described.PreTokenGenerationConfig?.LambdaArn ?? described.PreTokenGeneration;
    if (described.PreTokenGeneration !== undefined && described.PreTokenGenerationConfig?.LambdaArn !== undefined &&
        described.PreTokenGeneration !== described.PreTokenGenerationConfig.LambdaArn) {
        context.gap("LambdaConfig.PreTokenGeneration", described.PreTokenGeneration,
            `differs from PreTokenGenerationConfig.LambdaArn (${described.PreTokenGenerationConfig.LambdaArn}), which the program sets alone`);
    }
    if (preTokenArn !== undefined && described.PreTokenGenerationConfig?.LambdaVersion === undefined) {
        context.note("LambdaConfig.PreTokenGenerationConfig", "not reported: the legacy PreTokenGeneration trigger sends V1_0 events, read as version V1_0");
    }
    const sender = (config: { LambdaArn?: string; LambdaVersion?: string } | undefined, api: string) => {
        if (config?.LambdaArn === undefined) {
            return undefined;
        }
        if (config.LambdaVersion !== undefined && config.LambdaVersion !== "V1_0") {
            context.gap(`LambdaConfig.${api}.LambdaVersion`, config.LambdaVersion, "the config model knows version V1_0 only");
        }
        return { arn: config.LambdaArn, version: "V1_0" as const };
    };
    const version = described.PreTokenGenerationConfig?.LambdaVersion ?? "V1_0";
    if (!(preTokenVersions as readonly string[]).includes(version)) {
        context.gap("LambdaConfig.PreTokenGenerationConfig.LambdaVersion", version, `the config model knows ${preTokenVersions.join(", ")}`);
    }
    const read: TriggerInput = withoutUnset({
        ...Object.fromEntries(Object.entries(plainTriggers).map(([key, api]) => [key, described[api]])),
        preTokenGeneration: preTokenArn === undefined ? undefined : {
            arn: preTokenArn,
            version: preTokenVersions.find((known) => known === version) ?? "V1_0",
        },
        customEmailSender: sender(described.CustomEmailSender, "CustomEmailSender"),
        customSmsSender: sender(described.CustomSMSSender, "CustomSMSSender"),
        kmsKeyArn: described.KMSKeyID,
    });
    return Object.keys(read).length === 0 ? undefined : read;
}

/**
 * The tier rule of the pre token generation trigger: V2_0 and V3_0 events (access token customisation) are an
 * Essentials or Plus feature (user-pool-lambda-pre-token-generation.html, "In user pools with the Essentials or Plus
 * feature plan, you can generate the version two or V2_0 trigger event"); to leave them, "configure it for V1_0
 * events" (feature-plans-deactivate.html).
 */
export function checkPreTokenTier(pool: { tier: string; triggers?: TriggerSettings }, ctx: z.RefinementCtx): void {
    const version = pool.triggers?.preTokenGeneration?.version;
    if (pool.tier === "lite" && version !== undefined && accessTokenVersions.includes(version)) {
        problem(ctx, ["triggers", "preTokenGeneration", "version"], version,
            `${version} events (access token customisation) need tier essentials or plus (tier is lite): set tier, or use V1_0`);
    }
}

/** Each ARN the triggers name (functions, then the KMS key) with its config key, in config order. */
export function triggerArnsAt(settings: TriggerSettings | undefined): { path: PropertyKey[]; arn: string }[] {
    if (settings === undefined) {
        return [];
    }
    const at = (path: string[], arn: string | undefined) => arn === undefined ? [] : [{ path: ["triggers", ...path], arn }];
    return [
        ...(Object.keys(plainTriggers) as PlainTrigger[]).flatMap((key) => at([key], settings[key])),
        ...(["preTokenGeneration", "customEmailSender", "customSmsSender"] as const).flatMap((key) => at([key, "arn"], settings[key]?.arn)),
        ...at(["kmsKeyArn"], settings.kmsKeyArn),
    ];
}

/** The function ARNs the triggers name, each once, in config order. */
export function triggerFunctionArns(settings: TriggerSettings | undefined): string[] {
    const functions = triggerArnsAt(settings).filter(({ path }) => path[1] !== "kmsKeyArn").map(({ arn }) => arn);
    return [...new Set(functions)];
}
