import { allPolicies, fixedInputsOf } from "cognito-user-pool-policies";
import { notMigrated } from "../config/catalogue/successor";
import { plainTriggers } from "../config/catalogue/triggers";
import { deployedIdsOf, evaluateStack, RegisteredResource } from "../offline/evaluate";
import { hasMandatoryViolation, PolicyVerdict, runPolicies } from "../offline/run-policies";
import { readStackConfig } from "../stack-files/reader";
import type { PolicyConfigFile } from "./policy-config-file";
import { deliveryLines } from "../config/catalogue/log-delivery";
import { counted } from "../config/rules/problems";

/** A resource the stack would register, with the settings a reviewer looks at. */
export interface PlannedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent?: string;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    /** The id of an existing resource the stack would adopt (Pulumi's import option). */
    readonly importId?: string;
    readonly settings: Readonly<Record<string, unknown>>;
}

/** What `npm run plan` prints, and with --json prints as it is. */
export interface PlanReport {
    readonly project: string;
    readonly stack: string;
    /** The deployed baseline the policies compared against; null: none given (a first deployment). */
    readonly baseline: { readonly file: string; readonly stack: string; readonly source: string; readonly capturedAt: string } | null;
    readonly resources: readonly PlannedResource[];
    readonly policies: readonly PolicyVerdict[];
    /** True when `pulumi preview --policy-pack` would fail. */
    readonly blocked: boolean;
    /** What the program warned about, as `pulumi preview` would print it (an SES identity not verified yet, ...). */
    readonly warnings: readonly string[];
    /** The migration to a successor pool, when the stack declares one: its phase and what does not move. */
    readonly migration?: { readonly phase: string; readonly notMigrated: readonly string[] };
}

type Summarise = (inputs: Record<string, any>) => Record<string, unknown>;

const valueAt = (inputs: Record<string, any>, path: string): unknown => path.split(".").reduce<any>((inner, key) => inner?.[key], inputs);

function pick(inputs: Record<string, any>, paths: readonly string[]): Record<string, unknown> {
    const picked: Record<string, unknown> = {};
    for (const path of paths) {
        const value = valueAt(inputs, path);
        if (value !== undefined) {
            picked[path] = value;
        }
    }
    return picked;
}

/** `custom:tenant_id String, mutable, length 1..64`: one schema attribute on a line. */
function schemaAttribute(attribute: Record<string, any>): string {
    const flags = [attribute.required && "required", attribute.mutable && "mutable", attribute.developerOnlyAttribute && "developer only"];
    const strings = attribute.stringAttributeConstraints;
    const numbers = attribute.numberAttributeConstraints;
    const range = strings ? `length ${strings.minLength ?? 0}..${strings.maxLength ?? ""}`
        : numbers ? `value ${numbers.minValue ?? ""}..${numbers.maxValue ?? ""}` : undefined;
    return `${attribute.name} ${attribute.attributeDataType}, ${[...flags, range].filter(Boolean).join(", ")}`;
}

/** `60 minutes`, `1 day`: the provider's units are plural. */
function amountOf(amount: number, unit: string): string {
    return counted(amount, unit.replace(/s$/, ""), unit);
}

/** The provider's units when a client gives none (tokenValidityUnits). */
const defaultTokenUnits = { access: "hours", id: "hours", refresh: "days" } as const;

function lifetime(inputs: Record<string, any>, token: "access" | "id" | "refresh"): string | undefined {
    const amount = inputs[`${token}TokenValidity`];
    return amount === undefined ? undefined : amountOf(amount, inputs.tokenValidityUnits?.[`${token}Token`] ?? defaultTokenUnits[token]);
}

/** A fixed input shown otherwise than as it is sent; null: not shown. */
const fixedInputDisplay: Readonly<Record<string, (value: any) => unknown>> = {
    schemas: (schemas: Record<string, any>[] | undefined) => (schemas ?? []).map(schemaAttribute),
    // The id of the stack's own pool: not known before the pool exists, and the same pool in every plan.
    userPoolId: () => null,
    // A branding style's client: the one its name says, its id not known before it exists.
    clientId: () => null,
    // A branding style's images: what each is for, and its size.
    assets: (assets: Record<string, any>[] | undefined) => (assets ?? [])
        .map((asset) => `${asset.category} ${asset.colorMode} ${asset.extension}, ${counted(Buffer.from(asset.bytes ?? "", "base64").length, "byte")}`),
};

