import { SignInBackend, stackOutputs } from "./components";
import { loadStackSettings } from "./config/pulumi-config";

const settings = loadStackSettings();

const backend = new SignInBackend("auth", {
    userPool: settings.userPool,
    clients: settings.clients,
    protect: settings.protect,
    adopt: settings.import,
});

export const {
    userPoolId, userPoolArn, userPoolEndpoint, issuerUrl, jwksUrl, region, clients, senderIdentity, frontendConfig,
} = stackOutputs(backend, settings.clients, settings.userPool.email);
