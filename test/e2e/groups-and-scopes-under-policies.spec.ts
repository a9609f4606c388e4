// End to end: prod with groups and a resource server deployed (its state export made from the program's own
// evaluation), then its stack file changed: every policy of the pack judges the changed stack against the baseline
// of that state, as CI's `pulumi preview --policy-pack ... --policy-pack-config ...` would.
import * as assert from "assert";
import { POLICY_NAMES } from "cognito-user-pool-policies";
import type { PolicyPackConfig } from "../../offline/run-policies";
import { ProjectCopy } from "../cli/support/project-copy";
import { deployedProdConfig, describeMandatory, mandatoryViolations, previewUnderPolicies } from "./support/deployed-stack";

const groups = "[{name: admins, description: Operators, precedence: 1}, {name: support, precedence: 10}]";
const resourceServers = "[{identifier: orders-api, name: Orders API, scopes: {read: Read orders, write: Change orders}}]";

describe("prod's groups and resource server under the policies, against what prod deployed", function () {
    this.timeout(60_000);
    let project: ProjectCopy;
    let config: PolicyPackConfig;

    before(async () => {
        project = new ProjectCopy();
        project.override("prod", "groups", groups);
        project.override("prod", "resourceServers", resourceServers);
        config = await deployedProdConfig(project.dir);
    });

    after(() => project?.remove());

    /** Prod's stack file with its groups and resource servers as given, judged against the deployed baseline. */
    async function judged(nextGroups: string, nextServers: string) {
        const copy = new ProjectCopy();
        try {
            copy.override("prod", "groups", nextGroups);
            copy.override("prod", "resourceServers", nextServers);
            return (await previewUnderPolicies(copy.dir, "prod", config)).verdicts;
        } finally {
            copy.remove();
        }
    }

    it("passes the deployed stack, and a new description, precedence and scopes", async () => {
        assert.strictEqual(describeMandatory(await judged(groups, resourceServers)), "no mandatory violation");
        const changed = await judged("[{name: admins, description: Can change every order, precedence: 2}, {name: support}]",
            "[{identifier: orders-api, name: Orders, scopes: {read: Read orders}}]");
        assert.strictEqual(describeMandatory(changed), "no mandatory violation");
    });

    it("fails a renamed group and a new resource-server identifier, naming the config key and the safe way", async () => {
        const verdicts = await judged("[{name: administrators, precedence: 1}, {name: support, precedence: 10}]",
            "[{identifier: https://orders.example.com, name: Orders API, scopes: {read: Read orders}}]");
        const violations = mandatoryViolations(verdicts);
        assert.deepStrictEqual(violations.map((violation) => violation.policyName), [POLICY_NAMES.groupsAndScopesKept, POLICY_NAMES.groupsAndScopesKept],
            describeMandatory(verdicts));
        assert.match(violations[0].message, /group "admins" .*is deployed in this protected stack/);
        assert.match(violations[0].message, /keep the group "admins" in cognito-user-pool:groups/);
        assert.match(violations[1].message, /keep the resource server "orders-api" in cognito-user-pool:resourceServers/);
    });
});
