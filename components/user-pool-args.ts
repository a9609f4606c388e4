import type * as aws from "@pulumi/aws";
import { MappingContext, pool, providerArgs, signIn, UserPoolSettings } from "../config";

export { fromEmailAddress } from "../config";

/** The SES identity a pool may send through, and whether SES lets it send yet. */
export type SesSender = NonNullable<MappingContext["sender"]>;

/** The aws.cognito.UserPool inputs for a pool's settings (mapped as the catalogue says) and the SES identity it may send through. */
export function userPoolArgs(settings: UserPoolSettings, sender?: SesSender): aws.cognito.UserPoolArgs {
    return providerArgs(pool, settings, { sender }) as aws.cognito.UserPoolArgs;
}

/** The pool inputs that follow the sender, as plain values. */
export interface SenderDependentArgs {
    readonly emailConfiguration: {
        readonly emailSendingAccount: "COGNITO_DEFAULT" | "DEVELOPER";
        readonly sourceArn?: string;
        readonly fromEmailAddress?: string;
        readonly replyToEmailAddress?: string;
        readonly configurationSet?: string;
    };
    readonly emailMfaConfiguration?: Record<string, never>;
}

/**
 * The pool inputs that follow the sender: DEVELOPER (SES) with the configured FROM, REPLY-TO and configuration
 * set once the identity is verified; Cognito's default sender before, and with `sender: cognito`. The email MFA
 * factor follows too.
 */
export function senderDependentArgs(settings: UserPoolSettings, sender: SesSender | undefined): SenderDependentArgs {
    const { emailConfiguration, emailMfaConfiguration } = providerArgs(pool, settings, { sender }) as Partial<SenderDependentArgs>;
    return { emailConfiguration: emailConfiguration!, ...(emailMfaConfiguration ? { emailMfaConfiguration } : {}) };
}

/** The sign-in inputs: usernameAttributes or aliasAttributes, and usernameConfiguration. */
export function signInArgs(settings: UserPoolSettings["signIn"]): aws.cognito.UserPoolArgs {
    return providerArgs(signIn, settings, {}) as aws.cognito.UserPoolArgs;
}
