import * as cognito from "@pulumi/aws/cognito";
import type * as iam from "@pulumi/aws/iam";
import * as lambda from "@pulumi/aws/lambda";
import * as pulumi from "@pulumi/pulumi";
import {
    appClientArgs, ClientSettings, inputPathsFrom, signInArgs, isMigrating, legacySubAttribute, standardAttributes, SuccessorSettings, triggerFunctionArns,
    triggersArgs, userPoolKeys, UserPoolSettings,
} from "../config";
import type { PoolSignIn } from "../lambda/migration-settings";
import type { DeployScope } from "./deploy-scope";
import { groupsAndScopes } from "./groups-and-scopes";
import { managedLoginBrandings, unstyledClients, unstyledClientWarning } from "./managed-login-branding";
import { identityProviders } from "./identity-providers";
import { riskConfiguration } from "./risk-configuration";
import { PoolDomain, userPoolDomain } from "./user-pool-domain";
import { withSecretInputs } from "./secret-inputs";
import type { SesSenderResources } from "./ses-sender";
import type { LogDeliveryResources } from "./log-delivery";
import { federatedClientArgs, invokePermissions, poolLogDelivery, scopesFirst, userPoolArgsFollowing } from "./sign-in-backend";
import { UserMigrationFunction } from "./user-migration-function";

/*
 * Loaded only for a stack that declares a successor (index.ts): it brings in @pulumi/aws/lambda and /iam,
 * which a stack without one never loads.
 */

export interface SuccessorPoolArgs {
    /** The current pool's settings and the pool itself, which users migrate from. */
    readonly current: { readonly settings: UserPoolSettings; readonly userPool: cognito.UserPool };
    readonly successor: SuccessorSettings;
    /** The SES side the current pool sends through, shared by the new one. Default: none (Cognito's sender). */
    readonly ses?: SesSenderResources;
    /** Pulumi protect and retainOnDelete on the new pool. Default: false. */
    readonly protect?: boolean;
    /** The stack's deploy scope: the new pool's tag, the migration function's names. */
    readonly scope: DeployScope;
    /** Where the clients' branding asset files are. Default: the working directory, the project's under Pulumi. */
    readonly projectDir?: string;
    /** Config keys whose values are secrets; `successor` makes every setting of the new pool and its clients one. Default: none. */
    readonly secretKeys?: readonly string[];
}

/**
 * The pool that takes over from the current one: the new pool, its app clients (with their branding styles), groups,
 * resource servers, log delivery and threat protection's risk configuration and,
 * until the finish phase, the user-migration trigger that moves each user over from the current pool at sign-in
 * (and its post-authentication trigger, which adds a migrated user to the groups of the same names here).
 */
export class SuccessorPool extends pulumi.ComponentResource {
    readonly userPool: cognito.UserPool;
    /** The app clients by their configured name. */
    readonly clients: Readonly<Record<string, cognito.UserPoolClient>>;
    /** The groups by name: those a migrated user's memberships are copied into. */
    readonly groups: Readonly<Record<string, cognito.UserGroup>>;
    /** The resource servers by identifier. */
    readonly resourceServers: Readonly<Record<string, cognito.ResourceServer>>;
    /** Its own domain (successor.domain), when it has one: never the current pool's. */
    readonly domain?: PoolDomain;
    /** Its clients' managed login branding styles, by client name. */
    readonly brandings: Readonly<Record<string, cognito.ManagedLoginBranding>>;
    /** The current pool's identity providers, made again in the new pool, by name. */
    readonly identityProviders: Readonly<Record<string, cognito.IdentityProvider>>;
    /** The triggers' function, role and the old pool's migration client; absent in the finish phase. */
    readonly migration?: UserMigrationFunction;
    readonly invokePermission?: lambda.Permission;
    /** Each of the user's trigger functions' permission to be invoked by this pool, but those the migration function chains. */
    readonly triggerPermissions: readonly lambda.Permission[];
    /** The function's right to add migrated users to the new pool's groups; absent in the finish phase. */
    readonly groupWrites?: iam.RolePolicy;
    /** Its log delivery (successor.logs, else the current pool's `logs`), into log groups of its own where the stack makes them. */
    readonly logDelivery?: LogDeliveryResources;
    /** Its own threat protection risk configuration (successor.threatProtection, else the current pool's), notifying through the shared SES sender. */
    readonly riskConfiguration?: cognito.RiskConfiguration;

