import type * as cognito from "@pulumi/aws/cognito";
import * as lambda from "@pulumi/aws/lambda";
import * as pulumi from "@pulumi/pulumi";

/*
 * Loaded only for a pool with the user's own triggers (sign-in-backend.ts, successor-pool.ts): it brings in
 * @pulumi/aws/lambda, which a stack without triggers never loads.
 *
 * Cognito invokes a trigger only where the function's resource policy lets it: "When you create a trigger outside
 * the Amazon Cognito console, you must explicitly add permissions as you assign the" trigger, else the request fails
 * with "PreSignUp invocation failed due to error AccessDeniedException"
 * (https://www.repost.aws/knowledge-center/cognito-lambda-trigger-errors). Least privilege: the Cognito service
 * principal, for this pool's ARN (SourceArn) in this pool's account (SourceAccount) only, so that no other pool, in
 * this account or another, can have the function run (Lambda AddPermission: "SourceArn ... only that resource can
 * invoke the function"; "SourceAccount ... to ensure that the resource is owned by the specified account").
 */

/** `cognito-user-pool-dev-hook` of `arn:aws:lambda:…:function:cognito-user-pool-dev-hook[:live]`, and its qualifier. */
function functionPart(arn: string): string {
    return arn.split(":").slice(6).join("-");
}

/** One invoke permission per function: the pool, and nothing else, may invoke it. */
export function triggerPermissions(name: string, functionArns: readonly string[], userPool: cognito.UserPool,
    parent: pulumi.Resource): lambda.Permission[] {
    return functionArns.map((functionArn) => new lambda.Permission(`${name}-invoke-${functionPart(functionArn)}`, {
        action: "lambda:InvokeFunction",
        // A version or alias is the permission's qualifier (AddPermission Qualifier): terraform-provider-aws
        // internal/service/lambda/permission.go resourcePermissionRead strips it off an ARN function_name ("Strip
        // qualifier off") and reads it into `qualifier`, so a qualified ARN given whole would differ at every refresh.
        function: functionArn.split(":").slice(0, 7).join(":"),
        ...(functionArn.split(":")[7] === undefined ? {} : { qualifier: functionArn.split(":")[7] }),
        principal: "cognito-idp.amazonaws.com",
        sourceArn: userPool.arn,
        sourceAccount: userPool.arn.apply((arn) => arn.split(":")[4]),
    }, { parent }));
}
