import { stackTagKey, triggerOfTagKey } from "../config/rules/tags";

/*
 * What a stack's deployer may touch, and how the program marks it. The deployer policy (iam/deployer-policy.json)
 * grants its writes only on what carries these marks, keyed by the deployer role's own tag
 * `cognito-user-pool:stack` (`${aws:PrincipalTag/cognito-user-pool:stack}`), so one policy file serves every
 * stack and a stack's role reaches no other stack's resources. docs/deploy-permissions.md explains the setup.
 */

/** The namespace of IAM paths and Lambda names: the product's, not the Pulumi project's, so the policy files are fixed. */
const namespace = "cognito-user-pool";

/** The name of the permissions boundary policy (iam/permissions-boundary.json), under the IAM path `/cognito-user-pool/`. */
export const permissionsBoundaryName = `${namespace}-boundary`;

/**
 * Lambda function names allow letters, digits, `-` and `_`, 64 at most (API_CreateFunction FunctionName, "The
 * length constraint applies only to the full ARN"; a name alone: `[a-zA-Z0-9-_]+`, 1-64); an IAM path
 * allows more. The longest name the program makes is `cognito-user-pool-<stack>-user-migration`.
 */
const stackNamePattern = /^[A-Za-z0-9_-]+$/;
const longestPurpose = "user-migration";
const maxStackNameLength = 64 - `${namespace}--${longestPurpose}`.length;

/** What a stack's deployer may create and change, by name, path and tag. */
export interface DeployScope {
    readonly stack: string;
    /** Tags every taggable resource of the stack carries (merged over the configured ones). */
    readonly tags: Readonly<Record<string, string>>;
    /** The IAM path of every role the stack creates: `/cognito-user-pool/<stack>/`. */
    readonly rolePath: string;
    /** A Lambda function's name: `cognito-user-pool-<stack>-<purpose>`. */
    functionName(purpose: "user-migration"): string;
    /** A log group the pool delivers its logs to: `/aws/cognito/cognito-user-pool/<stack>/<purpose>`. */
    logGroupName(purpose: string): string;
    /** The permissions boundary every role of the stack has, in the account and partition of `anyArn`. */
    permissionsBoundaryArn(anyArn: string): string;
}

/** The problem with a stack name that cannot be part of the scope's names, else undefined. */
export function stackNameProblem(stack: string): string | undefined {
    if (!stackNamePattern.test(stack) || stack.length > maxStackNameLength) {
        return `stack name "${stack}": expected 1 to ${maxStackNameLength} letters, digits, - or _ ` +
            `(it is part of the Lambda function name cognito-user-pool-${stack}-${longestPurpose}, which allows those, 64 at most)`;
    }
    return undefined;
}

export { stackTagKey, triggerOfTagKey };

/** The scope of a stack's deployer. Throws for a stack name that cannot be part of its names. */
export function deployScope(stack: string): DeployScope {
    const problem = stackNameProblem(stack);
    if (problem !== undefined) {
        throw new Error(problem);
    }
    return {
        stack,
        tags: { [stackTagKey]: stack },
        rolePath: `/${namespace}/${stack}/`,
        functionName: (purpose) => `${namespace}-${stack}-${purpose}`,
        logGroupName: (purpose) => `/aws/cognito/${namespace}/${stack}/${purpose}`,
        permissionsBoundaryArn(anyArn) {
            const [, partition, , , account] = anyArn.split(":");
            return `arn:${partition}:iam::${account}:policy/${namespace}/${permissionsBoundaryName}`;
        },
    };
}
