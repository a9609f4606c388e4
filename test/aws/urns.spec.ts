import * as assert from "assert";
import { migrationClientUrn, programUrns, stateUrns } from "../../aws/urns";
import { evaluateStack } from "../../offline/evaluate";
import { readStackConfig } from "../../stack-files/reader";
import type { StateExport } from "cognito-user-pool-policies";
import { repoRoot } from "../cli/support/project-copy";
import { evaluate, stackConfig, withSettings } from "../support/program";

describe("the URNs of a live pool and its clients in a stack", () => {
    it("are the ones the program registers", async () => {
        const { resources } = await evaluateStack(readStackConfig(repoRoot, "staging"));
        const urns = programUrns("cognito-user-pool", "staging");

        const urnsOf = (type: string) => resources.filter((resource) => resource.type === type).map((resource) => resource.urn);
        assert.deepStrictEqual(urnsOf("aws:cognito/userPool:UserPool"), [urns.pool("any-id")]);
        assert.deepStrictEqual(urnsOf("aws:cognito/userPoolClient:UserPoolClient"),
            [urns.client("any-id", "web"), urns.client("any-id", "server")]);
    });

    it("name the current pool's migration client as the program registers it in a stack with a successor", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("prod"), { successor: { name: "myapp-prod-v2" } }));
        const [migrationClient] = resources.filter((resource) => resource.name === "successor-migration-client");
        assert.strictEqual(migrationClient.urn, migrationClientUrn("cognito-user-pool", "prod"));
    });

    it("are the state's for the ids it holds, the program's for the others", () => {
        const exported: StateExport = {
            version: 3,
            deployment: {
                resources: [
                    { urn: "urn:pulumi:dev::p::aws:cognito/userPool:UserPool::legacy-pool", type: "aws:cognito/userPool:UserPool", id: "pool-1" },
                    { urn: "urn:pulumi:dev::p::aws:cognito/userPoolClient:UserPoolClient::legacy-web", type: "aws:cognito/userPoolClient:UserPoolClient", id: "client-1" },
                    { urn: "urn:pulumi:dev::p::aws:cognito/userPoolClient:UserPoolClient::gone", type: "aws:cognito/userPoolClient:UserPoolClient", id: "client-2", delete: true },
                ],
            },
        };
        const program = programUrns("p", "dev");
        const urns = stateUrns(exported, program);

        assert.strictEqual(urns.pool("pool-1"), "urn:pulumi:dev::p::aws:cognito/userPool:UserPool::legacy-pool");
        assert.strictEqual(urns.client("client-1", "web"), "urn:pulumi:dev::p::aws:cognito/userPoolClient:UserPoolClient::legacy-web");
        assert.strictEqual(urns.client("client-2", "old"), program.client("client-2", "old"));
        assert.strictEqual(urns.pool("pool-2"), program.pool("pool-2"));
    });
});
