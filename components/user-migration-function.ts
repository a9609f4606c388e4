import * as fs from "fs";
import * as path from "path";
import * as cognito from "@pulumi/aws/cognito";
import * as iam from "@pulumi/aws/iam";
import * as lambda from "@pulumi/aws/lambda";
import * as pulumi from "@pulumi/pulumi";
import type { ClientSettings } from "../config";
import { migrationEnvironment } from "../lambda/migration-settings";
import { appClientArgs } from "./app-client-args";
import type { DeployScope } from "./deploy-scope";

export interface UserMigrationFunctionArgs {
    /** The pool users migrate from. */
    readonly oldUserPool: cognito.UserPool;
    /** Attributes the new pool signs in with and the old one does not (email, phone_number). */
    readonly lookupAttributes: readonly string[];
    /** The new pool's custom attributes, `custom:` prefixed. */
    readonly customAttributes: readonly string[];
    /** Tags on the role and the function. Default: none. */
    readonly tags?: Record<string, string>;
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
        "lambda/user-migration.js", "lambda/group-memberships.js", "lambda/cognito-calls.js", "lambda/migration-settings.js",
        "config/limits.js",
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
 * may only read users and their groups in the old pool and check their passwords (and write the function's
 * logs), and the function itself. The new pool wires it as its UserMigration and PostAuthentication triggers,
 * grants itself the right to invoke it, and lets it add users to its groups (allowGroupWrites).
 */
export class UserMigrationFunction extends pulumi.ComponentResource {
    readonly migrationClient: cognito.UserPoolClient;
    readonly role: iam.Role;
    readonly policy: iam.RolePolicy;
    readonly function: lambda.Function;

    constructor(name: string, args: UserMigrationFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cognito-user-pool:index:UserMigrationFunction", name, {}, opts);

        this.migrationClient = new cognito.UserPoolClient(`${name}-client`,
            appClientArgs(migrationClientSettings, args.oldUserPool.id), { parent: this });

        const tags = { ...args.tags, ...args.scope.tags };
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

        this.function = new lambda.Function(`${name}-function`, {
            name: args.scope.functionName("user-migration"),
            description: "Moves a user from the old user pool to the new one at sign-in or password reset, with its group memberships",
            runtime,
            handler: "lambda/user-migration.handler",
            code: functionCode(),
            role: this.role.arn,
            // Cognito gives a trigger about 5 s; the function keeps to its own budget within it.
            timeout: 5,
            memorySize: 256,
            environment: {
                variables: migrationEnvironment<pulumi.Input<string>>({
                    oldUserPoolId: args.oldUserPool.id,
                    migrationClientId: this.migrationClient.id,
                    lookupAttributes: args.lookupAttributes,
                    customAttributes: args.customAttributes,
                }),
            },
            tags,
        }, { parent: this });

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
                    {
                        Sid: "WriteItsLogs",
                        Effect: "Allow",
                        Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                        Resource: this.function.arn.apply(logGroupArns),
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

/** The function's log group, `/aws/lambda/<name>`, and its streams, from the function's ARN. */
function logGroupArns(functionArn: string): string[] {
    const [, partition, , region, account, , functionName] = functionArn.split(":");
    const logGroup = `arn:${partition}:logs:${region}:${account}:log-group:/aws/lambda/${functionName}`;
    return [logGroup, `${logGroup}:*`];
}
