import { strict as assert } from "assert";
import { stackTagKey, triggerOfTagKey } from "../../components/deploy-scope";
import { offlineAccountId } from "../../offline/mock-cloud";
import { AwsCall, decide, policyFile, PolicyDocument, Principal } from "./support/simulator";
import { EvaluatedStack, evaluatedStacks } from "./support/stacks";

const boundary = policyFile("permissions-boundary.json");

/** The migration function's role, as the Lambda service's session of it, with the role's tags. */
function functionSession(role: { outputs?: Record<string, any>; inputs: Record<string, any> }): Principal {
    return { arn: `arn:aws:sts::${offlineAccountId}:assumed-role/${role.outputs!.name}/cognito-user-pool-prod-user-migration`, tags: role.inputs.tags };
}

/** A statement's resource as a concrete ARN: a log group's streams (`...:*`) as one stream. */
const concrete = (arn: string) => arn.endsWith(":*") ? `${arn.slice(0, -2)}:log-stream:2026/12/06/[$LATEST]0123456789abcdef` : arn;

/** Whether an action applies to a resource of the statement: log-stream actions to the streams, the others to the rest. */
const appliesTo = (action: string, arn: string) => ["logs:CreateLogStream", "logs:PutLogEvents"].includes(action) === arn.endsWith(":*");

describe("the permissions boundary of the roles the program creates (iam/permissions-boundary.json)", () => {
    let successor: EvaluatedStack;
    let role: EvaluatedStack["resources"][number];
    let inlinePolicies: PolicyDocument[];

    before(async () => {
        successor = (await evaluatedStacks()).find((stack) => stack.resources.some((resource) => resource.type === "aws:iam/role:Role"))!;
        role = successor.resources.find((resource) => resource.type === "aws:iam/role:Role")!;
        inlinePolicies = successor.resources.filter((resource) => resource.type === "aws:iam/rolePolicy:RolePolicy")
            .map((resource) => JSON.parse(resource.inputs.policy));
    });

    it("is the boundary the program attaches, and the role carries its stack's tag", () => {
        assert.equal(role.inputs.permissionsBoundary, `arn:aws:iam::${offlineAccountId}:policy/cognito-user-pool/cognito-user-pool-boundary`);
        assert.equal(role.inputs.path, "/cognito-user-pool/prod/");
        assert.equal(role.inputs.tags[stackTagKey], "prod");
    });

    it("lets the migration function do everything its inline policies grant, on the stack's pools and log group", async () => {
        // A user's function the role invokes (a chained trigger) carries the administrator's mark for the stack.
        const tagsOfPool = (arn: string) => successor.resources.find((resource) => resource.outputs?.arn === arn)?.inputs.tags ??
            (arn.includes(":lambda:") ? { [triggerOfTagKey]: "prod" } : {});
        const calls: AwsCall[] = inlinePolicies.flatMap((policy) => policy.Statement.flatMap((statement: any) =>
            [statement.Action].flat().flatMap((action: string) => [statement.Resource].flat().filter((resource: string) => appliesTo(action, resource)).map((resource: string) => ({
                action,
                resource: concrete(resource),
                context: Object.fromEntries(Object.entries(tagsOfPool(resource)).map(([key, value]) => [`aws:ResourceTag/${key}`, value as string])),
                why: statement.Sid,
            })))));
        // four on the old pool, two on its log group, one on the new pool, one on the user's chained PreSignUp function
        assert.ok(calls.length >= 8 && calls.some((call) => call.action === "lambda:InvokeFunction"), JSON.stringify(calls));
        const refused = [];
        for (const call of calls) {
            const decision = await decide(call, functionSession(role), inlinePolicies, boundary);
            if (decision !== "Allowed") {
                refused.push(`${call.action} on ${call.resource}: ${decision}`);
            }
        }
        assert.deepEqual(refused, []);
    });

    describe("caps a role the deployer writes any policy on", () => {
        const everything: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
        const pool = (id: string) => `arn:aws:cognito-idp:ap-northeast-2:${offlineAccountId}:userpool/ap-northeast-2_${id}`;
        const beyond: AwsCall[] = [
            { action: "cognito-idp:AdminGetUser", resource: pool("Dev"), context: { [`aws:ResourceTag/${stackTagKey}`]: "dev" }, why: "read users of another stack's pool" },
            { action: "cognito-idp:AdminDeleteUser", resource: pool("Own"), context: { [`aws:ResourceTag/${stackTagKey}`]: "prod" }, why: "delete a user of its own pool" },
            { action: "cognito-idp:AdminSetUserPassword", resource: pool("Own"), context: { [`aws:ResourceTag/${stackTagKey}`]: "prod" }, why: "set a password in its own pool" },
            { action: "iam:CreateRole", resource: `arn:aws:iam::${offlineAccountId}:role/anything`, why: "create a role" },
            { action: "iam:PassRole", resource: `arn:aws:iam::${offlineAccountId}:role/anything`, context: { "iam:PassedToService": "lambda.amazonaws.com" }, why: "pass a role" },
            { action: "s3:GetObject", resource: "arn:aws:s3:::company-secrets/keys.txt", why: "read anything else" },
            { action: "lambda:InvokeFunction", resource: `arn:aws:lambda:ap-northeast-2:${offlineAccountId}:function:payments-api`, why: "invoke a function no administrator marked" },
            { action: "lambda:InvokeFunction", resource: `arn:aws:lambda:ap-northeast-2:${offlineAccountId}:function:dev-hook`,
                context: { [`aws:ResourceTag/${triggerOfTagKey}`]: "dev" }, why: "invoke a function marked for another stack" },
            { action: "logs:PutLogEvents", resource: concrete(`arn:aws:logs:ap-northeast-2:${offlineAccountId}:log-group:/aws/lambda/payments-api:*`), why: "write another function's logs" },
        ];
        for (const call of beyond) {
            it(`refuses: ${call.why}`, async () => {
                assert.notEqual(await decide(call, functionSession(role), [everything], boundary), "Allowed");
            });
        }
    });
});
