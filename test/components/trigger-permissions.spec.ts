import { strict as assert } from "assert";
import { evaluate, ofType, only, resourceTypes, stackConfig, withSettings } from "../support/program";

const fn = (name: string) => `arn:aws:lambda:ap-northeast-2:123456789012:function:${name}`;
const permissionType = "aws:lambda/permission:Permission";

describe("the user's trigger functions' invoke permissions (components/trigger-permissions.ts)", () => {
    it("lets this pool alone invoke each function once, however many triggers it serves; a version or alias is the qualifier", async () => {
        const evaluation = await evaluate(withSettings(stackConfig("prod"), { tier: "essentials", triggers: {
            preSignUp: fn("app-hooks"), postConfirmation: fn("app-hooks"),
            preTokenGeneration: { arn: fn("app-claims:live"), version: "V2_0" },
        } }));
        const pool = only(evaluation.resources, resourceTypes.userPool);
        assert.deepEqual(pool.inputs.lambdaConfig, {
            preSignUp: fn("app-hooks"), postConfirmation: fn("app-hooks"),
            preTokenGenerationConfig: { lambdaArn: fn("app-claims:live"), lambdaVersion: "V2_0" },
        });
        const permissions: Record<string, any>[] = ofType(evaluation.resources, permissionType).map((permission) => ({ name: permission.name, ...permission.inputs }));
        assert.deepEqual(permissions.map(({ name, function: functionArn, qualifier }) => ({ name, functionArn, qualifier })), [
            { name: "auth-invoke-app-hooks", functionArn: fn("app-hooks"), qualifier: undefined },
            { name: "auth-invoke-app-claims-live", functionArn: fn("app-claims"), qualifier: "live" },
        ]);
        for (const permission of permissions) {
            assert.equal(permission.action, "lambda:InvokeFunction");
            assert.equal(permission.principal, "cognito-idp.amazonaws.com");
            assert.equal(permission.sourceArn, pool.outputs!.arn);
            assert.equal(permission.sourceAccount, pool.outputs!.arn.split(":")[4]);
        }
    });

    it("adds none, and no lambdaConfig, without triggers or with triggers left empty", async () => {
        for (const config of [stackConfig("prod"), withSettings(stackConfig("prod"), { triggers: {} })]) {
            const evaluation = await evaluate(config);
            assert.deepEqual(ofType(evaluation.resources, permissionType), []);
            assert.equal("lambdaConfig" in only(evaluation.resources, resourceTypes.userPool).inputs, false);
        }
    });
});
