// The service modules, not the @pulumi/aws index: loading the index costs about 0.15 s at every run.
import * as cognito from "@pulumi/aws/cognito";
import type * as lambda from "@pulumi/aws/lambda";
import * as pulumi from "@pulumi/pulumi";
import {
    appClientArgs, ClientSettings, DomainSettings, GroupSettings, IdentityProviderSettings, ImportSettings, inputPathsFrom, LogSettings,
    ResourceServerSettings, SesSender, senderDependentArgs, triggerFunctionArns, userPoolArgs, UserPoolSettings,
} from "../config";
import type { DeployScope } from "./deploy-scope";
import { groupsAndScopes } from "./groups-and-scopes";
import { identityProviders, supportedProvidersOf } from "./identity-providers";
import type { LogDeliveryArgs, LogDeliveryResources } from "./log-delivery";
import { riskConfiguration } from "./risk-configuration";
import { managedLoginBrandings, unstyledClients, unstyledClientWarning } from "./managed-login-branding";
import { withSecretInputs } from "./secret-inputs";
import { sesSender, SesSenderResources } from "./ses-sender";
import { PoolDomain, userPoolDomain } from "./user-pool-domain";

export interface SignInBackendArgs {
    /** The pool's settings, defaults applied. */
    readonly userPool: UserPoolSettings;
    /** The app clients, at least one. */
    readonly clients: readonly ClientSettings[];
    /** The pool's groups. Default: none. */
    readonly groups?: readonly GroupSettings[];
    /** The OAuth resource servers whose custom scopes clients may request. Default: none. */
    readonly resourceServers?: readonly ResourceServerSettings[];
    /** The pool's domain, for the hosted sign-in pages and OAuth endpoints. Default: none. */
    readonly domain?: DomainSettings;
    /** The pool's log delivery. Default: none. */
    readonly logs?: LogSettings;
    /** The identity providers users may sign in with. Default: none. */
    readonly identityProviders?: readonly IdentityProviderSettings[];
    /**
     * Pulumi protect and retainOnDelete on the pool; retainOnDelete only on the SES identity, which a change of
     * the FROM address must be able to replace (a new identity; the old one stays verified in SES). Default: false.
     */
    readonly protect?: boolean;
    /** Existing resources to adopt with Pulumi's import option. Default: none. */
    readonly adopt?: ImportSettings;
    /** The stack's deploy scope, whose tag the pool and the SES identity carry over the configured ones. */
    readonly scope: DeployScope;
    /** Where the clients' branding asset files are. Default: the working directory, the project's under Pulumi. */
    readonly projectDir?: string;
    /** Config keys whose values are secrets (`sms`, `clients`): every input they set is a Pulumi secret. Default: none. */
    readonly secretKeys?: readonly string[];
}

/**
 * A Cognito sign-in backend: the user pool, the SES identity its emails come from (when email goes through
 * SES; with a domain's DNS records), its app clients, one per client setting, its groups, its resource servers, its domain and
 * the clients' managed login branding styles.
 */
export class SignInBackend extends pulumi.ComponentResource {
    readonly userPool: cognito.UserPool;
    /** The SES side, when email goes through SES. */
    readonly ses?: SesSenderResources;
    /** The app clients by their configured name. */
    readonly clients: Readonly<Record<string, cognito.UserPoolClient>>;
    /** The groups by name. */
    readonly groups: Readonly<Record<string, cognito.UserGroup>>;
    /** The resource servers by identifier. */
    readonly resourceServers: Readonly<Record<string, cognito.ResourceServer>>;
    /** The domain, when the stack has one. */
    readonly domain?: PoolDomain;
    /** Each of the user's trigger functions' permission to be invoked by this pool (triggers). */
    readonly triggerPermissions: readonly lambda.Permission[];
    /** The log delivery and the log groups made for it, when the stack delivers logs. */
    readonly logDelivery?: LogDeliveryResources;
    /** Threat protection's risk configuration, when the settings have one. */
    readonly riskConfiguration?: cognito.RiskConfiguration;
    /** The managed login branding styles by the name of the client each styles. */
    readonly brandings: Readonly<Record<string, cognito.ManagedLoginBranding>>;
    /** The identity providers by name. */
    readonly identityProviders: Readonly<Record<string, cognito.IdentityProvider>>;

