import {
    CognitoIdentityProviderClient,
    DescribeUserPoolClientCommand,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    GetUserPoolMfaConfigResponse,
    UpdateUserPoolCommand,
    UpdateUserPoolCommandInput,
    UserPoolClientType,
    UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import type { CreatedPool } from "./pool-shapes";

/** A pool as the API describes it, read with the SDK directly (not through the code under test). */
export interface DescribedPool {
    readonly pool: UserPoolType;
    readonly mfa: GetUserPoolMfaConfigResponse;
    /** By client name. */
    readonly clients: Record<string, UserPoolClientType>;
}

export async function describePool(cognito: CognitoIdentityProviderClient, created: CreatedPool): Promise<DescribedPool> {
    const { UserPool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: created.poolId }));
    const mfa = await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: created.poolId }));
    const clients: Record<string, UserPoolClientType> = {};
    for (const [name, clientId] of Object.entries(created.clientIds)) {
        const { UserPoolClient } = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: created.poolId, ClientId: clientId }));
        clients[name] = UserPoolClient!;
    }
    return { pool: UserPool!, mfa, clients };
}

/**
 * UpdateUserPool as a careful console user makes it: every updatable setting sent again as it is (the API
 * resets what it is not sent), with the given changes.
 */
export async function updatePool(cognito: CognitoIdentityProviderClient, poolId: string,
    changes: Partial<UpdateUserPoolCommandInput>): Promise<void> {
    const { UserPool: pool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    await cognito.send(new UpdateUserPoolCommand({
        UserPoolId: poolId,
        Policies: pool!.Policies,
        LambdaConfig: pool!.LambdaConfig,
        AutoVerifiedAttributes: pool!.AutoVerifiedAttributes,
        VerificationMessageTemplate: pool!.VerificationMessageTemplate,
        MfaConfiguration: pool!.MfaConfiguration,
        EmailConfiguration: pool!.EmailConfiguration,
        AdminCreateUserConfig: pool!.AdminCreateUserConfig,
        UserPoolTags: pool!.UserPoolTags,
        AccountRecoverySetting: pool!.AccountRecoverySetting,
        UserAttributeUpdateSettings: pool!.UserAttributeUpdateSettings,
        DeletionProtection: pool!.DeletionProtection,
        UserPoolTier: pool!.UserPoolTier,
        ...changes,
    }));
}
