import { strict as assert } from "assert";
import { closestMatch, didYouMean } from "../../../config/rules/suggestions";

describe("did-you-mean suggestions (config/rules/suggestions)", () => {
    it("suggests the closest candidate within a typo's distance, ignoring case", () => {
        assert.equal(closestMatch("cognito-userpool", ["cognito-user-pool", "aws", "pulumi"]), "cognito-user-pool");
        assert.equal(closestMatch("userpool", ["protect", "userPool", "clients", "import"]), "userPool");
        assert.equal(closestMatch("us-esat-1", ["us-east-1", "us-east-2", "eu-west-1"]), "us-east-1");
    });

    it("suggests nothing for a word unlike every candidate", () => {
        assert.equal(closestMatch("kubernetes", ["cognito-user-pool", "aws", "pulumi"]), undefined);
        assert.equal(didYouMean(undefined), "");
        assert.equal(didYouMean("aws:region"), "; did you mean aws:region?");
    });
});
