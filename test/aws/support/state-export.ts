import { createHash } from "crypto";
import { RegisteredResource, SecretValue, StackEvaluation } from "../../../offline/evaluate";

/**
 * What `pulumi stack export` prints after the evaluated program was deployed: version 3, the stack resource with
 * the exports, the default aws provider, the component and its children with ids, inputs (as the provider
 * checked them) and outputs (inputs plus what AWS computed), secrets encrypted.
 */

const secretSignature = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };
const deployedAt = "2026-11-20T10:00:00.000000Z";

/** A secret as the state holds it without --show-secrets: ciphertext only. */
export function encryptedSecret(seed: string) {
    return { ...secretSignature, ciphertext: `v1:${createHash("sha256").update(seed).digest("base64").slice(0, 40)}` };
}

/** A resource's inputs, those the program registered as secrets encrypted (top-level inputs only). */
function withSecretInputsEncrypted(resource: RegisteredResource): Record<string, unknown> {
    const secret = new Set((resource.secretInputs ?? []).map((path) => path.split(/[.[]/)[0]));
    return Object.fromEntries(Object.entries(resource.inputs).map(([key, value]) =>
        [key, secret.has(key) && value !== null && typeof value === "object" ? encryptedSecret(`${resource.urn}.${key}`) : value]));
}

function encryptSecrets(value: unknown, seed: string): unknown {
    if (value instanceof SecretValue) {
        return encryptedSecret(seed);
    }
    if (Array.isArray(value)) {
        return value.map((item, index) => encryptSecrets(item, `${seed}[${index}]`));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encryptSecrets(item, `${seed}.${key}`)]));
    }
    return value;
}

/** What each resource of the program waits for: a client, group, resource server or domain for its pool, the pool for its SES identity. */
const dependsOn: Record<string, string> = {
    "aws:cognito/userPoolClient:UserPoolClient": "aws:cognito/userPool:UserPool",
    "aws:cognito/userGroup:UserGroup": "aws:cognito/userPool:UserPool",
    "aws:cognito/resourceServer:ResourceServer": "aws:cognito/userPool:UserPool",
    "aws:cognito/userPoolDomain:UserPoolDomain": "aws:cognito/userPool:UserPool",
    "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration": "aws:cognito/userPool:UserPool",
    "aws:cognito/managedLoginBranding:ManagedLoginBranding": "aws:cognito/userPoolClient:UserPoolClient",
    "aws:cognito/identityProvider:IdentityProvider": "aws:cognito/userPool:UserPool",
    "aws:cognito/userPool:UserPool": "aws:sesv2/emailIdentity:EmailIdentity",
};

