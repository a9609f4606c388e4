/** The @pulumi/aws module and class of a resource type: `aws:cognito/userPool:UserPool` → cognito, UserPool. */
export function awsClassOf(type: string): { readonly module: string; readonly className: string } {
    const [, module, className] = /^aws:(\w+)\/\w+:(\w+)$/.exec(type) ?? [];
    if (module === undefined) {
        throw new Error(`the bench's floors create @pulumi/aws resources only, not ${type}`);
    }
    return { module, className };
}
