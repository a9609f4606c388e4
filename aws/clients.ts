import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { AwsAccessError } from "./errors";

/** The SDK clients for one region. */
export interface AwsClients {
    readonly region: string;
    readonly cognito: CognitoIdentityProviderClient;
    readonly ses: SESv2Client;
}

const regionInPoolId = /^([a-z]{2}(?:-[a-z]+)+-\d+)_/;

/** A pool id starts with its region (`eu-west-1_AbCdEf123`); undefined for ids that do not (local servers). */
export function regionOfPoolId(poolId: string): string | undefined {
    return regionInPoolId.exec(poolId)?.[1];
}

/**
 * Clients that take everything else from the standard AWS chain: credentials (env, profile, SSO, container,
 * instance), endpoint (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER / _SESV2, profile
 * endpoint_url) and retries (AWS_MAX_ATTEMPTS, AWS_RETRY_MODE; throttling is retried with backoff).
 * Region: the one given, else the chain's (AWS_REGION, profile).
 */
export async function awsClients(region?: string): Promise<AwsClients> {
    // The SDK is pinned (package.json); its notice that versions published after January 2027 need Node 22
    // concerns upgrading it, not this run, and would precede every command's output on Node 20.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    const cognito = new CognitoIdentityProviderClient(region ? { region } : {});
    let resolved: string;
    try {
        resolved = await cognito.config.region();
    } catch {
        cognito.destroy();
        throw new AwsAccessError("region", "no AWS region: pass --region, or set AWS_REGION or a region in your AWS profile");
    }
    return { region: resolved, cognito, ses: new SESv2Client({ region: resolved }) };
}

export function closeClients(clients: AwsClients): void {
    clients.cognito.destroy();
    clients.ses.destroy();
}
