/**
 * The baseline: what a stack has deployed, as the fixed-settings policies receive it. Its shape is built from the
 * table of fixed inputs (each row's field and shape) and the identity every deployed resource records; the types
 * are inferred from the same rows, parseBaseline checks against the shape, and the policies declare its JSON schema.
 */
import { z } from "zod";
import { DEPLOYED_PLAN_SHAPE, DeployedPlan } from "./deployed-plan";
import { byUrn } from "./schema";
import {
    EMAIL_IDENTITY_TYPE, GuardedType, IDENTITY_PROVIDER_TYPE, MANAGED_LOGIN_BRANDING_TYPE, RESOURCE_SERVER_TYPE, SettingsOf, USER_GROUP_TYPE,
    USER_POOL_CLIENT_TYPE, USER_POOL_DOMAIN_TYPE, USER_POOL_TYPE,
    settingShapes,
} from "./table";

export type { AttributeDataType } from "./values";
export { ALIAS_ATTRIBUTE_VALUES, ATTRIBUTE_DATA_TYPES, USERNAME_ATTRIBUTE_VALUES } from "./values";
export type { FixedAttribute } from "./table";

const nonEmpty = () => z.string().min(1);

const DEPLOYED_SHAPE = {
    id: nonEmpty().describe("The resource's physical id: a pool id (`eu-west-1_AbCdEf123`), a client id, an SES identity."),
    region: nonEmpty().describe("The AWS region the resource lives in: changing it replaces the resource."),
};

/** A deployed resource's record: its identity, what messages name it by, and the table's settings of its type. */
function recordShape(type: GuardedType, named: Record<string, z.ZodType>) {
    return z.strictObject({ ...DEPLOYED_SHAPE, ...named, ...settingShapes(type) });
}

const poolOf = (what: string) => nonEmpty().describe(`URN of the pool the ${what} belongs to (a key of userPools).`);

/** The baseline's shape: what the fixed-settings policies receive in their config as `baseline`. */
export const BASELINE_SHAPE = z.strictObject({
    source: z.enum(["pulumi-state", "aws"]),
    stack: nonEmpty(),
    capturedAt: nonEmpty()
        .refine(time => time === "" || !Number.isNaN(Date.parse(time)), { error: issue => `not an ISO 8601 time: ${JSON.stringify(issue.input)}` })
        .describe("ISO 8601 time the baseline was captured."),
    userPools: byUrn(recordShape(USER_POOL_TYPE, { name: nonEmpty(), ...DEPLOYED_PLAN_SHAPE })),
    clients: byUrn(recordShape(USER_POOL_CLIENT_TYPE, { name: z.string(), userPool: poolOf("client") })),
    emailIdentities: byUrn(recordShape(EMAIL_IDENTITY_TYPE, {}))
        .describe("SES identities (aws:sesv2/emailIdentity:EmailIdentity); `id` is the identity."),
    groups: byUrn(recordShape(USER_GROUP_TYPE, { name: z.string(), userPool: poolOf("group") })).optional()
        .describe("Groups (aws:cognito/userGroup:UserGroup); `id` is `<pool id>/<name>`. Absent in a baseline written before groups were recorded: none."),
    resourceServers: byUrn(recordShape(RESOURCE_SERVER_TYPE, { identifier: z.string(), userPool: poolOf("resource server") })).optional()
        .describe("Resource servers (aws:cognito/resourceServer:ResourceServer); `id` is `<pool id>|<identifier>`. Absent in an earlier baseline: none."),
    domains: byUrn(recordShape(USER_POOL_DOMAIN_TYPE, { domain: z.string(), userPool: poolOf("domain") })).optional()
        .describe("Domains (aws:cognito/userPoolDomain:UserPoolDomain); `id` is the domain. Absent in a baseline written before domains were recorded: none."),
    brandings: byUrn(recordShape(MANAGED_LOGIN_BRANDING_TYPE, {
        client: nonEmpty().describe("URN of the client the style belongs to (a key of clients)."), userPool: poolOf("style"),
    })).optional()
        .describe("Managed login branding styles (aws:cognito/managedLoginBranding:ManagedLoginBranding); `id` is `<pool id>,<style id>`. " +
            "Absent in a baseline written before styles were recorded: none."),
    identityProviders: byUrn(recordShape(IDENTITY_PROVIDER_TYPE, { providerName: z.string(), userPool: poolOf("identity provider") })).optional()
        .describe("Identity providers (aws:cognito/identityProvider:IdentityProvider); `id` is `<pool id>:<provider name>`. " +
            "Absent in a baseline written before identity providers were recorded: none."),
}).describe("What the stack has deployed (written by `npm run baseline`). Absent: first deployment, nothing to compare.");

/** What every deployed resource in a baseline records besides its settings. */
export type DeployedResource = { id: string; region: string };
export type BaselineEmailIdentity = DeployedResource;
/** A pool's fixed settings, from whatever source. */
export type PoolFixedSettings = { name: string } & SettingsOf<typeof USER_POOL_TYPE>;
/** A client's fixed settings. */
export type ClientFixedSettings = { name: string } & SettingsOf<typeof USER_POOL_CLIENT_TYPE>;
/** A deployed pool in a baseline (keyed by its URN). */
export type BaselineUserPool = DeployedResource & PoolFixedSettings & DeployedPlan;
/** A deployed client in a baseline (keyed by its URN). */
export type BaselineClient = DeployedResource & ClientFixedSettings & { userPool: string };
/** What a stack has deployed, as the fixed-settings policies receive it in their config. */
export interface Baseline {
    source: "pulumi-state" | "aws";
    stack: string;
    capturedAt: string;
    userPools: Record<string, BaselineUserPool>;
    clients: Record<string, BaselineClient>;
    emailIdentities: Record<string, BaselineEmailIdentity>;
    /** Absent in a baseline written before groups were recorded (parseBaseline fills in none). */
    groups?: Record<string, BaselineGroup>;
    resourceServers?: Record<string, BaselineResourceServer>;
    domains?: Record<string, BaselineDomain>;
    brandings?: Record<string, BaselineBranding>;
    identityProviders?: Record<string, BaselineIdentityProvider>;
}
/** A deployed group in a baseline (keyed by its URN): its name and pool are what the provider replaces it for. */
export type BaselineGroup = DeployedResource & { name: string; userPool: string };
/** A deployed resource server in a baseline (keyed by its URN). */
export type BaselineResourceServer = DeployedResource & { identifier: string; userPool: string };
/** A deployed domain in a baseline (keyed by its URN): its name, pool and whether it has a certificate decide a replacement. */
export type BaselineDomain = DeployedResource & { domain: string; userPool: string } & SettingsOf<typeof USER_POOL_DOMAIN_TYPE>;
/** A deployed branding style in a baseline (keyed by its URN): its client, pool and assets decide a replacement. */
export type BaselineBranding = DeployedResource & { client: string; userPool: string } & SettingsOf<typeof MANAGED_LOGIN_BRANDING_TYPE>;
/** A deployed identity provider in a baseline (keyed by its URN): its name, type and pool are what the provider replaces it for. */
export type BaselineIdentityProvider = DeployedResource & { providerName: string; userPool: string } & SettingsOf<typeof IDENTITY_PROVIDER_TYPE>;
/** Where a baseline was read from. */
export type BaselineSource = Baseline["source"];
export type AttributeConstraints = import("./table").FixedAttribute["constraints"];
