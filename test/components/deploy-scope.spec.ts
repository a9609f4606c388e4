import { strict as assert } from "assert";
import { deployScope, stackNameProblem } from "../../components/deploy-scope";

describe("a stack's deploy scope (components/deploy-scope.ts)", () => {
    it("names the role path, the function, the tag and the boundary after the stack", () => {
        const scope = deployScope("prod");
        assert.equal(scope.rolePath, "/cognito-user-pool/prod/");
        assert.equal(scope.functionName("user-migration"), "cognito-user-pool-prod-user-migration");
        assert.deepEqual(scope.tags, { "cognito-user-pool:stack": "prod" });
        assert.equal(scope.permissionsBoundaryArn("arn:aws-cn:cognito-idp:cn-north-1:123456789012:userpool/cn-north-1_abc"),
            "arn:aws-cn:iam::123456789012:policy/cognito-user-pool/cognito-user-pool-boundary");
    });

    it("refuses a stack name a Lambda function name cannot hold, naming it and what is allowed", () => {
        assert.equal(stackNameProblem("a".repeat(31)), undefined);
        for (const stack of ["prod.eu", "a".repeat(32), ""]) {
            assert.match(stackNameProblem(stack) ?? "", new RegExp(`^stack name "${stack.replace(".", "\\.")}": expected 1 to 31 letters, digits, - or _`));
        }
        assert.throws(() => deployScope("prod.eu"), /stack name "prod\.eu"/);
    });
});
