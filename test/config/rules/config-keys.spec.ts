import { strict as assert } from "assert";
import { configKeyProblems } from "../../../config/rules/config-keys";

const namespaces = "namespaces read: cognito-user-pool (this project), aws (the AWS provider), pulumi (Pulumi)";

describe("the keys of a stack's config (config/rules/config-keys)", () => {
    it("accepts this project's keys, the AWS provider's and Pulumi's", () => {
        assert.deepEqual(configKeyProblems({
            "cognito-user-pool:protect": "true", "aws:region": "ap-northeast-2", "aws:profile": "dev", "pulumi:tags": "{}",
        }), []);
    });

    it("refuses a key under a namespace nothing reads, suggesting the project's", () => {
        assert.deepEqual(configKeyProblems({ "cognito-userpool:userPool": `{"name":"myapp-prod"}`, "kubernetes:context": "x" }), [
            `cognito-userpool:userPool: unknown config namespace "cognito-userpool": nothing here reads it (${namespaces}); did you mean cognito-user-pool:userPool?`,
            `kubernetes:context: unknown config namespace "kubernetes": nothing here reads it (${namespaces})`,
        ]);
    });

    it("refuses a key the AWS provider does not have", () => {
        assert.deepEqual(configKeyProblems({ "aws:regoin": "us-east-1" }), [
            "aws:regoin: unknown key of the AWS provider; did you mean aws:region?",
        ]);
    });

    it("checks aws:region and the region of a pool to adopt too (config/rules/regions)", () => {
        assert.equal(configKeyProblems({ "aws:region": "us-esat-1" }).length, 1);
        assert.equal(configKeyProblems({ "aws:region": "us-east-1", "cognito-user-pool:import": `{"userPool":"eu-west-1_AbC"}` }).length, 1);
    });
});