    constructor(name: string, args: SignInBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cognito-user-pool:index:SignInBackend", name, {}, opts);
        const protect = args.protect ?? false;
        const settings = args.userPool;
        const secretKeys = args.secretKeys ?? [];

        if (settings.email.sender === "ses") {
            this.ses = sesSender(name, settings.email, {
                parent: this, retainOnDelete: protect, tags: { ...settings.userPool.tags, ...args.scope.tags },
                adopt: args.adopt?.senderIdentity, secret: secretKeys.includes("email"),
            });
        }

        this.userPool = new cognito.UserPool(`${name}-pool`,
            withSecretInputs(userPoolArgsFollowing(settings, this.ses?.sender, args.scope), inputPathsFrom("userPool", secretKeys)),
            { parent: this, protect, retainOnDelete: protect, import: args.adopt?.userPool });

        this.triggerPermissions = invokePermissions(name, triggerFunctionArns(settings.triggers), this.userPool, this);
        this.riskConfiguration = riskConfiguration(name, { settings, userPool: this.userPool, sender: this.ses?.sender, parent: this });

        ({ groups: this.groups, resourceServers: this.resourceServers } = groupsAndScopes(name, {
            groups: args.groups ?? [], resourceServers: args.resourceServers ?? [], userPool: this.userPool, parent: this, adopt: args.adopt,
        }));

        if (args.domain !== undefined) {
            this.domain = userPoolDomain(name, { settings: args.domain, userPool: this.userPool, parent: this, adopt: args.adopt?.domain });
        }

        if (args.logs !== undefined) {
            this.logDelivery = poolLogDelivery(name, {
                settings: args.logs, userPool: this.userPool, scope: args.scope, tags: { ...settings.userPool.tags, ...args.scope.tags }, parent: this,
            });
        }

        this.identityProviders = identityProviders(name, {
            providers: args.identityProviders ?? [], userPool: this.userPool, parent: this, adopt: args.adopt,
        });

        this.clients = Object.fromEntries(args.clients.map((client) => {
            const clientId = args.adopt?.clients[client.name];
            return [client.name, new cognito.UserPoolClient(`${name}-client-${client.name}`,
                withSecretInputs(federatedClientArgs(appClientArgs(client, this.userPool.id, clientId !== undefined), this.identityProviders),
                    inputPathsFrom("client", secretKeys)),
                // The provider imports a client by `<pool id>/<client id>`; a client's custom scopes must exist first.
                { parent: this, import: clientId && `${args.adopt?.userPool}/${clientId}`, ...scopesFirst(this.resourceServers) })];
        }));

        for (const client of unstyledClients(args.clients, args.domain)) {
            pulumi.log.warn(unstyledClientWarning(client), this.clients[client]);
        }
        this.brandings = managedLoginBrandings(name, {
            clients: args.clients, clientResources: this.clients, userPool: this.userPool, parent: this, projectDir: args.projectDir ?? process.cwd(),
            secret: (inputs) => withSecretInputs(inputs, inputPathsFrom("branding", secretKeys)),
            adopt: { userPool: args.adopt?.userPool, brandings: args.adopt?.brandings ?? {} },
        });

        this.registerOutputs({});
    }
}

/**
 * The pool's inputs, tagged with the stack's deploy scope, with those that follow the SES sender's verification
 * taken from it as it resolves.
 */
export function userPoolArgsFollowing(settings: UserPoolSettings, sender: pulumi.Output<SesSender> | undefined,
    scope: DeployScope): cognito.UserPoolArgs {
    const args = { ...userPoolArgs(settings), tags: { ...settings.userPool.tags, ...scope.tags } };
    if (sender === undefined) {
        return args;
    }
    const following = sender.apply((known) => senderDependentArgs(settings, known));
    const emailMfa = settings.mfa.mode !== "off" && settings.mfa.factors.includes("email");
    return {
        ...args,
        emailConfiguration: following.emailConfiguration,
        ...(emailMfa ? { emailMfaConfiguration: following.emailMfaConfiguration } : {}),
    };
}

/** The functions' invoke permissions for the pool; the module that makes them is loaded only when there are some. */
export function invokePermissions(name: string, functionArns: readonly string[], userPool: cognito.UserPool,
    parent: pulumi.Resource): lambda.Permission[] {
    if (functionArns.length === 0) {
        return [];
    }
    const { triggerPermissions } = require("./trigger-permissions") as typeof import("./trigger-permissions");
    return triggerPermissions(name, functionArns, userPool, parent);
}

/** A pool's log delivery; its module is loaded only for one: @pulumi/aws/cloudwatch costs every other stack time (npm run bench). */
export function poolLogDelivery(name: string, args: LogDeliveryArgs): LogDeliveryResources {
    const { logDelivery } = require("./log-delivery") as typeof import("./log-delivery");
    return logDelivery(name, args);
}

/** A client's inputs with its identity providers' names taken from their resources (components/identity-providers.ts). */
export function federatedClientArgs(args: cognito.UserPoolClientArgs,
    providers: Readonly<Record<string, cognito.IdentityProvider>>): cognito.UserPoolClientArgs {
    const names = args.supportedIdentityProviders as string[] | undefined;
    return names === undefined ? args : { ...args, supportedIdentityProviders: supportedProvidersOf(names, providers) };
}

/** Resource options that create a pool's resource servers before the clients that request their scopes. */
export function scopesFirst(resourceServers: Readonly<Record<string, cognito.ResourceServer>>): pulumi.CustomResourceOptions {
    const servers = Object.values(resourceServers);
    return servers.length === 0 ? {} : { dependsOn: servers };
}
