// The service modules, not the @pulumi/aws index: loading the index costs about 0.15 s at every run.
import * as cognito from "@pulumi/aws/cognito";
import * as pulumi from "@pulumi/pulumi";
import type { ClientSettings, ImportSettings, UserPoolSettings } from "../config";
import { appClientArgs } from "./app-client-args";
import { sesSender, SesSenderResources } from "./ses-sender";
import { SesSender, senderDependentArgs, userPoolArgs } from "./user-pool-args";

export interface SignInBackendArgs {
    /** The pool's settings, defaults applied. */
    readonly userPool: UserPoolSettings;
    /** The app clients, at least one. */
    readonly clients: readonly ClientSettings[];
    /**
     * Pulumi protect and retainOnDelete on the pool; retainOnDelete only on the SES identity, which a change of
     * the FROM address must be able to replace (a new identity; the old one stays verified in SES). Default: false.
     */
    readonly protect?: boolean;
    /** Existing resources to adopt with Pulumi's import option. Default: none. */
    readonly adopt?: ImportSettings;
}

/**
 * A Cognito sign-in backend: the user pool, the SES identity its emails come from (when email goes through
 * SES; with a domain's DNS records) and its app clients, one per client setting.
 */
export class SignInBackend extends pulumi.ComponentResource {
    readonly userPool: cognito.UserPool;
    /** The SES side, when email goes through SES. */
    readonly ses?: SesSenderResources;
    /** The app clients by their configured name. */
    readonly clients: Readonly<Record<string, cognito.UserPoolClient>>;

    constructor(name: string, args: SignInBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cognito-user-pool:index:SignInBackend", name, {}, opts);
        const protect = args.protect ?? false;
        const settings = args.userPool;

        if (settings.email.sender === "ses") {
            this.ses = sesSender(name, settings.email,
                { parent: this, retainOnDelete: protect, tags: settings.userPool.tags, adopt: args.adopt?.senderIdentity });
        }

        this.userPool = new cognito.UserPool(`${name}-pool`, userPoolArgsFollowing(settings, this.ses?.sender),
            { parent: this, protect, retainOnDelete: protect, import: args.adopt?.userPool });

        this.clients = Object.fromEntries(args.clients.map((client) => {
            const clientId = args.adopt?.clients[client.name];
            return [client.name, new cognito.UserPoolClient(`${name}-client-${client.name}`,
                appClientArgs(client, this.userPool.id, clientId !== undefined),
                // The provider imports a client by `<pool id>/<client id>`.
                { parent: this, import: clientId && `${args.adopt?.userPool}/${clientId}` })];
        }));

        this.registerOutputs({});
    }
}

/** The pool's inputs, with those that follow the SES sender's verification taken from it as it resolves. */
export function userPoolArgsFollowing(settings: UserPoolSettings, sender: pulumi.Output<SesSender> | undefined): cognito.UserPoolArgs {
    if (sender === undefined) {
        return userPoolArgs(settings);
    }
    const following = sender.apply((known) => senderDependentArgs(settings, known));
    const emailMfa = settings.mfa.mode !== "off" && settings.mfa.factors.includes("email");
    return {
        ...userPoolArgs(settings),
        emailConfiguration: following.emailConfiguration,
        ...(emailMfa ? { emailMfaConfiguration: following.emailMfaConfiguration } : {}),
    };
}
