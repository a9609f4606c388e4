import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { evaluateStack } from "../../offline/evaluate";
import { repoRoot, stackConfig, withSettings } from "../support/program";

interface Statement {
    readonly Sid: string;
    readonly Effect: string;
    readonly Action: string | string[];
    readonly Resource: string | string[];
    readonly Condition?: Record<string, Record<string, unknown>>;
}

const policy = JSON.parse(fs.readFileSync(path.join(repoRoot, "iam", "deployer-policy.json"), "utf8")) as
    { Version: string; Statement: Statement[] };
const listOf = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
const allowed = new Set(policy.Statement.flatMap((statement) => listOf(statement.Action)));

/**
 * What the provider calls for each resource type the program registers (terraform-provider-aws, which @pulumi/aws
 * 7 bridges): internal/service/cognitoidp/user_pool.go and user_pool_client.go, internal/service/sesv2/
 * email_identity.go and email_identity_mail_from_attributes.go, internal/service/route53/record.go; tags through
 * the services' TagResource / UntagResource / ListTagsForResource.
 */
const providerActions: Record<string, readonly string[]> = {
    "aws:cognito/userPool:UserPool": ["cognito-idp:CreateUserPool", "cognito-idp:DescribeUserPool", "cognito-idp:UpdateUserPool",
        "cognito-idp:DeleteUserPool", "cognito-idp:AddCustomAttributes", "cognito-idp:GetUserPoolMfaConfig",
        "cognito-idp:SetUserPoolMfaConfig", "cognito-idp:ListTagsForResource", "cognito-idp:TagResource", "cognito-idp:UntagResource"],
    "aws:cognito/userPoolClient:UserPoolClient": ["cognito-idp:CreateUserPoolClient", "cognito-idp:DescribeUserPoolClient",
        "cognito-idp:UpdateUserPoolClient", "cognito-idp:DeleteUserPoolClient"],
    "aws:sesv2/emailIdentity:EmailIdentity": ["ses:CreateEmailIdentity", "ses:GetEmailIdentity", "ses:DeleteEmailIdentity",
        "ses:PutEmailIdentityDkimSigningAttributes", "ses:PutEmailIdentityConfigurationSetAttributes",
        "ses:ListTagsForResource", "ses:TagResource", "ses:UntagResource"],
    "aws:sesv2/emailIdentityMailFromAttributes:EmailIdentityMailFromAttributes": ["ses:PutEmailIdentityMailFromAttributes", "ses:GetEmailIdentity"],
    "aws:route53/record:Record": ["route53:GetHostedZone", "route53:ListResourceRecordSets", "route53:ChangeResourceRecordSets", "route53:GetChange"],
    // A successor pool's user-migration trigger: internal/service/lambda/function.go and permission.go,
    // internal/service/iam/role.go and role_policy.go; creating the function passes its role to Lambda.
    "aws:lambda/function:Function": ["lambda:CreateFunction", "lambda:GetFunction", "lambda:GetFunctionCodeSigningConfig",
        "lambda:ListVersionsByFunction", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "lambda:DeleteFunction",
        "lambda:ListTags", "lambda:TagResource", "lambda:UntagResource", "iam:PassRole"],
    "aws:lambda/permission:Permission": ["lambda:AddPermission", "lambda:GetPolicy", "lambda:RemovePermission"],
    "aws:iam/role:Role": ["iam:CreateRole", "iam:GetRole", "iam:UpdateAssumeRolePolicy", "iam:DeleteRole", "iam:TagRole",
        "iam:UntagRole", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole"],
    "aws:iam/rolePolicy:RolePolicy": ["iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy"],
    // internal/service/logs/group.go: create with its retention, read by name (DescribeLogGroups), tags.
    "aws:cloudwatch/logGroup:LogGroup": ["logs:CreateLogGroup", "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy",
        "logs:DescribeLogGroups", "logs:DeleteLogGroup", "logs:ListTagsForResource", "logs:TagResource", "logs:UntagResource"],
};

/** The IAM prefix of each AWS SDK v3 client the commands use. */
const sdkServices: Record<string, string> = {
    "@aws-sdk/client-cognito-identity-provider": "cognito-idp",
    "@aws-sdk/client-sesv2": "ses",
};

/** `GetAccountCommand` and `paginateListUserPoolClients` imported from a client in the sources: the IAM actions. */
function sdkActionsCalledIn(folders: readonly string[]): Set<string> {
    const actions = new Set<string>();
    for (const folder of folders) {
        for (const file of fs.readdirSync(path.join(repoRoot, folder)).filter((name) => name.endsWith(".ts"))) {
            const text = fs.readFileSync(path.join(repoRoot, folder, file), "utf8");
            for (const [, names, module] of text.matchAll(/import\s*{([^}]*)}\s*from\s*"(@aws-sdk\/client-[a-z0-9-]+)"/g)) {
                for (const name of names.split(",").map((item) => item.trim())) {
                    const action = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
                    if (action !== undefined && text.includes(name + "(")) {
                        actions.add(`${sdkServices[module]}:${action}`);
                    }
                }
            }
        }
    }
    return actions;
}

