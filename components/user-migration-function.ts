import * as fs from "fs";
import * as path from "path";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as cognito from "@pulumi/aws/cognito";
import * as iam from "@pulumi/aws/iam";
import * as lambda from "@pulumi/aws/lambda";
import * as pulumi from "@pulumi/pulumi";
import { appClientArgs, ClientSettings } from "../config";
import { ChainedTrigger, chainedTriggerVariables, migrationEnvironment, PoolSignIn } from "../lambda/migration-settings";
import type { DeployScope } from "./deploy-scope";

export interface UserMigrationFunctionArgs {
    /** The pool users migrate from. */
    readonly oldUserPool: cognito.UserPool;
    /** What users sign in with on the old pool and on the new one. */
    readonly oldPool: PoolSignIn;
    readonly newPool: PoolSignIn;
    /** The new pool's custom attributes, `custom:` prefixed. */
    readonly customAttributes: readonly string[];
    /**
     * The user's own functions for PreSignUp and PostAuthentication, which the function invokes after its own work
     * (lambda/chained-triggers.ts); its role may invoke exactly these. Default: none.
     */
    readonly chained?: Partial<Record<ChainedTrigger, string>>;
    /** Tags on the role, the function and its log group. Default: none. */
    readonly tags?: Record<string, string>;
    /**
     * Days CloudWatch Logs keeps the function's log (one of the values PutRetentionPolicy allows). Default: 90, long
     * enough to look into a sign-in complaint of the last quarter; the lines hold no secrets (lambda/masked.ts).
     */
    readonly logRetentionInDays?: number;
    /** The stack's deploy scope: the role's path, boundary and tag, the function's name. */
    readonly scope: DeployScope;
}

/**
 * The newest supported Node.js runtime, whose AWS SDK v3 the function uses: nodejs24.x, deprecated Apr 30, 2028
 * (nodejs22.x: Apr 30, 2027), lambda-nodejs.html "Lambda supports the following Node.js runtimes". Node.js 24
 * drops callback-style handlers; this one is async.
 */
const runtime = lambda.Runtime.NodeJS24dX;

/**
 * The old pool's client the function checks passwords through: nothing but ADMIN_USER_PASSWORD_AUTH, which
 * only a caller with cognito-idp:AdminInitiateAuth can use; the tokens it yields are thrown away at once.
 */
export const migrationClientSettings: ClientSettings = {
    name: "user-migration",
    type: "confidential",
    generateSecret: false,
    authFlows: ["admin_user_password"],
    tokenValidity: { access: "5m", id: "5m", refresh: "60m", authSession: "3m" },
    tokenRevocation: true,
    preventUserExistenceErrors: true,
    readAttributes: "all",
    writeAttributes: [],
};

/** The compiled function: built by `npm run build` into bin/ (this module runs from bin/ or, under ts-node, beside it). */
function functionCode(): pulumi.asset.AssetArchive {
    const build = path.join(__dirname, "..", path.extname(__filename) === ".ts" ? "bin" : "");
    const files = [
        "lambda/user-migration.js", "lambda/old-users.js", "lambda/sign-up-guard.js", "lambda/group-memberships.js",
        "lambda/cognito-calls.js", "lambda/chained-triggers.js", "lambda/masked.js", "lambda/migration-settings.js", "config/rules/limits.js",
    ];
    const missing = files.filter((file) => !fs.existsSync(path.join(build, file)));
    if (missing.length > 0) {
        throw new Error(`the user-migration function is not built (${missing.join(", ")} missing in ${build}): run npm run build`);
    }
    return new pulumi.asset.AssetArchive(Object.fromEntries(files.map((file) =>
        [file, new pulumi.asset.FileAsset(path.join(build, file))])));
}

/**
 * The user-migration trigger's function and what it may do: the old pool's migration client, an IAM role that
 * may only read users and their groups in the old pool and check their passwords (and write to the function's
 * log group, made here with its retention), and the function itself. The new pool wires it as its
 * UserMigration, PreSignUp and PostAuthentication triggers, grants itself the right to invoke it, and lets it
 * add users to its groups (allowGroupWrites).
 */
export class UserMigrationFunction extends pulumi.ComponentResource {
    readonly migrationClient: cognito.UserPoolClient;
    readonly role: iam.Role;
    readonly policy: iam.RolePolicy;
    readonly logGroup: cloudwatch.LogGroup;
    readonly function: lambda.Function;

