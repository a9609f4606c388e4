import { strict as assert } from "assert";
import { stackTagKey, triggerOfTagKey } from "../../components/deploy-scope";
import { offlineAccountId } from "../../offline/mock-cloud";
import { phases, providerCalls } from "./support/provider-calls";
import { AwsCall, decide, deployerDnsDomain, deployerOf, policyFile } from "./support/simulator";
import { callsOf, commandCall, EvaluatedStack, evaluatedStacks, sdkActionsCalledIn, sourcesIn } from "./support/stacks";

const deployer = policyFile("deployer-policy.json");
const account = offlineAccountId;
const boundaryArn = `arn:aws:iam::${account}:policy/cognito-user-pool/cognito-user-pool-boundary`;

/** The calls IAM refuses the deployer, as `<action> on <resource> (<why>): <decision>`. */
async function refused(calls: readonly AwsCall[], stack: string): Promise<string[]> {
    const decisions = await Promise.all(calls.map(async (call) => [call, await decide(call, deployerOf(stack), [deployer])] as const));
    return decisions.filter(([, decision]) => decision !== "Allowed")
        .map(([call, decision]) => `${call.action} on ${call.resource} (${call.why}): ${decision}`);
}

describe("the deployer's IAM policy (iam/deployer-policy.json), under an IAM policy simulator (@cloud-copilot/iam-simulate)", () => {
    let stacks: EvaluatedStack[];

    before(async () => {
        stacks = await evaluatedStacks();
    });

    it("lists the provider's calls for every resource type the stacks register, a successor pool and Route 53 included", () => {
        const registered = new Set(stacks.flatMap((stack) => stack.resources.map((resource) => resource.type)));
        assert.deepEqual([...registered].filter((type) => !(type in providerCalls)), []);
        assert.ok(registered.has("aws:iam/role:Role") && registered.has("aws:route53/record:Record"), [...registered].join(", "));
    });

    for (const phase of phases) {
        it(`allows every call the provider makes to ${phase} each resource of the stacks`, async () => {
            for (const stack of stacks) {
                assert.deepEqual(await refused(callsOf(stack)[phase], stack.stack), [], stack.stack);
            }
        });
    }

    it("allows the commands' AWS calls (baseline --from-aws, adopt, migration) on the stack's own pool and identity", async () => {
        const called = sdkActionsCalledIn(sourcesIn("aws", "cli"));
        assert.ok(called.has("cognito-idp:DescribeUserPool") && called.has("ses:GetAccount") && called.has("cognito-idp:ListUsers"), [...called].join(", "));
        for (const stack of stacks) {
            assert.deepEqual(await refused([...called].map((action) => commandCall(action, stack)), stack.stack), []);
        }
    });

    describe("refuses escalation: the prod deployer cannot", () => {
        const prod = "prod";
        const ownPath = `arn:aws:iam::${account}:role/cognito-user-pool/${prod}`;
        const ownTag = { [`aws:ResourceTag/${stackTagKey}`]: prod };
        const pool = (id: string) => `arn:aws:cognito-idp:ap-northeast-2:${account}:userpool/ap-northeast-2_${id}`;
        const otherStacksPool = { [`aws:ResourceTag/${stackTagKey}`]: "dev" };
        const zone = "arn:aws:route53:::hostedzone/Z1D633PJN98FT9";
        const records = (types: string[], names: string[]) => ({
            "route53:ChangeResourceRecordSetsRecordTypes": types, "route53:ChangeResourceRecordSetsNormalizedRecordNames": names,
        });
        const userFunction = (name: string) => `arn:aws:lambda:ap-northeast-2:${account}:function:${name}`;
        const markedFor = (stack: string) => ({ [`aws:ResourceTag/${triggerOfTagKey}`]: stack });
        const logGroups = `arn:aws:logs:ap-northeast-2:${account}:log-group:/aws/cognito/cognito-user-pool`;
        const escalations: AwsCall[] = [
            { action: "iam:PutRolePolicy", resource: `arn:aws:iam::${account}:role/cognito-user-pool-deploy-prod`, why: "put a policy on its own role" },
            { action: "iam:AttachRolePolicy", resource: `arn:aws:iam::${account}:role/cognito-user-pool-deploy-prod`,
                context: { "iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess" }, why: "attach AdministratorAccess to its own role" },
            { action: "iam:AttachRolePolicy", resource: `${ownPath}/migration`,
                context: { "iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess", "iam:PermissionsBoundary": boundaryArn }, why: "attach AdministratorAccess to a role it made" },
            { action: "iam:PassRole", resource: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`,
                context: { "iam:PassedToService": "lambda.amazonaws.com" }, why: "pass an unrelated role to Lambda" },
            { action: "iam:PassRole", resource: `${ownPath}/migration`, context: { "iam:PassedToService": "ec2.amazonaws.com" }, why: "pass its role to another service" },
            { action: "iam:CreateRole", resource: `${ownPath}/unbounded`, context: { "aws:RequestTag/cognito-user-pool:stack": prod, "aws:TagKeys": [stackTagKey] },
                why: "create a role without the boundary" },
            { action: "iam:CreateRole", resource: `${ownPath}/admin-bounded`, context: { "iam:PermissionsBoundary": "arn:aws:iam::aws:policy/AdministratorAccess",
                "aws:RequestTag/cognito-user-pool:stack": prod, "aws:TagKeys": [stackTagKey] }, why: "create a role bounded by AdministratorAccess" },
            { action: "iam:CreateRole", resource: `arn:aws:iam::${account}:role/outside`, context: { "iam:PermissionsBoundary": boundaryArn,
                "aws:RequestTag/cognito-user-pool:stack": prod, "aws:TagKeys": [stackTagKey] }, why: "create a role outside the path" },
            { action: "iam:CreateRole", resource: `arn:aws:iam::${account}:role/cognito-user-pool/dev/x`, context: { "iam:PermissionsBoundary": boundaryArn,
                "aws:RequestTag/cognito-user-pool:stack": "dev", "aws:TagKeys": [stackTagKey] }, why: "create a role in another stack's path" },
            { action: "iam:CreateRole", resource: `${ownPath}/for-dev`, context: { "iam:PermissionsBoundary": boundaryArn,
                "aws:RequestTag/cognito-user-pool:stack": "dev", "aws:TagKeys": [stackTagKey] }, why: "create a role tagged for another stack" },
            { action: "iam:DeleteRolePermissionsBoundary", resource: `${ownPath}/migration`, context: { "iam:PermissionsBoundary": boundaryArn }, why: "remove the boundary" },
            { action: "iam:PutRolePermissionsBoundary", resource: `${ownPath}/migration`,
                context: { "iam:PermissionsBoundary": "arn:aws:iam::aws:policy/AdministratorAccess" }, why: "swap the boundary" },
            { action: "iam:CreatePolicyVersion", resource: boundaryArn, why: "rewrite the boundary" },
            { action: "iam:UpdateAssumeRolePolicy", resource: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, why: "trust itself on an unrelated role" },
            { action: "sts:AssumeRole", resource: `${ownPath}/migration`, why: "assume the role it made" },
            { action: "iam:UntagRole", resource: `${ownPath}/migration`, context: { "iam:PermissionsBoundary": boundaryArn, ...ownTag, "aws:TagKeys": [stackTagKey] },
                why: "untag its role's stack" },
            { action: "cognito-idp:DeleteUserPool", resource: pool("OtherTeam"), context: { [`aws:ResourceTag/${stackTagKey}`]: "dev" }, why: "delete another stack's pool" },
            { action: "cognito-idp:DeleteUserPool", resource: pool("Untagged1"), why: "delete a pool no stack owns" },
            { action: "cognito-idp:UpdateUserPool", resource: pool("Untagged2"), why: "change a pool no stack owns" },
            { action: "cognito-idp:ListUsers", resource: pool("OtherTeam"), context: { [`aws:ResourceTag/${stackTagKey}`]: "dev" }, why: "read another stack's users" },
            { action: "cognito-idp:TagResource", resource: pool("Untagged3"), context: { [`aws:RequestTag/${stackTagKey}`]: prod, "aws:TagKeys": [stackTagKey] },
                why: "claim a pool no stack owns by tagging it" },
            { action: "cognito-idp:TagResource", resource: pool("Own"), context: { ...ownTag, [`aws:RequestTag/${stackTagKey}`]: "dev", "aws:TagKeys": [stackTagKey] },
                why: "hand its pool to another stack" },
            { action: "cognito-idp:UntagResource", resource: pool("Own"), context: { ...ownTag, "aws:TagKeys": [stackTagKey] }, why: "untag its pool's stack" },
            { action: "cognito-idp:CreateUserPool", resource: "*", context: { [`aws:RequestTag/${stackTagKey}`]: "dev", "aws:TagKeys": [stackTagKey] },
                why: "create a pool for another stack" },
            { action: "cognito-idp:AdminCreateUser", resource: pool("Own"), context: ownTag, why: "create users in its own pool" },
            { action: "cognito-idp:AdminSetUserPassword", resource: pool("Own"), context: ownTag, why: "set a user's password in its own pool" },
            { action: "lambda:UpdateFunctionCode", resource: `arn:aws:lambda:ap-northeast-2:${account}:function:cognito-user-pool-dev-user-migration`,
                why: "change another stack's function" },
            { action: "lambda:UpdateFunctionCode", resource: `arn:aws:lambda:ap-northeast-2:${account}:function:payments-api`, why: "change an unrelated function" },
            { action: "lambda:InvokeFunction", resource: `arn:aws:lambda:ap-northeast-2:${account}:function:cognito-user-pool-prod-user-migration`,
                why: "invoke the migration function itself" },
            { action: "lambda:AddPermission", resource: userFunction("payments-api"), context: { "lambda:Principal": "cognito-idp.amazonaws.com" },
                why: "let Cognito invoke a function no administrator marked as a trigger of the stack" },
            { action: "lambda:AddPermission", resource: userFunction("dev-hook"), context: { ...markedFor("dev"), "lambda:Principal": "cognito-idp.amazonaws.com" },
                why: "wire a function marked for another stack" },
            { action: "lambda:AddPermission", resource: userFunction("prod-hook"), context: { ...markedFor(prod), "lambda:Principal": "*" },
                why: "open a function marked for it to any principal" },
            { action: "lambda:AddPermission", resource: userFunction("prod-hook"), context: { ...markedFor(prod), "lambda:Principal": `arn:aws:iam::${account}:root` },
                why: "let an account invoke a function marked for it" },
            { action: "lambda:RemovePermission", resource: userFunction("dev-hook"), context: { ...markedFor("dev"), "lambda:Principal": "cognito-idp.amazonaws.com" },
                why: "remove another stack's trigger permission" },
            { action: "lambda:UpdateFunctionCode", resource: userFunction("prod-hook"), context: markedFor(prod), why: "change the code of a function marked for it" },
            { action: "lambda:InvokeFunction", resource: userFunction("prod-hook"), context: markedFor(prod), why: "invoke a function marked for it" },
            { action: "lambda:TagResource", resource: userFunction("payments-api"), context: { [`aws:RequestTag/${triggerOfTagKey}`]: prod, "aws:TagKeys": [triggerOfTagKey] },
                why: "mark a function for itself" },
            { action: "ses:DeleteEmailIdentity", resource: `arn:aws:ses:ap-northeast-2:${account}:identity/other.example.com`,
                context: { [`aws:ResourceTag/${stackTagKey}`]: "dev" }, why: "delete another stack's SES identity" },
            { action: "iam:CreateServiceLinkedRole", resource: `arn:aws:iam::${account}:role/aws-service-role/ec2.amazonaws.com/AWSServiceRoleForEC2`,
                context: { "iam:AWSServiceName": "ec2.amazonaws.com" }, why: "create another service's linked role" },
            { action: "cognito-idp:CreateGroup", resource: pool("OtherTeam"), context: otherStacksPool, why: "create a group in another stack's pool" },
            { action: "cognito-idp:UpdateGroup", resource: pool("OtherTeam"), context: otherStacksPool, why: "give a group of another stack's pool a role" },
            { action: "cognito-idp:CreateUserPoolDomain", resource: pool("OtherTeam"), context: otherStacksPool, why: "put a domain on another stack's pool" },
            { action: "cognito-idp:UpdateUserPoolDomain", resource: pool("Untagged4"), why: "swap the certificate of a pool no stack owns" },
            { action: "iam:PassRole", resource: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`,
                context: { "iam:PassedToService": "cognito-idp.amazonaws.com" }, why: "pass an unrelated role to Cognito (a group's role is not passed)" },
            { action: "route53:ChangeResourceRecordSets", resource: zone, context: records(["A"], ["www.other.org"]), why: "write a record outside its DNS domain" },
            { action: "route53:ChangeResourceRecordSets", resource: zone, context: records(["A", "A"], [`auth.${deployerDnsDomain}`, "www.other.org"]),
                why: "slip a record outside its DNS domain into a change of its own" },
            { action: "route53:ChangeResourceRecordSets", resource: zone, context: records(["A"], [`auth.not${deployerDnsDomain}`]),
                why: "write a record of a domain that only ends like its own" },
            { action: "route53:ChangeResourceRecordSets", resource: zone, context: records(["NS"], [`delegated.${deployerDnsDomain}`]),
                why: "delegate a subdomain of its DNS domain (an NS record)" },
            { action: "cognito-idp:SetLogDeliveryConfiguration", resource: pool("OtherTeam"), context: { [`aws:ResourceTag/${stackTagKey}`]: "dev" },
                why: "send another stack's pool logs elsewhere" },
            { action: "logs:DeleteLogGroup", resource: `${logGroups}/dev/user-notification`, why: "delete another stack's log group" },
            { action: "logs:PutRetentionPolicy", resource: `arn:aws:logs:ap-northeast-2:${account}:log-group:/aws/cloudtrail/audit`, why: "shorten an unrelated log group's retention" },
            { action: "s3:PutBucketPolicy", resource: "arn:aws:s3:::payments-data", why: "rewrite a bucket's policy (a log destination must allow delivery already)" },
            { action: "firehose:TagDeliveryStream", resource: `arn:aws:firehose:ap-northeast-2:${account}:deliverystream/orders`,
                context: { "aws:RequestTag/owner": "prod", "aws:TagKeys": ["owner"] }, why: "tag a Firehose stream with anything but LogDeliveryEnabled" },
            { action: "firehose:PutRecord", resource: `arn:aws:firehose:ap-northeast-2:${account}:deliverystream/orders`, why: "write into a Firehose stream" },
            { action: "iam:CreateServiceLinkedRole", resource: `arn:aws:iam::${account}:role/aws-service-role/logs.amazonaws.com/AWSServiceRoleForCloudWatchLogs`,
                context: { "iam:AWSServiceName": "logs.amazonaws.com" }, why: "create CloudWatch Logs' other linked role" },
        ];

        for (const escalation of escalations) {
            it(escalation.why, async () => {
                assert.notEqual(await decide(escalation, deployerOf(prod), [deployer]), "Allowed", `${escalation.action} on ${escalation.resource}`);
            });
        }

        it("while the same kind of call on its own resources is allowed (the refusals above are the scope, not a broken policy)", async () => {
            const own: AwsCall[] = [
                { action: "cognito-idp:DeleteUserPool", resource: pool("Own"), context: ownTag, why: "delete its own pool" },
                { action: "iam:PassRole", resource: `${ownPath}/migration`, context: { "iam:PassedToService": "lambda.amazonaws.com" }, why: "pass its role to Lambda" },
                { action: "iam:CreateRole", resource: `${ownPath}/bounded`, context: { "iam:PermissionsBoundary": boundaryArn,
                    "aws:RequestTag/cognito-user-pool:stack": prod, "aws:TagKeys": [stackTagKey] }, why: "create a bounded role in its path" },
                { action: "lambda:UpdateFunctionCode", resource: `arn:aws:lambda:ap-northeast-2:${account}:function:cognito-user-pool-prod-user-migration`,
                    why: "change its function" },
                { action: "cognito-idp:UpdateGroup", resource: pool("Own"), context: ownTag, why: "give a group of its pool a role" },
                { action: "cognito-idp:CreateUserPoolDomain", resource: pool("Own"), context: ownTag, why: "put a domain on its pool" },
                { action: "route53:ChangeResourceRecordSets", resource: zone, context: records(["A", "CNAME"], [`auth.${deployerDnsDomain}`, deployerDnsDomain]),
                    why: "write records of its DNS domain" },
                { action: "lambda:AddPermission", resource: userFunction("prod-hook"), context: { ...markedFor(prod), "lambda:Principal": "cognito-idp.amazonaws.com" },
                    why: "let Cognito invoke a function marked for it" },
                { action: "cognito-idp:SetLogDeliveryConfiguration", resource: pool("Own"), context: ownTag, why: "set its pool's log delivery" },
                { action: "logs:DeleteLogGroup", resource: `${logGroups}/prod/user-notification`, why: "delete its log group" },
            ];
            assert.deepEqual(await refused(own, prod), []);
        });
    });
});
