import { z } from "zod";

/*
 * ARNs of the user's own Lambda triggers and of the custom senders' KMS key. Cognito takes any ARN of the pattern in
 * LambdaConfigType (API reference: `arn:[\w+=/,.@-]+:[\w+=/,.@-]+:...`, 20 to 2048 characters); the stack grants each
 * function's invoke permission (lambda.Permission, AddPermission's FunctionName), so only a function ARN, with an
 * optional version or alias, is taken: a function name is 1 to 64 letters, digits, `-` and `_` (Lambda API
 * reference, CreateFunction FunctionName). KMS: `arn:aws:kms:<region>:<account>:key/<key id>`, the form
 * LambdaConfigType.KMSKeyID names ("The ARN of an KMS key").
 */
const functionArnPattern = /^arn:(aws[a-z-]*):lambda:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):function:([A-Za-z0-9_-]{1,64})(?::(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;
const kmsKeyArnPattern = /^arn:(aws[a-z-]*):kms:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):key\/[A-Za-z0-9-]{1,128}$/;

export const lambdaFunctionArn = z.string().regex(functionArnPattern, {
    error: "expected a Lambda function ARN like arn:aws:lambda:eu-west-1:123456789012:function:my-trigger (optionally :<version or alias>)",
});

export const kmsKeyArn = z.string().regex(kmsKeyArnPattern, {
    error: "expected a KMS key ARN like arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
});

/** The region and account of a Lambda function or KMS key ARN these schemas took. */
export function arnPlace(arn: string): { region: string; account: string } | undefined {
    const match = functionArnPattern.exec(arn) ?? kmsKeyArnPattern.exec(arn);
    return match ? { region: match[2], account: match[3] } : undefined;
}

/**
 * A function or key in another region than the stack's pool. AWS documents no cross-region trigger; the stack adds
 * the function's invoke permission through its own provider, in `aws:region`, where AddPermission finds no function
 * of another region (ResourceNotFoundException): so such an ARN is refused before the deploy (fail closed).
 */
export function arnRegionProblem(arn: string, stackRegion: string | undefined): string | undefined {
    const region = arnPlace(arn)?.region;
    if (region === undefined || stackRegion === undefined || region === stackRegion) {
        return undefined;
    }
    return `got ${JSON.stringify(arn)}; it is in ${region} and the stack's pool in ${stackRegion} (aws:region): use one in ${stackRegion}`;
}