    constructor(name: string, args: UserMigrationFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cognito-user-pool:index:UserMigrationFunction", name, {}, opts);

        this.migrationClient = new cognito.UserPoolClient(`${name}-client`,
            appClientArgs(migrationClientSettings, args.oldUserPool.id), { parent: this });

        const tags = { ...args.tags, ...args.scope.tags };
        const chained = Object.entries(args.chained ?? {})
            .filter((entry): entry is [ChainedTrigger, string] => entry[1] !== undefined);
        // Set rather than generated so that the log group, /aws/lambda/<name>, exists before the function runs.
        const functionName = args.scope.functionName("user-migration");
        this.role = new iam.Role(`${name}-role`, {
            description: "The user-migration trigger of a successor user pool",
            // The deployer may create roles only under its path, with the boundary, tagged with its stack.
            path: args.scope.rolePath,
            permissionsBoundary: args.oldUserPool.arn.apply((arn) => args.scope.permissionsBoundaryArn(arn)),
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
            tags,
        }, { parent: this });

        // Made by the program, not by Lambda at the first invocation, so that it has a retention and the role
        // needs no logs:CreateLogGroup. Its `arn` has no `:*` suffix (terraform-provider-aws
        // internal/service/logs/group.go, trimLogGroupARNWildcardSuffix): the streams are `${arn}:*`.
        this.logGroup = new cloudwatch.LogGroup(`${name}-logs`, {
            name: `/aws/lambda/${functionName}`,
            retentionInDays: args.logRetentionInDays ?? 90,
            tags,
        }, { parent: this });

        this.function = new lambda.Function(`${name}-function`, {
            name: functionName,
            description: "Moves a user from the old user pool to the new one at sign-in or password reset, with its group memberships",
            runtime,
            handler: "lambda/user-migration.handler",
            code: functionCode(),
            role: this.role.arn,
            // Cognito gives a trigger about 5 s; the function keeps to its own budget within it.
            timeout: 5,
            memorySize: 256,
            environment: {
                variables: {
                    ...migrationEnvironment<pulumi.Input<string>>({
                        oldUserPoolId: args.oldUserPool.id,
                        migrationClientId: this.migrationClient.id,
                        oldPool: args.oldPool,
                        newPool: args.newPool,
                        customAttributes: args.customAttributes,
                    }),
                    ...Object.fromEntries(chained.map(([trigger, arn]) => [chainedTriggerVariables[trigger], arn])),
                },
            },
            tags,
        }, { parent: this, dependsOn: [this.logGroup] });

        this.policy = new iam.RolePolicy(`${name}-policy`, {
            role: this.role.id,
            policy: pulumi.jsonStringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "FindUsersCheckPasswordsAndReadGroupsInTheOldPool",
                        Effect: "Allow",
                        Action: [
                            "cognito-idp:AdminGetUser", "cognito-idp:ListUsers", "cognito-idp:AdminInitiateAuth",
                            "cognito-idp:AdminListGroupsForUser",
                        ],
                        Resource: args.oldUserPool.arn,
                    },
                    ...(chained.length === 0 ? [] : [{
                        Sid: "InvokeTheUsersChainedTriggers",
                        Effect: "Allow",
                        Action: ["lambda:InvokeFunction"],
                        Resource: [...new Set(chained.map(([, arn]) => arn))],
                    }]),
                    {
                        Sid: "WriteItsLogs",
                        Effect: "Allow",
                        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                        Resource: [this.logGroup.arn, pulumi.interpolate`${this.logGroup.arn}:*`],
                    },
                ],
            }),
        }, { parent: this });

        this.registerOutputs({});
    }

    /**
     * Lets the function add users to the new pool's groups, and nothing else there: a policy of its own, since
     * the new pool, whose ARN it names, is created after the function it triggers.
     */
    allowGroupWrites(name: string, newUserPool: cognito.UserPool): iam.RolePolicy {
        return new iam.RolePolicy(name, {
            role: this.role.id,
            policy: pulumi.jsonStringify({
                Version: "2012-10-17",
                Statement: [{
                    Sid: "AddMigratedUsersToGroupsOfTheNewPool",
                    Effect: "Allow",
                    Action: ["cognito-idp:AdminAddUserToGroup"],
                    Resource: newUserPool.arn,
                }],
            }),
        }, { parent: this });
    }
}