describe("the deployer's IAM policy (iam/deployer-policy.json)", () => {
    it("is an IAM policy document of Allow statements naming single actions, each with a resource", () => {
        assert.equal(policy.Version, "2012-10-17");
        for (const statement of policy.Statement) {
            assert.equal(statement.Effect, "Allow", statement.Sid);
            for (const action of listOf(statement.Action)) {
                assert.match(action, /^[a-z0-9-]+:[A-Z][A-Za-z]+$/, `${statement.Sid}: ${action} is one action, no wildcard`);
            }
            assert.ok(listOf(statement.Resource).length > 0, statement.Sid);
        }
    });

    it("allows every AWS API call of the commands (baseline --from-aws, adopt)", () => {
        const called = sdkActionsCalledIn(["aws", "cli"]);
        assert.ok(called.has("cognito-idp:DescribeUserPool") && called.has("ses:GetAccount"), [...called].join(", "));
        for (const action of called) {
            assert.ok(allowed.has(action), `${action} is called by the commands but not allowed`);
        }
    });

    it("allows what the provider calls for every resource type the stacks register, Route 53 and a successor pool included", async () => {
        const withZone = withSettings(stackConfig("dev"), { email: { sender: "ses", from: "no-reply@example.com",
        identity: "domain", hostedZoneId: "Z1D633PJN98FT9", mailFromDomain: "bounce.example.com" } });
        const withSuccessor = withSettings(stackConfig("prod"), { successor: { name: "myapp-prod-v2", signIn: { with: ["email"] }, phase: "side-by-side" } });
        const evaluations = await Promise.all([stackConfig("prod"), withZone, withSuccessor].map((stack) => evaluateStack(stack)));
        const types = new Set(evaluations.flatMap(({ resources }) => resources.filter((resource) => resource.custom).map((resource) => resource.type)));
        assert.deepEqual([...types].sort(), Object.keys(providerActions).sort(), "every registered type has its actions listed");
        for (const [type, actions] of Object.entries(providerActions)) {
            for (const action of actions) {
                assert.ok(allowed.has(action), `${action} (${type}) is not allowed`);
            }
        }
    });

    it("lets the deployer create Cognito's email service-linked role, and only that one", () => {
        const statement = policy.Statement.find((candidate) => listOf(candidate.Action).includes("iam:CreateServiceLinkedRole"));
        assert.ok(statement);
        assert.deepEqual(statement.Condition, { StringEquals: { "iam:AWSServiceName": "email.cognito-idp.amazonaws.com" } });
        assert.match(listOf(statement.Resource)[0], /role\/aws-service-role\/email\.cognito-idp\.amazonaws\.com\/AWSServiceRoleForAmazonCognitoIdpEmailService$/);
    });

    it("passes the successor's migration role to Lambda only", () => {
        const statement = policy.Statement.find((candidate) => listOf(candidate.Action).includes("iam:PassRole"));
        assert.ok(statement);
        assert.deepEqual(statement.Condition, { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } });
    });
});
