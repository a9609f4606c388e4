// The pack's policies over a 1,000-resource stack: 100 pools of the dev stack's shape with 9 clients each, judged
// against a baseline of the same settings (so every fixed-settings comparison runs and passes). Prints the time
// the policies took, in-process.
import { RegisteredResource } from "../offline/evaluate";
import { hasMandatoryViolation, runPolicies } from "../offline/run-policies";
import { allPolicies, Baseline, policyConfigFor, poolSettingsFromProps, requireKnownPool } from "cognito-user-pool-policies";

const stack = "dev";
const poolType = "aws:cognito/userPool:UserPool";
const clientType = "aws:cognito/userPoolClient:UserPoolClient";
const urnOf = (type: string, name: string) => `urn:pulumi:${stack}::cognito-user-pool::cognito-user-pool:index:SignInBackend$${type}::${name}`;

function syntheticStack(pools: number, clientsPerPool: number): { resources: RegisteredResource[]; baseline: Baseline } {
    const resources: RegisteredResource[] = [];
    const baseline: Baseline = { source: "pulumi-state", stack, capturedAt: new Date(0).toISOString(), userPools: {}, clients: {}, emailIdentities: {} };
    for (let pool = 0; pool < pools; pool++) {
        const poolId = `ap-northeast-2_pool${pool}`;
        const poolInputs = {
            name: `myapp-${stack}-${pool}`,
            usernameConfiguration: { caseSensitive: false },
            schemas: [{ name: "email", attributeDataType: "String", required: true, mutable: true, developerOnlyAttribute: false,
                stringAttributeConstraints: { minLength: "0", maxLength: "2048" } }],
            passwordPolicy: { minimumLength: 8, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true },
            mfaConfiguration: "OFF", deletionProtection: "INACTIVE",
            emailConfiguration: { emailSendingAccount: "DEVELOPER", fromEmailAddress: "no-reply@example.com",
                sourceArn: "arn:aws:ses:ap-northeast-2:123456789012:identity/example.com" },
        };
        const poolUrn = urnOf(poolType, `auth-pool-${pool}`);
        resources.push({ urn: poolUrn, type: poolType, name: `auth-pool-${pool}`, custom: true, inputs: poolInputs, protect: false, retainOnDelete: false });
        baseline.userPools[poolUrn] = { id: poolId, region: "ap-northeast-2", ...requireKnownPool(poolSettingsFromProps(poolInputs), poolUrn) };
        for (let client = 0; client < clientsPerPool; client++) {
            const name = `client-${pool}-${client}`;
            const clientUrn = urnOf(clientType, `auth-${name}`);
            resources.push({ urn: clientUrn, type: clientType, name: `auth-${name}`, custom: true, protect: false, retainOnDelete: false,
                inputs: { name, userPoolId: poolId, generateSecret: false, preventUserExistenceErrors: "ENABLED", enableTokenRevocation: true } });
            baseline.clients[clientUrn] = { id: `${name}-id`, region: "ap-northeast-2", name, userPool: poolUrn, generateSecret: false };
        }
    }
    return { resources, baseline };
}

async function main() {
    const { resources, baseline } = syntheticStack(100, 9);
    // As the engine gets it: the policy-config file's JSON.
    const config = JSON.parse(JSON.stringify(policyConfigFor(baseline)));
    const started = process.hrtime.bigint();
    const verdicts = await runPolicies(allPolicies, resources, config);
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    if (hasMandatoryViolation(verdicts)) {
        throw new Error("the synthetic stack should pass every mandatory policy");
    }
    console.log(`bench:policiesMs=${milliseconds.toFixed(1)} resources=${resources.length}`);
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
