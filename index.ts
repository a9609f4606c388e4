import * as pulumi from "@pulumi/pulumi";
import { SignInBackend, stackOutputs, warnOfFrontendConfig } from "./components";
import { deployScope } from "./components/deploy-scope";
import { loadSecretKeys, loadStackSettings } from "./config/pulumi-config";

const settings = loadStackSettings();
const secretKeys = loadSecretKeys();
const scope = deployScope(pulumi.getStack());

const backend = new SignInBackend("auth", {
    userPool: settings,
    clients: settings.clients,
    groups: settings.groups,
    resourceServers: settings.resourceServers,
    domain: settings.domain,
    logs: settings.logs,
    identityProviders: settings.identityProviders,
    // A pool with a successor keeps its users until they have moved: it is never deleted by Pulumi.
    protect: settings.protect || settings.successor !== undefined,
    adopt: settings.import,
    scope,
    secretKeys,
});

warnOfFrontendConfig(backend, settings.clients, ["clients"]);

/** Loaded only with a successor: it brings in @pulumi/aws/lambda and /iam, which cost every other stack time. */
function successorModule(): typeof import("./components/successor-stack") {
    return require("./components/successor-stack");
}

export const {
    userPoolId, userPoolArn, userPoolEndpoint, issuerUrl, jwksUrl, region, domain, clients, senderIdentity, frontendConfig, amplifyConfig, migration,
} = settings.successor === undefined
    ? { ...stackOutputs(backend, settings), migration: undefined }
    : successorModule().successorStack(backend, settings, settings.successor, scope, secretKeys);
