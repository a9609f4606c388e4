import { allowedContextKeysForRequest, runSimulation } from "@cloud-copilot/iam-simulate";
import * as fs from "fs";
import * as path from "path";
import { stackTagKey } from "../../../components/deploy-scope";
import { offlineAccountId } from "../../../offline/mock-cloud";
import { repoRoot } from "../../support/program";

/** One AWS API call as IAM authorizes it: the action, the resource's ARN ("*" for none) and the request's context keys. */
export interface AwsCall {
    readonly action: string;
    readonly resource: string;
    readonly context?: Readonly<Record<string, string | string[]>>;
    /** What the call is for, in a failure message. */
    readonly why: string;
}

export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

export type PolicyDocument = { Version: string; Statement: Record<string, unknown>[] };

export function policyFile(name: string): PolicyDocument {
    return JSON.parse(fs.readFileSync(path.join(repoRoot, "iam", name), "utf8"));
}

/** Who makes the calls: a role session, with its role's tags (aws:PrincipalTag) and account. */
export interface Principal {
    readonly arn: string;
    readonly tags: Readonly<Record<string, string>>;
}

/** The DNS domain whose records the test stacks write (their SES domain, MAIL FROM and custom domain are under it). */
export const deployerDnsDomain = "example.com";

/** The stack's deployer role, as GitHub's OIDC session of it: tagged with its stack and the DNS domain it may write. */
export function deployerOf(stack: string): Principal {
    return {
        arn: `arn:aws:sts::${offlineAccountId}:assumed-role/cognito-user-pool-deploy-${stack}/GitHubActions`,
        tags: { [stackTagKey]: stack, "cognito-user-pool:dns-domain": deployerDnsDomain },
    };
}

/**
 * IAM's decision on one call, by @cloud-copilot/iam-simulate (identity policies and a permissions boundary, same
 * account). Context keys the action does not support for that resource are left out, as AWS would not send them;
 * a request the simulator finds invalid (an unknown action, an ARN of the wrong type) throws.
 */
export async function decide(call: AwsCall, principal: Principal, identityPolicies: readonly PolicyDocument[],
    permissionsBoundary?: PolicyDocument): Promise<Decision> {
    const [service, action] = call.action.split(":");
    const supported = new Set(await allowedContextKeysForRequest(service, action, call.resource, false, undefined));
    const isSupported = (key: string) => supported.has(key.toLowerCase()) ||
        supported.has(key.replace(/\/.*$/, "/${tagkey}").toLowerCase());
    const requestContext = Object.fromEntries(Object.entries(call.context ?? {}).filter(([key]) => isSupported(key)));
    const result = await runSimulation({
        identityPolicies: identityPolicies.map((policy, index) => ({ name: `policy${index}`, policy })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        ...(permissionsBoundary ? { permissionBoundaryPolicies: [{ name: "boundary", policy: permissionsBoundary }] } : {}),
        request: {
            action: call.action,
            principal: principal.arn,
            resource: { resource: call.resource, accountId: offlineAccountId },
            contextVariables: {
                ...Object.fromEntries(Object.entries(principal.tags).map(([key, value]) => [`aws:PrincipalTag/${key}`, value])),
                "aws:PrincipalAccount": offlineAccountId,
                "aws:PrincipalArn": principal.arn,
                ...requestContext,
            },
        },
    }, {});
    if (result.resultType === "error") {
        throw new Error(`${call.action} on ${call.resource} (${call.why}): the simulator refused the request: ${JSON.stringify(result.errors)}`);
    }
    return result.overallResult as Decision;
}