    constructor(name: string, args: SuccessorPoolArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cognito-user-pool:index:SuccessorPool", name, {}, opts);
        const { successor } = args;
        const migrating = isMigrating(successor.phase);
        const secretKeys = args.secretKeys?.includes("successor") ? [...Object.keys(userPoolKeys), "clients"] : args.secretKeys ?? [];

        const userTriggers = successor.userPool.triggers;
        if (migrating) {
            this.migration = new UserMigrationFunction(`${name}-migration`, {
                oldUserPool: args.current.userPool,
                oldPool: poolSignIn(args.current.settings),
                newPool: poolSignIn(successor.userPool),
                customAttributes: successor.userPool.attributes.custom.map((attribute) => `custom:${attribute.name}`),
                chained: { PreSignUp: userTriggers?.preSignUp, PostAuthentication: userTriggers?.postAuthentication },
                tags: successor.userPool.userPool.tags,
                scope: args.scope,
            }, { parent: this });
        }

        this.userPool = new cognito.UserPool(`${name}-pool`, withSecretInputs({
            ...userPoolArgsFollowing(successor.userPool, args.ses?.sender, args.scope),
            // UserMigration moves a user over; PreSignUp keeps sign-up off the old users' identities until the
            // finish phase; PostAuthentication, run once the user exists, copies its groups. The user's own
            // PreSignUp and PostAuthentication run after them, invoked by the function (lambda/chained-triggers.ts);
            // the user's own UserMigration is refused while migrating (config/successor-settings.ts).
            ...(this.migration ? {
                lambdaConfig: {
                    ...triggersArgs(userTriggers).lambdaConfig,
                    userMigration: this.migration.function.arn,
                    preSignUp: this.migration.function.arn,
                    postAuthentication: this.migration.function.arn,
                },
            } : {}),
        }, inputPathsFrom("userPool", secretKeys)), {
            parent: this,
            protect: args.protect ?? false,
            retainOnDelete: args.protect ?? false,
            // The trigger is wired once its role may read the old pool.
            dependsOn: this.migration ? [this.migration.policy] : [],
        });

        // The user's functions Cognito invokes itself on this pool: those the migration function does not chain.
        const invoked = this.migration && userTriggers ? { ...userTriggers, preSignUp: undefined, postAuthentication: undefined } : userTriggers;
        this.triggerPermissions = invokePermissions(name, triggerFunctionArns(invoked), this.userPool, this);
        // A risk configuration belongs to one pool (SetRiskConfiguration's UserPoolId): the current pool's does not cover this one.
        this.riskConfiguration = riskConfiguration(name, { settings: successor.userPool, userPool: this.userPool, sender: args.ses?.sender, parent: this });

        if (this.migration) {
            // Only this pool may invoke the function (cognito-user-pools-import-using-lambda.html).
            this.invokePermission = new lambda.Permission(`${name}-invoke`, {
                action: "lambda:InvokeFunction",
                function: this.migration.function.name,
                principal: "cognito-idp.amazonaws.com",
                sourceArn: this.userPool.arn,
            }, { parent: this.migration });
            this.groupWrites = this.migration.allowGroupWrites(`${name}-group-writes`, this.userPool);
        }

        ({ groups: this.groups, resourceServers: this.resourceServers } = groupsAndScopes(name, {
            groups: successor.groups, resourceServers: successor.resourceServers, userPool: this.userPool, parent: this,
        }));

        if (successor.domain !== undefined) {
            this.domain = userPoolDomain(name, { settings: successor.domain, userPool: this.userPool, parent: this });
        }

        if (successor.logs !== undefined) {
            this.logDelivery = poolLogDelivery(name, {
                settings: successor.logs, userPool: this.userPool, scope: args.scope,
                tags: { ...successor.userPool.userPool.tags, ...args.scope.tags }, parent: this, logGroupsUnder: name,
            });
        }

        this.identityProviders = identityProviders(name, { providers: successor.identityProviders, userPool: this.userPool, parent: this });

        this.clients = Object.fromEntries(successor.clients.map((client) => [client.name,
            new cognito.UserPoolClient(`${name}-client-${client.name}`,
                withSecretInputs(federatedClientArgs(appClientArgs(successorClient(client, successor), this.userPool.id), this.identityProviders),
                    inputPathsFrom("client", secretKeys)),
                { parent: this, ...scopesFirst(this.resourceServers) })]));

        for (const client of unstyledClients(successor.clients, successor.domain)) {
            pulumi.log.warn(unstyledClientWarning(client), this.clients[client]);
        }
        this.brandings = managedLoginBrandings(name, {
            clients: successor.clients, clientResources: this.clients, userPool: this.userPool, parent: this, projectDir: args.projectDir ?? process.cwd(),
            secret: (inputs) => withSecretInputs(inputs, inputPathsFrom("branding", secretKeys)),
        });

        this.registerOutputs({});
    }
}

/**
 * What users sign in with on a pool, from its sign-in inputs (signInArgs). A pool without UsernameConfiguration
 * (caseSensitive: unset) has case-sensitive user names: CaseSensitive true "is the default value"
 * (API_UsernameConfigurationType).
 */
function poolSignIn(settings: UserPoolSettings): PoolSignIn {
    const { usernameAttributes = [], aliasAttributes = [], usernameConfiguration } = signInArgs(settings.signIn) as {
        usernameAttributes?: string[]; aliasAttributes?: string[]; usernameConfiguration?: { caseSensitive: boolean };
    };
    return { usernameAttributes, aliasAttributes, caseSensitive: usernameConfiguration?.caseSensitive ?? true };
}

/** The flows that hand the trigger the password (SRP does not: cognito-user-pools-import-using-lambda.html). */
const passwordFlows: readonly ClientSettings["authFlows"][number][] = ["user_password", "admin_user_password"];

/**
 * A client of the new pool: during the migration a client without a flow that carries the password also
 * allows USER_PASSWORD_AUTH; no client may write custom:legacy_sub (Cognito's default lets a client write
 * every attribute, so `all` becomes the list of all others).
 */
function successorClient(client: ClientSettings, successor: SuccessorSettings): ClientSettings {
    const authFlows = isMigrating(successor.phase) && !client.authFlows.some((flow) => passwordFlows.includes(flow))
        ? [...client.authFlows, "user_password" as const]
        : client.authFlows;
    const writeAttributes = client.writeAttributes === "all"
        ? [
            ...standardAttributes,
            ...successor.userPool.attributes.custom
                .filter((attribute) => attribute.name !== legacySubAttribute)
                .map((attribute) => `custom:${attribute.name}`),
        ]
        : client.writeAttributes;
    return { ...client, authFlows, writeAttributes };
}
