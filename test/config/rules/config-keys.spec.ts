import { strict as assert } from "assert";
import { configKeyProblems, knownRegions } from "../../../config/rules/config-keys";

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

    it("refuses a region the installed @pulumi/aws does not know, unless the stack skips region validation", () => {
        assert.deepEqual(configKeyProblems({ "aws:region": "us-esat-1" }), [
            `aws:region: got "us-esat-1"; expected an AWS region the installed @pulumi/aws knows, like us-east-1 ` +
                "(for a newer region set aws:skipRegionValidation: true); did you mean us-east-1?",
        ]);
        assert.deepEqual(configKeyProblems({ "aws:region": "xx-future-9", "aws:skipRegionValidation": "true" }), []);
    });

    it("knows the regions of every partition, from the provider's region list", () => {
        for (const region of ["us-east-1", "ap-northeast-2", "mx-central-1", "cn-north-1", "us-gov-west-1", "eusc-de-east-1"]) {
            assert.ok(knownRegions.includes(region), region);
        }
    });
});
