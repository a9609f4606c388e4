import * as path from "path";
import { evaluateStack, RegisteredResource, StackEvaluation } from "../../offline/evaluate";
import { readStackConfig, StackConfig } from "../../stack-files/reader";

export const repoRoot = path.join(__dirname, "..", "..");

export const resourceTypes = {
    userPool: "aws:cognito/userPool:UserPool",
    client: "aws:cognito/userPoolClient:UserPoolClient",
    senderIdentity: "aws:sesv2/emailIdentity:EmailIdentity",
    backend: "cognito-user-pool:index:SignInBackend",
} as const;

/** The config of one of the repo's stacks, as the Pulumi CLI would hand it to the program. */
export function stackConfig(stack: string): StackConfig {
    return readStackConfig(repoRoot, stack);
}

/** A stack's config with some `cognito-user-pool:` keys replaced by the given raw values. */
export function withSettings(base: StackConfig, settings: Record<string, unknown>): StackConfig {
    const config = { ...base.config };
    for (const [key, value] of Object.entries(settings)) {
        config[`cognito-user-pool:${key}`] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return { ...base, config };
}

export async function evaluate(stack: StackConfig): Promise<StackEvaluation> {
    return evaluateStack(stack);
}

export function ofType(resources: readonly RegisteredResource[], type: string): RegisteredResource[] {
    return resources.filter((resource) => resource.type === type);
}

export function only(resources: readonly RegisteredResource[], type: string): RegisteredResource {
    const found = ofType(resources, type);
    if (found.length !== 1) {
        throw new Error(`expected one ${type}, found ${found.length}`);
    }
    return found[0];
}
