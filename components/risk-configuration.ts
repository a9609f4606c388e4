import * as cognito from "@pulumi/aws/cognito";
import type { input } from "@pulumi/aws/types";
import * as pulumi from "@pulumi/pulumi";
import { riskConfigurationArgs, SesSender, UserPoolSettings } from "../config";

interface RiskConfigurationOptions {
    readonly settings: UserPoolSettings;
    readonly userPool: cognito.UserPool;
    /** The stack's SES identity, which sends the account-takeover notifications (NotifyConfigurationType.SourceArn). */
    readonly sender?: pulumi.Output<SesSender>;
    readonly parent: pulumi.Resource;
}

/**
 * The pool-wide risk configuration of threat protection, when its settings have one (no clientId: every client of
 * the pool). Notifications are sent from the stack's SES identity with the pool's FROM and REPLY-TO addresses.
 */
export function riskConfiguration(name: string, { settings, userPool, sender, parent }: RiskConfigurationOptions): cognito.RiskConfiguration | undefined {
    const threat = settings.threatProtection;
    const args = riskConfigurationArgs(threat, undefined);
    if (args === undefined) {
        return undefined;
    }
    type Takeover = input.cognito.RiskConfigurationAccountTakeoverRiskConfiguration | undefined;
    const takeover = sender === undefined ? args.accountTakeoverRiskConfiguration : sender.apply((identity) => riskConfigurationArgs(threat, {
        sourceArn: identity.arn,
        ...(settings.email.from === undefined ? {} : { from: settings.email.from }),
        ...(settings.email.replyTo === undefined ? {} : { replyTo: settings.email.replyTo }),
    })?.accountTakeoverRiskConfiguration as Takeover);
    return new cognito.RiskConfiguration(`${name}-risk`, { ...args, accountTakeoverRiskConfiguration: takeover, userPoolId: userPool.id }, { parent });
}