/**
 * The fixed inputs of a resource type, in the order of the pack's table (policy-pack/src/fixed-settings/table.ts),
 * as the program sends them; an absent list is shown empty, as a baseline records it (signing in with a user name
 * only sets neither sign-in list).
 */
function fixedInputs(type: string, inputs: Record<string, any>): Record<string, unknown> {
    return Object.fromEntries(fixedInputsOf(type).flatMap(row => {
        const value = valueAt(inputs, row.input);
        const display = fixedInputDisplay[row.input];
        const shown = display ? display(value) : value ?? (row.shape.type === "array" ? [] : undefined);
        return shown === undefined || shown === null ? [] : [[row.input, shown]];
    }));
}

/** The pool's triggers, each function and version (lambdaConfig, config/catalogue/triggers.ts). */
const triggerInputs = [
    ...Object.keys(plainTriggers).map((trigger) => `lambdaConfig.${trigger}`),
    "lambdaConfig.preTokenGenerationConfig.lambdaArn", "lambdaConfig.preTokenGenerationConfig.lambdaVersion",
    "lambdaConfig.customEmailSender.lambdaArn", "lambdaConfig.customSmsSender.lambdaArn", "lambdaConfig.kmsKeyId",
];

/** One line per statement of a policy document: `<Sid>: <effect> [<principal>] <actions> on <resources>`. */
function statementLines(policy: string): Record<string, string> {
    return Object.fromEntries(JSON.parse(policy).Statement.map((statement: any, index: number) => {
        const principal = statement.Principal?.Service === undefined ? "" : ` ${[statement.Principal.Service].flat().join(", ")}:`;
        return [statement.Sid ?? `statement ${index + 1}`,
            `${statement.Effect}${principal} ${[statement.Action].flat().join(", ")} on ${[statement.Resource].flat().join(", ")}`];
    }));
}

/** The settings shown per resource type: the name, the fixed-at-creation inputs, then what a reviewer checks. */
const summaries: Readonly<Record<string, Summarise>> = {
    "aws:cognito/userPool:UserPool": (inputs) => ({
        name: inputs.name,
        ...fixedInputs("aws:cognito/userPool:UserPool", inputs),
        ...pick(inputs, [
            "mfaConfiguration", "passwordPolicy.minimumLength", "adminCreateUserConfig.allowAdminCreateUserOnly",
            "autoVerifiedAttributes", "emailConfiguration.emailSendingAccount", "emailConfiguration.fromEmailAddress",
            "emailConfiguration.replyToEmailAddress", "deletionProtection", "userPoolTier", "userPoolAddOns.advancedSecurityMode", ...triggerInputs,
        ]),
    }),
    "aws:cognito/userPoolClient:UserPoolClient": (inputs) => ({
        name: inputs.name,
        ...fixedInputs("aws:cognito/userPoolClient:UserPoolClient", inputs),
        ...pick(inputs, ["explicitAuthFlows"]),
        tokenValidity: {
            access: lifetime(inputs, "access"),
            id: lifetime(inputs, "id"),
            refresh: lifetime(inputs, "refresh"),
            authSession: inputs.authSessionValidity === undefined ? undefined : amountOf(inputs.authSessionValidity, "minutes"),
        },
        ...pick(inputs, ["enableTokenRevocation", "refreshTokenRotation.feature", "refreshTokenRotation.retryGracePeriodSeconds",
            "preventUserExistenceErrors", "allowedOauthFlows", "allowedOauthScopes", "callbackUrls"]),
    }),
    "aws:sesv2/emailIdentity:EmailIdentity": (inputs) => fixedInputs("aws:sesv2/emailIdentity:EmailIdentity", inputs),
    "aws:cloudwatch/logGroup:LogGroup": (inputs) => pick(inputs, ["name", "retentionInDays"]),
    "aws:cognito/userGroup:UserGroup": (inputs) => pick(inputs, ["name", "precedence", "roleArn", "description"]),
    // A client requests each scope as `<identifier>/<scope name>`.
    "aws:cognito/resourceServer:ResourceServer": (inputs) => ({
        ...pick(inputs, ["identifier", "name"]),
        scopes: (inputs.scopes ?? []).map((scope: { scopeName: string }) => `${inputs.identifier}/${scope.scopeName}`),
    }),
    "aws:cognito/userPoolDomain:UserPoolDomain": (inputs) => pick(inputs, ["domain", "certificateArn", "managedLoginVersion"]),
    "aws:cognito/riskConfiguration:RiskConfiguration": (inputs) => pick(inputs, [
        "compromisedCredentialsRiskConfiguration.actions.eventAction", "compromisedCredentialsRiskConfiguration.eventFilters",
        ...["low", "medium", "high"].map((level) => `accountTakeoverRiskConfiguration.actions.${level}Action`),
        "accountTakeoverRiskConfiguration.notifyConfiguration.sourceArn",
        "riskExceptionConfiguration.skippedIpRangeLists", "riskExceptionConfiguration.blockedIpRangeLists",
    ]),
    "aws:cognito/managedLoginBranding:ManagedLoginBranding": (inputs) => ({
        ...fixedInputs("aws:cognito/managedLoginBranding:ManagedLoginBranding", inputs),
        ...pick(inputs, ["useCognitoProvidedValues", "settings"]),
    }),
    // Its details hold credentials: only the scopes it asks for, and where a SAML provider's metadata is.
    "aws:cognito/identityProvider:IdentityProvider": (inputs) => pick(inputs, [
        "providerName", "providerType", "providerDetails.authorize_scopes", "providerDetails.oidc_issuer", "providerDetails.MetadataURL",
        "attributeMapping", "idpIdentifiers",
    ]),
    "aws:lambda/function:Function": (inputs) => ({
        ...pick(inputs, ["name", "runtime", "handler", "timeout", "memorySize"]),
        environment: inputs.environment?.variables,
    }),
    "aws:iam/role:Role": (inputs) => ({
        assumedBy: JSON.parse(inputs.assumeRolePolicy).Statement.map((statement: any) => statement.Principal.Service),
    }),
    // One line per statement: `<Sid>: <actions> on <resources>`.
    "aws:iam/rolePolicy:RolePolicy": (inputs) => statementLines(inputs.policy),
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": (inputs) => statementLines(inputs.policyDocument),
    "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration": (inputs) => ({ logConfigurations: deliveryLines(inputs.logConfigurations ?? []) }),
    "aws:lambda/permission:Permission": (inputs) => pick(inputs, ["action", "function", "qualifier", "principal", "sourceArn"]),
};

