import type { RegisteredResource } from "../offline/evaluate";
import { createdTypes } from "./registered";
import { triggersNotEmulated, usersFunctionsNotRun } from "./local-functions";

/** Resources run locally without being created in cognito-local: the functions, behind the local Lambda endpoint. */
const servedTypes = new Set(["aws:lambda/function:Function"]);

/** Why a registered type has no local counterpart; any other type not created is listed with its name only. */
const missingServices: Readonly<Record<string, string>> = {
    "aws:sesv2/emailIdentity:EmailIdentity": "no SES: cognito-local writes every message (codes included) to its log",
    "aws:iam/role:Role": "no IAM: the function may call anything cognito-local has",
    "aws:iam/rolePolicy:RolePolicy": "no IAM: not enforced",
    "aws:lambda/permission:Permission": "no IAM: any pool's trigger may call the function",
    "aws:cognito/userPoolDomain:UserPoolDomain": "no domains or managed login in cognito-local",
    "aws:cognito/managedLoginBranding:ManagedLoginBranding": "no managed login in cognito-local",
    "aws:cognito/identityProvider:IdentityProvider": "no identity providers (federation) in cognito-local",
    "aws:cognito/resourceServer:ResourceServer": "no resource servers or custom scopes in cognito-local",
    "aws:cognito/riskConfiguration:RiskConfiguration": "no threat protection in cognito-local",
    "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration": "no log delivery in cognito-local",
    "aws:cloudwatch/logGroup:LogGroup": "no CloudWatch Logs: the pool's delivery errors are not logged anywhere",
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": "no CloudWatch Logs",
};

/** What cognito-local 5.3.0 does not do whatever the stack (facts.md, CONTRIBUTING.md's table of its gaps). */
const alwaysMissing = [
    "SRP sign-in: cognito-local has only USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH; the page signs in with USER_PASSWORD_AUTH, " +
        "which cognito-local accepts from any client (AWS only from one whose authFlows include user_password)",
    "password policy and case-insensitive user names: stored, not enforced",
    "email and SMS delivery: messages and confirmation codes go to cognito-local's log",
];

/** The lines the sandbox prints once at start: what of this stack cognito-local cannot do, and what stands in. */
export function notEmulated(resources: readonly RegisteredResource[]): string[] {
    const created = new Set<string>(Object.values(createdTypes));
    const resourceLines = resources
        .filter((resource) => resource.custom && !resource.type.startsWith("pulumi:providers:") &&
            !created.has(resource.type) && !servedTypes.has(resource.type))
        .map((resource) => `${resource.type} ${resource.name}: ${missingServices[resource.type] ?? "not emulated"}`);
    const poolLines = resources.filter((resource) => resource.type === createdTypes.userPool).flatMap((pool) => {
        const inputs = pool.inputs;
        const mode = inputs.mfaConfiguration ?? "OFF";
        const factors = [inputs.softwareTokenMfaConfiguration?.enabled && "totp", inputs.emailMfaConfiguration && "email",
            inputs.smsConfiguration && "sms"].filter(Boolean);
        return [
            ...(mode === "OFF" ? [] : [`${inputs.name}: MFA ${mode} (${factors.join(", ")}): cognito-local asks only for SMS codes ` +
                "(printed to its log), with no TOTP or email OTP; the page answers no MFA challenge"]),
            ...(inputs.emailConfiguration?.emailSendingAccount === "DEVELOPER"
                ? [`${inputs.name}: email through SES (${inputs.emailConfiguration.sourceArn}): written to cognito-local's log instead`] : []),
        ];
    });
    const rotatingLines = resources.filter((resource) => resource.type === createdTypes.client && resource.inputs.refreshTokenRotation?.feature === "ENABLED")
        .map((client) => `${client.inputs.name}: refresh token rotation: cognito-local has no GetTokensFromRefreshToken and still refreshes ` +
            "with REFRESH_TOKEN_AUTH, the token unchanged (AWS refuses that flow on a rotating client)");
    const migrating = resources.some((resource) => resource.type === createdTypes.userPool && resource.inputs.lambdaConfig?.userMigration);
    return [
        ...alwaysMissing,
        ...(migrating ? ["UserMigration on a forgotten password: cognito-local runs the trigger only at sign-in"] : []),
        ...poolLines,
        ...rotatingLines,
        ...triggersNotEmulated(resources).map((trigger) => `${trigger}: cognito-local never calls this trigger`),
        ...usersFunctionsNotRun(resources).map((trigger) => `${trigger}: your own function is not run locally (the trigger answers as if absent)`),
        ...resourceLines,
    ];
}
