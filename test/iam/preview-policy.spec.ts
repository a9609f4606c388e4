import { strict as assert } from "assert";
import { offlineAccountId } from "../../offline/mock-cloud";
import { AwsCall, decide, policyFile, Principal } from "./support/simulator";
import { callsOf, commandCall, EvaluatedStack, evaluatedStacks, sdkActionsCalledIn } from "./support/stacks";

const preview = policyFile("preview-policy.json");

/** The pull requests' role, as GitHub's OIDC session of it: no stack tag, one role for every stack's preview. */
const previewer: Principal = { arn: `arn:aws:sts::${offlineAccountId}:assumed-role/cognito-user-pool-preview/GitHubActions`, tags: {} };

async function decisions(calls: readonly AwsCall[]): Promise<Map<string, string>> {
    const decided = new Map<string, string>();
    for (const call of calls) {
        decided.set(`${call.action} on ${call.resource} (${call.why})`, await decide(call, previewer, [preview]));
    }
    return decided;
}

describe("the pull requests' read-only IAM policy (iam/preview-policy.json), under the simulator", () => {
    let stacks: EvaluatedStack[];

    before(async () => {
        stacks = await evaluatedStacks();
    });

    it("is read-only: every action it grants is a Describe, Get or List", () => {
        const actions = preview.Statement.flatMap((statement) => [statement.Action as string | string[]].flat());
        assert.deepEqual(actions.filter((action) => !/^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]*$/.test(action)), []);
        assert.ok(preview.Statement.every((statement) => statement.Effect === "Allow"));
    });

    it("allows every call the provider makes to read (refresh) each resource of the stacks", async () => {
        for (const stack of stacks) {
            const refused = [...await decisions(callsOf(stack).read)].filter(([, decision]) => decision !== "Allowed");
            assert.deepEqual(refused, [], stack.stack);
        }
    });

    it("allows what `npm run baseline -- --from-aws` and the drift check read (aws/read-pool.ts, aws/ses-account.ts)", async () => {
        const called = sdkActionsCalledIn(["aws/read-pool.ts", "aws/ses-account.ts"]);
        assert.ok(called.has("cognito-idp:DescribeUserPool") && called.has("ses:GetAccount"), [...called].join(", "));
        for (const stack of stacks) {
            const refused = [...await decisions([...called].map((action) => commandCall(action, stack)))].filter(([, decision]) => decision !== "Allowed");
            assert.deepEqual(refused, [], stack.stack);
        }
    });

    it("refuses every call that creates, updates or deletes anything, and the migration command's reads of users (ListUsers, GetCSVHeader)", async () => {
        const writes = stacks.flatMap((stack) => { const calls = callsOf(stack); return [...calls.create, ...calls.update, ...calls.delete]; })
            .filter((call) => !/:(Describe|Get|List)/.test(call.action));
        // ListGroups lists the pool's groups, which the baseline and the drift check read too: no user is in its answer.
        const userReads = [...sdkActionsCalledIn(["aws/migration-status.ts"])].filter((action) => action !== "cognito-idp:ListGroups")
            .map((action) => commandCall(action, stacks[0]));
        assert.ok(writes.length > 50 && userReads.length === 2, `${writes.length} writes, ${userReads.length} user reads`);
        const allowed = [...await decisions([...writes, ...userReads])].filter(([, decision]) => decision === "Allowed");
        assert.deepEqual(allowed, []);
    });
});
