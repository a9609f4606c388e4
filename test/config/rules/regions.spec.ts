import { strict as assert } from "assert";
import { importedPoolRegionProblem, knownRegions, regionProblem } from "../../../config/rules/regions";
import { assertAccepted, assertProblems } from "../support/problems";

describe("AWS regions (config/rules/regions)", () => {
    it("refuses an aws:region the installed @pulumi/aws does not know, with a did-you-mean", () => {
        assert.equal(regionProblem({ "aws:region": "us-esat-1" }),
            `aws:region: got "us-esat-1"; expected an AWS region the installed @pulumi/aws knows, like us-east-1 ` +
            "(for a newer region set aws:skipRegionValidation: true); did you mean us-east-1?");
        assert.equal(regionProblem({ "aws:region": "ap-northeast-2" }), undefined);
    });

    it("lets a region newer than @pulumi/aws through when the stack skips region validation", () => {
        assert.equal(regionProblem({ "aws:region": "xx-future-9", "aws:skipRegionValidation": "true" }), undefined);
        assert.notEqual(regionProblem({ "aws:region": "xx-future-9", "aws:skipRegionValidation": "false" }), undefined);
    });

    it("knows the regions of every partition, from the provider's region list", () => {
        for (const region of ["us-east-1", "ap-northeast-2", "mx-central-1", "cn-north-1", "us-gov-west-1", "eusc-de-east-1"]) {
            assert.ok(knownRegions.includes(region), region);
        }
    });

    it("refuses a pool to adopt from another region than the stack's", () => {
        const values = (userPool: string) => ({ "aws:region": "ap-northeast-2", "cognito-user-pool:import": JSON.stringify({ userPool }) });
        assert.equal(importedPoolRegionProblem(values("eu-west-1_AbCdEf123")),
            `cognito-user-pool:import.userPool: got "eu-west-1_AbCdEf123"; a pool in eu-west-1 cannot be adopted by this stack, ` +
            "which deploys to ap-northeast-2 (aws:region)");
        assert.equal(importedPoolRegionProblem(values("ap-northeast-2_AbCdEf123")), undefined);
        // A local Cognito's pools (local_AbC) are in no AWS region: nothing to compare.
        assert.equal(importedPoolRegionProblem(values("local_AbCdEf123")), undefined);
    });

    it("checks the SNS region of SMS", () => {
        const sms = (snsRegion: string) => ({ sms: { snsCallerArn: "arn:aws:iam::123456789012:role/sms", externalId: "x", snsRegion } });
        assertAccepted(sms("us-east-1"));
        assertProblems(sms("us-east1"), [
            `cognito-user-pool:sms.snsRegion: got "us-east1"; expected an AWS region the installed @pulumi/aws knows, like us-east-1; did you mean us-east-1?`,
        ]);
    });
});
