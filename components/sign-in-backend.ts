// The service modules, not the @pulumi/aws index: loading the index costs about 0.15 s at every run.
import * as cognito from "@pulumi/aws/cognito";
import * as sesv2 from "@pulumi/aws/sesv2";
import * as pulumi from "@pulumi/pulumi";
import type { ClientSettings, ImportSettings, UserPoolSettings } from "../config";
import { appClientArgs } from "./app-client-args";
import { senderIdentityName } from "./sender-identity";
import { userPoolArgs } from "./user-pool-args";

export interface SignInBackendArgs {
    /** The pool's settings, defaults applied. */
    readonly userPool: UserPoolSettings;
    /** The app clients, at least one. */
    readonly clients: readonly ClientSettings[];
    /** Pulumi protect and retainOnDelete on the pool and the SES identity. Default: false. */
    readonly protect?: boolean;
    /** Existing resources to adopt with Pulumi's import option. Default: none. */
    readonly adopt?: ImportSettings;
}

/**
 * A Cognito sign-in backend: the user pool, the SES identity its emails come from (when email goes through
 * SES) and its app clients, one per client setting.
 */
export class SignInBackend extends pulumi.ComponentResource {
    readonly userPool: cognito.UserPool;
    readonly senderIdentity?: sesv2.EmailIdentity;
    /** The app clients by their configured name. */
    readonly clients: Readonly<Record<string, cognito.UserPoolClient>>;

    constructor(name: string, args: SignInBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cognito-user-pool:index:SignInBackend", name, {}, opts);
        const kept = { parent: this, protect: args.protect ?? false, retainOnDelete: args.protect ?? false };

        if (args.userPool.email.sender === "ses") {
            this.senderIdentity = new sesv2.EmailIdentity(`${name}-sender`, {
                emailIdentity: senderIdentityName(args.userPool.email),
                tags: args.userPool.tags,
            }, { ...kept, import: args.adopt?.senderIdentity });
        }

        this.userPool = new cognito.UserPool(`${name}-pool`,
            userPoolArgs(args.userPool, this.senderIdentity?.arn),
            { ...kept, import: args.adopt?.userPool });

        this.clients = Object.fromEntries(args.clients.map((client) => {
            const clientId = args.adopt?.clients[client.name];
            return [client.name, new cognito.UserPoolClient(`${name}-client-${client.name}`,
                appClientArgs(client, this.userPool.id),
                // The provider imports a client by `<pool id>/<client id>`.
                { parent: this, import: clientId && `${args.adopt?.userPool}/${clientId}` })];
        }));

        this.registerOutputs({});
    }
}