function plannedResource(resource: RegisteredResource): PlannedResource {
    return {
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        ...(resource.parent ? { parent: resource.parent } : {}),
        protect: resource.protect,
        retainOnDelete: resource.retainOnDelete,
        ...(resource.importId ? { importId: resource.importId } : {}),
        settings: summaries[resource.type]?.(resource.inputs) ?? {},
    };
}

function migrationOf(outputs: Record<string, unknown>): Pick<PlanReport, "migration"> {
    const migration = outputs.migration as { phase: string } | undefined;
    return migration ? { migration: { phase: migration.phase, notMigrated } } : {};
}

/**
 * Evaluates the stack's program offline and runs the policy pack over what it registers, as
 * `pulumi preview --policy-pack policy-pack [--policy-pack-config <baseline>]` would, without the provider's diff.
 * With the deployed outputs (from a state export), resources read what the stack has deployed, as after a refresh.
 * Throws StackFileError / StackConfigError for a stack that cannot be read or validated.
 */
export async function planStack(projectDir: string, stack: string, policyConfig?: PolicyConfigFile,
    deployedOutputs?: Readonly<Record<string, Record<string, unknown>>>): Promise<PlanReport> {
    const stackConfig = readStackConfig(projectDir, stack);
    const evaluation = await evaluateStack(stackConfig, { deployedIds: deployedIdsOf(policyConfig?.baseline), deployedOutputs });
    const policies = await runPolicies(allPolicies, evaluation.resources, policyConfig?.config ?? {});
    const baseline = policyConfig?.baseline;
    return {
        project: stackConfig.project,
        stack,
        baseline: baseline && policyConfig
            ? { file: policyConfig.file, stack: baseline.stack, source: baseline.source, capturedAt: baseline.capturedAt }
            : null,
        resources: evaluation.resources.map(plannedResource),
        policies,
        blocked: hasMandatoryViolation(policies),
        warnings: evaluation.warnings,
        ...migrationOf(evaluation.outputs),
    };
}