export function stateExportOf(evaluation: StackEvaluation, project: string, stack: string, region: string) {
    const outputs = evaluation.outputs as {
        userPoolId: string;
        userPoolArn: string;
        userPoolEndpoint: string;
        clients: Record<string, { id: string }>;
        senderIdentity?: { arn: string; identity: string };
    };
    const stackUrn = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
    const providerUrn = `urn:pulumi:${stack}::${project}::pulumi:providers:aws::default_7_48_0`;
    const providerId = createHash("sha256").update(providerUrn).digest("hex").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, "$1-$2-$3-$4-$5");
    const providerInputs = { __internal: {}, region, skipCredentialsValidation: "false", skipRegionValidation: "true", version: "7.48.0" };
    // The provider's pool reads DescribeUserPool's Domain and CustomDomain (user_pool.go).
    const domain = evaluation.resources.find((resource) => resource.type === "aws:cognito/userPoolDomain:UserPoolDomain")?.inputs;
    const poolDomains = { domain: domain && !domain.certificateArn ? domain.domain : "", customDomain: domain?.certificateArn ? domain.domain : "" };
    const deployed = (resource: RegisteredResource) => {
        switch (resource.type) {
            case "aws:cognito/userPool:UserPool":
                return { id: outputs.userPoolId, computed: {
                    arn: outputs.userPoolArn, endpoint: outputs.userPoolEndpoint, creationDate: deployedAt, lastModifiedDate: deployedAt,
                    estimatedNumberOfUsers: 0, ...poolDomains, tagsAll: resource.inputs.tags ?? {},
                } };
            case "aws:cognito/userPoolClient:UserPoolClient":
                return { id: outputs.clients[resource.inputs.name].id, computed: {
                    clientSecret: resource.inputs.generateSecret ? encryptedSecret(resource.urn) : "",
                } };
            // The provider's ids: `<pool id>/<group name>` (user_group.go), `<pool id>|<identifier>` (resource_server.go).
            case "aws:cognito/userGroup:UserGroup":
                return { id: `${outputs.userPoolId}/${resource.inputs.name}`, computed: { userPoolId: outputs.userPoolId } };
            case "aws:cognito/resourceServer:ResourceServer":
                return { id: `${outputs.userPoolId}|${resource.inputs.identifier}`, computed: {
                    userPoolId: outputs.userPoolId,
                    scopeIdentifiers: (resource.inputs.scopes ?? []).map((scope: { scopeName: string }) => `${resource.inputs.identifier}/${scope.scopeName}`),
                } };
            // user_pool_domain.go: the id is the domain; Read sets certificate_arn "" for a prefix domain.
            case "aws:cognito/userPoolDomain:UserPoolDomain":
                return { id: resource.inputs.domain, computed: {
                    awsAccountId: "123456789012", certificateArn: resource.inputs.certificateArn ?? "",
                    cloudfrontDistribution: resource.inputs.certificateArn ? "d1abcdef8.cloudfront.net" : "",
                    cloudfrontDistributionZoneId: "Z2FDTNDATAQYW2", s3Bucket: "aws-cognito-prod-iad-assets", version: "20261206000000",
                } };
            // log_delivery_configuration.go: identified by its pool (@IdentityAttribute("user_pool_id")).
            case "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration":
            // risk_configuration.go: the id is the pool id (`<pool id>:<client id>` for a client's).
            case "aws:cognito/riskConfiguration:RiskConfiguration":
                return { id: outputs.userPoolId, computed: { userPoolId: outputs.userPoolId } };
            // managed_login_branding.go: the id is `<pool id>,<style id>` (ImportState); Create and Read set the style id, settings_all
            // (the settings merged with Cognito's defaults) and use_cognito_provided_values.
            case "aws:cognito/managedLoginBranding:ManagedLoginBranding": {
                const id = resource.importId ?? `${outputs.userPoolId},06c6ae7b-1e66-46d2-87a9-1203ea3307bd`;
                return { id, computed: {
                    managedLoginBrandingId: id.split(",")[1], settingsAll: resource.inputs.settings ?? "{}",
                    useCognitoProvidedValues: resource.inputs.useCognitoProvidedValues ?? false,
                } };
            }
            // identity_provider.go: the id is `<pool id>:<name>`; its details are a secret input and output (identity-providers.ts).
            case "aws:cognito/identityProvider:IdentityProvider":
                return { id: `${outputs.userPoolId}:${resource.inputs.providerName}`, computed: {
                    userPoolId: outputs.userPoolId, providerDetails: encryptedSecret(`${resource.urn}.providerDetails`),
                } };
            case "aws:sesv2/emailIdentity:EmailIdentity":
                return { id: resource.inputs.emailIdentity, computed: {
                    arn: outputs.senderIdentity?.arn, identityType: resource.inputs.emailIdentity.includes("@") ? "EMAIL_ADDRESS" : "DOMAIN",
                    verifiedForSendingStatus: true, tagsAll: resource.inputs.tags ?? {},
                } };
            default:
                throw new Error(`no deployed state for ${resource.type}`);
        }
    };
    const resources = evaluation.resources.map((resource) => {
        const common = { urn: resource.urn, custom: resource.custom, type: resource.type, parent: resource.parent ?? stackUrn };
        if (!resource.custom) {
            return { ...common, created: deployedAt, modified: deployedAt };
        }
        const { id, computed } = deployed(resource);
        return {
            ...common,
            id,
            inputs: { __defaults: [], ...withSecretInputsEncrypted(resource) },
            // @pulumi/aws 7 records each resource's effective region among its outputs.
            outputs: { ...resource.inputs, id, region, ...computed },
            protect: resource.protect,
            retainOnDelete: resource.retainOnDelete,
            provider: `${providerUrn}::${providerId}`,
            dependencies: evaluation.resources.filter((other) => other.type === dependsOn[resource.type]).map((other) => other.urn),
            created: deployedAt,
            modified: deployedAt,
        };
    });
    return {
        version: 3,
        deployment: {
            manifest: { time: deployedAt, magic: "", version: "v3.208.0" },
            secrets_providers: { type: "service", state: { url: "https://api.pulumi.com", owner: "example-org", project, stack } },
            resources: [
                { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack",
                    outputs: encryptSecrets(evaluation.outputs, stackUrn), created: deployedAt, modified: deployedAt },
                { urn: providerUrn, custom: true, id: providerId, type: "pulumi:providers:aws",
                    inputs: providerInputs, outputs: providerInputs, created: deployedAt, modified: deployedAt },
                ...resources,
            ],
        },
    };
}
