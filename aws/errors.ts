import { counted } from "../config/rules/problems";

/** Why reading from AWS failed, for the exit code and the message. */
export type AwsFailure = "region" | "credentials" | "not-found" | "access-denied" | "throttled" | "other";

/** A failed AWS read, with a message that names what was read, where, and what to do. */
export class AwsAccessError extends Error {
    constructor(readonly failure: AwsFailure, message: string) {
        super(message);
        this.name = "AwsAccessError";
    }
}

/** Two live app clients with one name: the program names clients uniquely, so it cannot tell them apart. */
export class DuplicateClientNameError extends Error {
    constructor(poolId: string, name: string, clientIds: string[]) {
        super(`user pool ${poolId} has ${clientIds.length} app clients named "${name}" (${clientIds.join(", ")}): ` +
            "the program identifies clients by name; rename all but one in the console first");
        this.name = "DuplicateClientNameError";
    }
}

/** What was being read when an SDK call failed, for the message. */
export interface AwsReadContext {
    /** The API action, e.g. DescribeUserPool. */
    readonly action: string;
    /** What it was read from, e.g. `user pool eu-west-1_AbC`. */
    readonly target: string;
    readonly region: string;
}

/** The IAM permissions the commands need, named in the access-denied message. */
export const requiredPermissions = [
    "cognito-idp:DescribeUserPool",
    "cognito-idp:GetUserPoolMfaConfig",
    "cognito-idp:ListUserPoolClients",
    "cognito-idp:DescribeUserPoolClient",
    "cognito-idp:ListGroups",
    "cognito-idp:ListResourceServers",
    "cognito-idp:ListIdentityProviders",
    "cognito-idp:DescribeIdentityProvider",
    "cognito-idp:DescribeUserPoolDomain",
    "cognito-idp:DescribeManagedLoginBrandingByClient",
    "ses:GetEmailIdentity",
    "ses:GetAccount",
] as const;

const credentialErrors = new Set([
    "CredentialsProviderError", "UnrecognizedClientException", "InvalidSignatureException",
    "ExpiredTokenException", "ExpiredToken", "InvalidClientTokenId", "IncompleteSignature", "TokenRefreshRequired",
]);
const notFoundErrors = new Set(["ResourceNotFoundException", "NotFoundException"]);
const accessDeniedErrors = new Set(["AccessDeniedException", "AccessDenied", "UnauthorizedOperation"]);
const throttlingErrors = new Set(["TooManyRequestsException", "ThrottlingException", "Throttling", "LimitExceededException"]);

interface SdkError {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** Translates an SDK error into an AwsAccessError; the SDK has already retried throttling with backoff. */
export function explainAwsError(error: unknown, context: AwsReadContext): AwsAccessError {
    if (error instanceof AwsAccessError) {
        return error;
    }
    const sdkError = (error ?? {}) as SdkError;
    const name = sdkError.name ?? "Error";
    const detail = sdkError.message ?? String(error);
    const where = `${context.action} on ${context.target} in ${context.region}`;
    if (credentialErrors.has(name)) {
        return new AwsAccessError("credentials",
            `no usable AWS credentials for ${where}: ${detail}. Set AWS_PROFILE (after \`aws sso login\` if it uses SSO), ` +
            "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
    if (notFoundErrors.has(name)) {
        return new AwsAccessError("not-found",
            `${context.target} not found in ${context.region} (${context.action}): check the id and the region ` +
            "(a pool id starts with its region, e.g. eu-west-1_AbCdEf123) and that the credentials are for the right account");
    }
    if (accessDeniedErrors.has(name)) {
        return new AwsAccessError("access-denied",
            `access denied: ${where}: ${detail}. The credentials need ${requiredPermissions.join(", ")}`);
    }
    if (throttlingErrors.has(name) || sdkError.$metadata?.httpStatusCode === 429) {
        const attempts = sdkError.$metadata?.attempts;
        return new AwsAccessError("throttled",
            `AWS throttled ${where}${attempts ? ` ${counted(attempts, "time")} in a row (retried with backoff)` : ""}: ` +
            "try again later, or allow more attempts with AWS_MAX_ATTEMPTS (default 3)");
    }
    return new AwsAccessError("other", `${where} failed: ${name}: ${detail}`);
}

/** Runs one SDK call, translating its failure. */
export async function readFromAws<T>(context: AwsReadContext, call: () => Promise<T>): Promise<T> {
    try {
        return await call();
    } catch (error) {
        throw explainAwsError(error, context);
    }
}
