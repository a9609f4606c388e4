/**
 * The one table of fixed provider inputs: per resource type, each input that replaces the resource or that the
 * provider's update refuses, how the provider compares it, where the provider says so, the policy that guards
 * it, and how it is read (from inputs, i.e. a policy's props or a state export, and from the AWS API) and kept
 * in a baseline. The baseline's shape, the readers, the comparison, the catalogue's "fixed" and docs/policies.md
 * are all derived from it: adding a fixed input is one row here, plus its tests.
 *
 * Provider release: @pulumi/aws 7.48.0 bridges terraform-provider-aws 6.61.0 or later (pulumi-aws release notes:
 * 7.43.0 bundles 6.61.0; 7.48.0's own upgrade PR, go.mod and upstream pointer are not in the stored sources). Each
 * source names the file, the commit of it that was read (the one the code search stores, not necessarily the
 * bundled tag), the function or schema key, and its lines where the store could give them.
 */
import { createHash } from "crypto";
import { z } from "zod";
import { POLICY_NAMES, PolicyName } from "../catalogue";
import {
    FixedSettingsReadError,
    canonicalAttributeName,
    constraintsBlock,
    describe,
    isCustomAttributeName,
    isDefaultStandardAttribute,
    normalizeAttribute,
    normalizeBoolean,
    normalizeNameList,
    providerElementName,
    requireBoolean,
    sortedAttributes,
} from "./normalize";
import { regionChange, regionFromInputs, type ProviderOfResource } from "./region";
import { MAX_CUSTOM_ATTRIBUTES, isStandardAttribute } from "./standard-attributes";
import { ATTRIBUTE_DATA_TYPES, ALIAS_ATTRIBUTE_VALUES, USERNAME_ATTRIBUTE_VALUES } from "./values";

export const USER_POOL_TYPE = "aws:cognito/userPool:UserPool";
export const USER_POOL_CLIENT_TYPE = "aws:cognito/userPoolClient:UserPoolClient";
export const EMAIL_IDENTITY_TYPE = "aws:sesv2/emailIdentity:EmailIdentity";
export const USER_GROUP_TYPE = "aws:cognito/userGroup:UserGroup";
export const RESOURCE_SERVER_TYPE = "aws:cognito/resourceServer:ResourceServer";
export const USER_POOL_DOMAIN_TYPE = "aws:cognito/userPoolDomain:UserPoolDomain";
export const MANAGED_LOGIN_BRANDING_TYPE = "aws:cognito/managedLoginBranding:ManagedLoginBranding";
export const IDENTITY_PROVIDER_TYPE = "aws:cognito/identityProvider:IdentityProvider";

/** Which group of fixed inputs a change belongs to: what to do instead depends on it. */
export type FixedSettingGroup = "sign-in" | "attributes" | "client" | "region" | "sender" | "group" | "resource-server" | "domain" | "passkeys" |
    "branding" | "identity-provider";

/**
 * What the provider does with a change of the input: replaces the resource, refuses the update, or applies it in
 * place while what users registered under the old value stops working (a passkey's relying party id).
 */
export type Effect = "replaces" | "update-fails" | "invalidates";

/** Where the provider decides it: a file of terraform-provider-aws (or the plugin SDK) and the code in it. */
export interface ProviderSource {
    readonly file: string;
    /** The tag or commit of the file that was read. */
    readonly release: string;
    /** The function, schema key or plan modifier that decides. */
    readonly at: string;
    /** Its lines in that release (`L167-172`); absent where the store gives characters only. */
    readonly lines?: string;
}

/** A difference between what is deployed and what the program now asks for, that the provider cannot apply. */
export interface FixedSettingChange {
    group: FixedSettingGroup;
    effect: Effect;
    /** The resource type and table row (provider input) the change belongs to: structured, for messages and plans. */
    resourceType: string;
    input: string;
    policy: PolicyName;
    /** The exact input path: `usernameConfiguration.caseSensitive`, `schemas[name=tenant_id].mutable`. */
    setting: string;
    /** Deployed value; undefined when the item did not exist. */
    deployed: unknown;
    /** New value; undefined when the item is gone. */
    proposed: unknown;
    /** Why the provider cannot apply it. */
    reason: string;
}

/** What a comparison may use besides the two values. */
export interface CompareContext {
    /** The deployed physical id of a baseline pool, by URN. */
    poolId(urn: string): string | undefined;
    /** The deployed physical id of a baseline client, by URN. */
    clientId(urn: string): string | undefined;
}

type Props = Record<string, any>;
type Change = Omit<FixedSettingChange, "group" | "effect" | "resourceType" | "input" | "policy">;

interface RowSpec<K extends string, V> {
    readonly resourceType: string;
    readonly input: string;
    /** Its field in the baseline's record of a deployed resource. */
    readonly key: K;
    readonly shape: z.ZodType;
    /** The field may be absent from a baseline record (the deployed resource has no value). */
    readonly optional?: boolean;
    readonly policy: PolicyName;
    readonly group: FixedSettingGroup;
    readonly effect: Effect;
    /** How the provider compares the deployed and the new value, in one or two sentences. */
    readonly comparison: string;
    readonly sources: readonly ProviderSource[];
    /** Read from resource inputs (a policy's props; a state export's outputs or inputs). */
    readonly fromInputs: (props: Props, where: string, provider?: ProviderOfResource) => V | undefined;
    /**
     * Which part of a state export holds the value the provider compares: its `outputs` (the provider's state),
     * falling back to `inputs` when the provider recorded nothing, unless `outputsOnly`.
     */
    readonly state?: "outputs-then-inputs" | "outputs-only" | "identity";
    /** Read from the AWS API's Describe response; absent: the baseline's identity code records it. */
    readonly fromAws?: (described: Props, where: string) => V | undefined;
    readonly changes: (deployed: V | undefined, proposed: V | undefined, context: CompareContext) => Change[];
}

type StateSource = NonNullable<RowSpec<string, unknown>["state"]>;

export type FixedInputRow = RowSpec<string, any> & { readonly optional: boolean; readonly state: StateSource };

function row<K extends string, V, O extends boolean = false, St extends StateSource = "outputs-then-inputs">(
    spec: RowSpec<K, V> & { readonly optional?: O; readonly state?: St },
): RowSpec<K, V> & { readonly optional: O; readonly state: St } {
    return { ...spec, optional: (spec.optional ?? false) as O, state: (spec.state ?? "outputs-then-inputs") as St };
}

/** The commits of terraform-provider-aws files that were read (hashicorp/terraform-provider-aws). */
const USER_POOL_GO_AT = "commit 015edb133ea64d879a0fdd1551d0c8daee7d4995 (6.x, before 6.6.0: name still ForceNew)";
const CLIENT_GO_AT = "commit 01f431114674c27cf790fafb67ac274bf8f765e1 (6.x, plugin framework)";
const EMAIL_IDENTITY_GO_AT = "commit 0214c421e369ae7c10520b63eab82e4a8dc9585d (2026, SchemaFunc)";
const PROVIDER = "terraform-provider-aws 6.x (bundled by @pulumi/aws 7.48.0)";
/** pulumi-aws replaces terraform-plugin-sdk/v2 with Pulumi's fork; its master is upstream v2.38.1 plus Pulumi's patches. */
const PLUGIN_SDK = "pulumi/terraform-plugin-sdk master 717b4eff (upstream v2.38.1)";
const PLUGIN_FRAMEWORK = "hashicorp/terraform-plugin-framework v1.19.0";
const USER_POOL_GO = "internal/service/cognitoidp/user_pool.go";
const CLIENT_GO = "internal/service/cognitoidp/user_pool_client.go";
const SCHEMA_GO = "helper/schema/schema.go";

const REPLACES_POOL = "the provider would replace the pool: a new, empty pool (every user and password lost) with a new id";
const FAILS_HALF_WAY = 'the update would fail half-way with "cannot modify or remove schema items"';

function sameList(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}

const signInList = (key: "usernameAttributes" | "aliasAttributes", api: "UsernameAttributes" | "AliasAttributes",
    allowed: readonly [string, ...string[]], tfName: string) => row({
    resourceType: USER_POOL_TYPE,
    input: key,
    key,
    shape: z.array(z.enum(allowed)).describe("Sorted; [] when none."),
    policy: POLICY_NAMES.signInOptionsUnchanged,
    group: "sign-in",
    effect: "replaces",
    comparison: "A set of strings: any element added or removed (order aside) replaces the pool; absent is the empty set.",
    sources: [{ file: USER_POOL_GO, release: USER_POOL_GO_AT, at: `resourceUserPool schema "${tfName}": TypeSet, ForceNew` }],
    fromInputs: (props, where) => normalizeNameList(props[key], where),
    fromAws: (pool, where) => normalizeNameList(pool[api], `${where}.${api}`, allowed),
    changes: (deployed = [], proposed = []) => sameList(deployed, proposed) ? [] : [{
        setting: key, deployed, proposed,
        reason: `Cognito fixes a pool's sign-in options at creation: ${REPLACES_POOL}`,
    }],
});

/**
 * terraform-plugin-sdk v2 `diffString` compares a removed value as its type's zero value (`schema.Type.Zero()`):
 * a block that leaves a pool deployed with false compares false with false, no diff. A block that appears
 * compares "" (nothing deployed) with the new value: a diff, which `finalizeDiff` makes RequiresNew (ForceNew).
 */
function caseSensitivityReplaces(deployed: boolean | undefined, proposed: boolean | undefined): boolean {
    if (deployed === undefined) return proposed !== undefined;
    return (proposed ?? false) !== deployed;
}

const caseSensitive = row({
    resourceType: USER_POOL_TYPE,
    input: "usernameConfiguration.caseSensitive",
    key: "caseSensitive",
    shape: z.boolean().describe(
        "UsernameConfiguration.CaseSensitive. Absent: the pool has no UsernameConfiguration (Cognito treats its user names " +
        "as case-sensitive), and adding one replaces the pool.",
    ),
    optional: true,
    policy: POLICY_NAMES.signInOptionsUnchanged,
    group: "sign-in",
    effect: "replaces",
    comparison: "A nested boolean: a removed block compares as false (the zero value), so removing it replaces only a pool " +
        "deployed with true; adding the block to a pool deployed without one replaces it, whatever its value.",
    sources: [
        { file: USER_POOL_GO, release: USER_POOL_GO_AT, at: 'resourceUserPool schema "username_configuration.case_sensitive": TypeBool, Required, ForceNew' },
        { file: SCHEMA_GO, release: PLUGIN_SDK, at: "schemaMap.diffString: a removed value (n == nil) is compared as schema.Type.Zero()", lines: "L1312, L1326-1327" },
        { file: SCHEMA_GO, release: PLUGIN_SDK, at: "Schema.finalizeDiff: ForceNew sets RequiresNew when Old != New", lines: "L372, L405" },
    ],
    fromInputs: (props, where) => {
        const block = props.usernameConfiguration;
        return block === undefined || block === null ? undefined : requireBoolean(block.caseSensitive, where);
    },
    fromAws: (pool, where) => {
        const block = pool.UsernameConfiguration;
        return block === undefined || block === null ? undefined : requireBoolean(block.CaseSensitive, `${where}.UsernameConfiguration.CaseSensitive`);
    },
    changes: (deployed, proposed) => {
        if (!caseSensitivityReplaces(deployed, proposed)) return [];
        const reason = deployed === undefined
            ? `adding usernameConfiguration to a pool created without it makes case_sensitive differ from nothing, which ` +
              `the provider cannot update: ${REPLACES_POOL}`
            : proposed === undefined
              ? `removing usernameConfiguration compares case_sensitive as false, not as the deployed true: ${REPLACES_POOL}`
              : `Cognito fixes username case sensitivity at creation: ${REPLACES_POOL}`;
        return [{ setting: "usernameConfiguration.caseSensitive", deployed, proposed, reason }];
    },
});

const CONSTRAINTS_SHAPE = z.strictObject({
    string: z.strictObject({ minLength: z.number().optional(), maxLength: z.number().optional() }).optional()
        .describe("The string constraints block, when present (empty or not)."),
    number: z.strictObject({ minValue: z.number().optional(), maxValue: z.number().optional() }).optional()
        .describe("The number constraints block, when present (empty or not)."),
}).describe("Each constraints block the element has, whatever its data type, with its limits as numbers; a limit is absent when not set.");

/** A schema element's name in a baseline: canonical, and as Cognito allows it (1 to 20 characters after `custom:`). */
const ATTRIBUTE_NAME_SHAPE = z.string().min(1).superRefine((name, context) => {
    if (name === "") return;
    if (!isCustomAttributeName(name) && !isStandardAttribute(name)) {
        context.addIssue({ code: "custom", input: name,
            message: `"${name}" is neither a standard attribute nor "custom:<name>" (did you mean "${canonicalAttributeName(name)}"?)` });
    }
    if (isCustomAttributeName(name) && (name.length <= "custom:".length || name.length > "custom:".length + 20)) {
        context.addIssue({ code: "custom", input: name, message: 'a custom attribute name has 1 to 20 characters after "custom:"' });
    }
}).describe("A standard attribute name (`email`) or `custom:<name>`.");

const ATTRIBUTE_SHAPE = z.strictObject({
    name: ATTRIBUTE_NAME_SHAPE,
    dataType: z.enum(ATTRIBUTE_DATA_TYPES),
    required: z.boolean(),
    mutable: z.boolean(),
    developerOnly: z.boolean(),
    constraints: CONSTRAINTS_SHAPE,
});

/** One schema element. `name` is canonical: a standard name (`email`) or `custom:<name>`. */
export interface FixedAttribute {
    name: string;
    dataType: (typeof ATTRIBUTE_DATA_TYPES)[number];
    required: boolean;
    mutable: boolean;
    developerOnly: boolean;
    /** The element's constraints blocks, each present when the source has it (even empty), whatever the data type. */
    constraints: { string?: { minLength?: number; maxLength?: number }; number?: { minValue?: number; maxValue?: number } };
}

/**
 * A schema element's identity, as resourceUserPoolSchemaHash builds it: the name as written, data type,
 * developer-only, mutable, required (an absent boolean hashes as false), then for each constraints block that is
 * present, whatever the data type, its marker and each limit that is set (an empty block differs from none).
 */
function schemaElementIdentity(a: FixedAttribute): string {
    const { string: sc, number: nc } = a.constraints;
    return JSON.stringify([a.name, a.dataType, a.developerOnly, a.mutable, a.required,
        sc && [sc.minLength, sc.maxLength], nc && [nc.minValue, nc.maxValue]]);
}

/** The input path of a schema element, by the name the provider takes (`tenant_id` for `custom:tenant_id`). */
function schemaElementPath(name: string): string {
    return `schemas[name=${isCustomAttributeName(name) ? name.slice("custom:".length) : name}]`;
}

const ELEMENT_FIELDS: readonly [string, (a: FixedAttribute) => unknown][] = [
    ["attributeDataType", a => a.dataType],
    ["required", a => a.required],
    ["mutable", a => a.mutable],
    ["developerOnlyAttribute", a => a.developerOnly],
    ["stringAttributeConstraints", a => (a.constraints.string === undefined ? "absent" : "present")],
    ["stringAttributeConstraints.minLength", a => a.constraints.string?.minLength],
    ["stringAttributeConstraints.maxLength", a => a.constraints.string?.maxLength],
    ["numberAttributeConstraints", a => (a.constraints.number === undefined ? "absent" : "present")],
    ["numberAttributeConstraints.minValue", a => a.constraints.number?.minValue],
    ["numberAttributeConstraints.maxValue", a => a.constraints.number?.maxValue],
];

/**
 * The schema elements the update cannot apply: resourceUserPoolUpdate refuses when any deployed element (by
 * identity) is not in the new set, a changed one or a gone one alike, a standard attribute the program once
 * declared included (the state keeps declared ones); the new elements go to AddCustomAttributes, which adds
 * optional custom attributes only, 50 at most.
 */
function schemaChanges(deployed: readonly FixedAttribute[], proposed: readonly FixedAttribute[]): Change[] {
    const changes: Change[] = [];
    const deployedIds = new Set(deployed.map(schemaElementIdentity));
    const proposedIds = new Set(proposed.map(schemaElementIdentity));
    const byName = (list: readonly FixedAttribute[], name: string) => list.find(a => a.name === name);
    for (const element of deployed.filter(a => !proposedIds.has(schemaElementIdentity(a)))) {
        const label = schemaElementPath(element.name);
        const counterpart = byName(proposed, element.name);
        if (counterpart === undefined) {
            const writtenWithPrefix = isCustomAttributeName(element.name) && byName(proposed, `custom:${element.name}`) !== undefined;
            const why = isStandardAttribute(element.name)
                ? `the provider keeps a declared standard attribute in its state, so leaving it out removes an element: ${FAILS_HALF_WAY}`
                : writtenWithPrefix
                  ? `the provider takes the name as written and prefixes "custom:" itself: "custom:${element.name.slice(7)}" is another element, so the deployed one is gone: ${FAILS_HALF_WAY}`
                  : `Cognito cannot delete a custom attribute: ${FAILS_HALF_WAY}`;
            changes.push({ setting: label, deployed: element, proposed: undefined, reason: why });
            continue;
        }
        for (const [field, get] of ELEMENT_FIELDS) {
            const [d, p] = [get(element), get(counterpart)];
            if (d === p) continue;
            const reason = field === "required" && p === true
                ? `Cognito fixes required attributes at creation, none can become required later: ${FAILS_HALF_WAY}`
                : `Cognito cannot modify or remove an existing schema attribute: ${FAILS_HALF_WAY}`;
            changes.push({ setting: `${label}.${field}`, deployed: d, proposed: p, reason });
        }
    }
    for (const element of proposed.filter(a => !deployedIds.has(schemaElementIdentity(a)) && byName(deployed, a.name) === undefined)) {
        const label = schemaElementPath(element.name);
        const addOnly = "the provider sends every new schema element to AddCustomAttributes, which adds custom attributes only";
        if (!isCustomAttributeName(element.name) && element.required) {
            changes.push({
                setting: `${label}.required`, deployed: false, proposed: true,
                reason: `Cognito fixes required attributes at creation, none can become required later (${addOnly})`,
            });
        } else if (!isCustomAttributeName(element.name)) {
            changes.push({
                setting: label, deployed: undefined, proposed: element,
                reason: `${addOnly}: a standard attribute cannot be declared after the pool exists`,
            });
        } else if (element.required) {
            changes.push({
                setting: `${label}.required`, deployed: undefined, proposed: true,
                reason: "a custom attribute can never be required: Cognito only fixes required attributes at creation, and only standard ones",
            });
        }
    }
    const customCount = proposed.filter(a => isCustomAttributeName(a.name)).length;
    if (customCount > MAX_CUSTOM_ATTRIBUTES) {
        changes.push({
            setting: "schemas",
            deployed: deployed.filter(a => isCustomAttributeName(a.name)).length,
            proposed: customCount,
            reason: `Cognito allows at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes per pool, and none can be deleted`,
        });
    }
    return changes;
}

function schemaList(raw: unknown, where: string): Props[] {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) throw new FixedSettingsReadError(`${where}: expected a list, got ${describe(raw)}`);
    return raw.map((element: unknown, i: number) => {
        if (element === null || typeof element !== "object") {
            throw new FixedSettingsReadError(`${where}[${i}]: expected an object, got ${describe(element)}`);
        }
        return element as Props;
    });
}

/** The provider's element names carry no prefix; one written `custom:x` is another element (Cognito makes `custom:custom:x`). */
function schemaFromInputs(props: Props, where: string): FixedAttribute[] {
    return sortedAttributes(schemaList(props.schemas, where).map((element, i) => {
        const at = `${where}[${i}]`;
        const name = typeof element.name === "string" && element.name !== "" ? providerElementName(element.name) : element.name;
        return normalizeAttribute({
            name, dataType: element.attributeDataType, required: element.required, mutable: element.mutable,
            developerOnly: element.developerOnlyAttribute,
            stringConstraints: constraintsBlock(element.stringAttributeConstraints, "minLength", "maxLength", `${at}.stringAttributeConstraints`),
            numberConstraints: constraintsBlock(element.numberAttributeConstraints, "minValue", "maxValue", `${at}.numberAttributeConstraints`),
        }, at);
    }), where);
}

/** DescribeUserPool lists every standard attribute; an import's state keeps those that differ from Cognito's default. */
function schemaFromAws(pool: Props, at: string): FixedAttribute[] {
    const where = `${at}.SchemaAttributes`;
    return sortedAttributes(schemaList(pool.SchemaAttributes, where).map((a, i) => {
        const at = `${where}[${i}]`;
        return normalizeAttribute({
            name: typeof a.Name === "string" ? canonicalAttributeName(a.Name) : a.Name, dataType: a.AttributeDataType,
            required: a.Required, mutable: a.Mutable, developerOnly: a.DeveloperOnlyAttribute,
            stringConstraints: constraintsBlock(a.StringAttributeConstraints, "MinLength", "MaxLength", `${at}.StringAttributeConstraints`),
            numberConstraints: constraintsBlock(a.NumberAttributeConstraints, "MinValue", "MaxValue", `${at}.NumberAttributeConstraints`),
        }, at);
    }), where).filter(a => !isDefaultStandardAttribute(a));
}

const schemas = row({
    resourceType: USER_POOL_TYPE,
    input: "schemas",
    key: "attributes",
    shape: z.array(ATTRIBUTE_SHAPE).describe("Sorted by name: the schema elements as the provider's state holds them (every custom attribute, " +
        "each standard one the program declared, and each standard one that differs from Cognito's default for it)."),
    policy: POLICY_NAMES.attributesUnchanged,
    group: "attributes",
    effect: "update-fails",
    comparison: "A set hashed by resourceUserPoolSchemaHash (name as written, data type, developer-only, mutable, required, then " +
        "each constraints block present, string or number whatever the data type, with each limit set; an absent boolean is " +
        "false, an empty constraints block differs from none). The update refuses when any " +
        "deployed element, standard ones the program declared included, is changed or gone; new elements go to " +
        "AddCustomAttributes (optional custom attributes only).",
    sources: [
        { file: USER_POOL_GO, release: USER_POOL_GO_AT, at: 'resourceUserPool schema "schema": TypeSet, MaxItems 50, Set: resourceUserPoolSchemaHash' },
        { file: USER_POOL_GO, release: USER_POOL_GO_AT, at: "resourceUserPoolSchemaHash (the file's last function): name, data type, developer-only, mutable, required, then each constraints block present, whatever the data type" },
        { file: USER_POOL_GO, release: USER_POOL_GO_AT, at: 'resourceUserPoolUpdate: os.Difference(ns).Len() == 0 → AddCustomAttributes(ns.Difference(os)), else "cannot modify or remove schema items"' },
        { file: USER_POOL_GO, release: USER_POOL_GO_AT, at: "flattenSchemaAttributeTypes: keeps configured elements, drops unconfigured standard ones at Cognito's default (userPoolSchemaAttributeMatchesStandardAttribute); writes each constraints block the API returns" },
    ],
    fromInputs: schemaFromInputs,
    fromAws: schemaFromAws,
    changes: (deployed = [], proposed = []) => schemaChanges(deployed, proposed),
});

/**
 * terraform-plugin-framework `RequiresReplace` replaces whenever the planned value differs from the state's, null
 * included: an absent generateSecret (null) and false differ. The provider's Read never sets generate_secret
 * (DescribeUserPoolClient has no such field), so an imported client's state holds null (terraform-provider-aws
 * #20298): the program must then send nothing.
 */
const generateSecret = row({
    resourceType: USER_POOL_CLIENT_TYPE,
    input: "generateSecret",
    key: "generateSecret",
    shape: z.boolean().describe("generate_secret as the provider's state holds it. Absent: null, as an imported client's state has it."),
    optional: true,
    policy: POLICY_NAMES.clientSecretUnchanged,
    group: "client",
    effect: "replaces",
    comparison: "Plan against state, null included: absent (null), false and true are three values, any change of them replaces " +
        "the client; an imported client's state holds null.",
    sources: [
        { file: CLIENT_GO, release: CLIENT_GO_AT, at: 'Schema "generate_secret": BoolAttribute, Optional (not Computed), boolplanmodifier.RequiresReplace()', lines: "L167-172" },
        { file: "resource/schema/boolplanmodifier/requires_replace.go", release: PLUGIN_FRAMEWORK, at: "RequiresReplace: RequiresReplaceIf with a func that always replaces", lines: "L22-25" },
        { file: "resource/schema/boolplanmodifier/requires_replace_if.go", release: PLUGIN_FRAMEWORK, at: "PlanModifyBool: no replacement on create or destroy, nor when PlanValue.Equal(StateValue); null and false differ", lines: "L53, L63" },
        { file: CLIENT_GO, release: CLIENT_GO_AT, at: "Create flattens the response into the config, Read into the state (fwflex.Flatten of UserPoolClientType, which has no GenerateSecret): generate_secret stays what the config had, null after an import (#20298)" },
    ],
    state: "outputs-only",
    fromInputs: (props, where) => props.generateSecret === undefined || props.generateSecret === null
        ? undefined : normalizeBoolean(props.generateSecret, false, where),
    fromAws: () => undefined,
    changes: (deployed, proposed) => deployed === proposed ? [] : [{
        setting: "generateSecret", deployed, proposed,
        reason: deployed === undefined
            ? "the deployed client's state holds no generate_secret (an imported client), and the provider replaces it whenever the " +
              "program's value differs, even false: send no generateSecret for it"
            : proposed === undefined
              ? "the provider compares an absent generateSecret (null) with the deployed value and replaces the client: " +
                "keep sending the deployed value"
              : "Cognito fixes whether an app client has a secret at creation: the provider would replace the client, so its client id " +
                "changes and every app configured with it stops signing in",
    }],
});

const userPoolId = row({
    resourceType: USER_POOL_CLIENT_TYPE,
    input: "userPoolId",
    key: "userPool",
    shape: z.string().min(1).describe("URN of the pool the client belongs to (a key of userPools)."),
    policy: POLICY_NAMES.clientSecretUnchanged,
    group: "client",
    effect: "replaces",
    comparison: "The pool id as a string; compared when the new id is known (an id of a pool being created is not).",
    sources: [{ file: CLIENT_GO, release: CLIENT_GO_AT, at: 'Schema "user_pool_id": StringAttribute, Required, stringplanmodifier.RequiresReplace()', lines: "L235-240" }],
    state: "identity",
    fromInputs: (props, where) => {
        const v = props.userPoolId;
        if (v === undefined || v === null || v === "") return undefined;
        if (typeof v !== "string") throw new FixedSettingsReadError(`${where}: expected a string, got ${describe(v)}`);
        return v;
    },
    changes: (deployedUrn, proposedId, context) => {
        const deployedId = deployedUrn === undefined ? undefined : context.poolId(deployedUrn);
        return proposedId === undefined || deployedId === undefined || proposedId === deployedId ? [] : [{
            setting: "userPoolId", deployed: deployedId, proposed: proposedId,
            reason: "an app client cannot move to another pool: the provider would replace the client with a new client id",
        }];
    },
});

const emailIdentity = row({
    resourceType: EMAIL_IDENTITY_TYPE,
    input: "emailIdentity",
    key: "id",
    shape: z.string().min(1).describe("The identity: an address or a domain."),
    policy: POLICY_NAMES.sesIdentityUnchanged,
    group: "sender",
    effect: "replaces",
    comparison: "The address or domain as a string.",
    sources: [{ file: "internal/service/sesv2/email_identity.go", release: EMAIL_IDENTITY_GO_AT, at: 'resourceEmailIdentity SchemaFunc "email_identity": TypeString, Required, ForceNew', lines: "L113-117" }],
    state: "identity",
    fromInputs: (props) => props.emailIdentity,
    changes: (deployed, proposed) => proposed === undefined || proposed === deployed ? [] : [{
        setting: "emailIdentity", deployed, proposed,
        reason: "the provider would create a new SES identity (email_identity is ForceNew) and delete the deployed one; " +
            "the new one sends nothing until SES has verified it, so a pool that sends through SES loses its verified sender meanwhile",
    }],
});

const GROUP_GO = "internal/service/cognitoidp/user_group.go";
const RESOURCE_SERVER_GO = "internal/service/cognitoidp/resource_server.go";
const DOMAIN_GO = "internal/service/cognitoidp/user_pool_domain.go";
const IDENTITY_PROVIDER_GO = "internal/service/cognitoidp/identity_provider.go";
/** The stored commit of user_pool_domain.go with its CustomizeDiff (the store's newer files; 6.x, SDK v2 resource). */
const DOMAIN_GO_AT = "6.x (aws-sdk-go-v2 client, resourceUserPoolDomainUpdate; the stored file of code search id 2036541366)";

const BRANDING_GO = "internal/service/cognitoidp/managed_login_branding.go";
const BRANDING_GO_AT = "commit 0509e60e8e895c393eb27fcebb30cceceff51528 (6.x, plugin framework)";
/**
 * What a replaced branding style costs: nothing a user holds (a style is colours and images), but the provider deletes
 * the style before it creates the new one (the program's deleteBeforeReplace: a client holds one style at a time), and
 * a version 2 domain serves a client without a style no managed login pages (API reference, CreateUserPoolDomain,
 * ManagedLoginVersion). So the guard is advisory: it says what happens, and an update goes ahead.
 */
const RESTYLED = "the provider would delete the branding style and create it again: for that moment the client's managed login " +
    "pages have no style (a version 2 domain serves them only with one); no user, session or setting of the client is lost";

/** What a group or resource server holds that a new one would not have. */
const MEMBER_LOSS: Record<string, {
    what: string; loses: string; group: FixedSettingGroup; policy: PolicyName; file: string;
    /** Where the file was read, and how its schema marks a replacing input, when not PROVIDER's SDK v2 `ForceNew`. */
    read?: { release: string; replaces: string };
}> = {
    [USER_GROUP_TYPE]: {
        what: "group", group: "group", policy: POLICY_NAMES.groupUnchanged, file: GROUP_GO,
        loses: "the provider would replace the group: a new, empty group, every membership of the deployed one lost",
    },
    [RESOURCE_SERVER_TYPE]: {
        what: "resource server", group: "resource-server", policy: POLICY_NAMES.resourceServerUnchanged, file: RESOURCE_SERVER_GO,
        loses: "the provider would replace the resource server: clients requesting `<identifier>/<scope>` of the deployed one fail, " +
            "and APIs that check those scopes refuse the new tokens",
    },
    [USER_POOL_DOMAIN_TYPE]: {
        what: "domain", group: "domain", policy: POLICY_NAMES.domainUnchanged, file: DOMAIN_GO,
        loses: "the provider would replace the domain: the deployed one is deleted, and every sign-in, token and logout URL that apps " +
            "and identity providers use under it stops answering (a custom domain's new CloudFront distribution takes up to an hour)",
    },
    // Cognito names a federated user `<provider name>_<the provider's id>` and keeps the link in the user's
    // `identities` attribute (developer guide, "Linking federated users to an existing user profile"); a deleted
    // provider takes its federated users' profiles' sign-in with it.
    [IDENTITY_PROVIDER_TYPE]: {
        what: "identity provider", group: "identity-provider", policy: POLICY_NAMES.identityProviderUnchanged, file: IDENTITY_PROVIDER_GO,
        loses: "the provider would replace the identity provider: the deployed one is deleted (create-before-delete fails first with " +
            "DuplicateProviderException when the name stays), its users cannot sign in meanwhile, and under a new name every federated " +
            "user gets a new, empty profile (a new sub, groups and unmapped attributes lost) at the next sign-in",
    },
    [MANAGED_LOGIN_BRANDING_TYPE]: {
        what: "style", group: "branding", policy: POLICY_NAMES.brandingUnchanged, file: BRANDING_GO, loses: RESTYLED,
        read: { release: BRANDING_GO_AT, replaces: "stringplanmodifier.RequiresReplace()" },
    },
};

function knownString(v: unknown, where: string): string | undefined {
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "string") throw new FixedSettingsReadError(`${where}: expected a string, got ${describe(v)}`);
    return v;
}

/** A string compared as written, when both are known: any change is one, for `reason`. */
const stringChanges = (setting: string, reason: string) => (deployed: string | undefined, proposed: string | undefined): Change[] =>
    proposed === undefined || deployed === undefined || proposed === deployed ? [] : [{ setting, deployed, proposed, reason }];

/** The name (group), identifier (resource server) or domain a pool's group, resource server or domain is created with: ForceNew. */
type PoolMemberType = typeof USER_GROUP_TYPE | typeof RESOURCE_SERVER_TYPE | typeof USER_POOL_DOMAIN_TYPE | typeof IDENTITY_PROVIDER_TYPE;

const memberIdentity = (resourceType: PoolMemberType, input: "name" | "identifier" | "domain" | "providerName") => {
    const member = MEMBER_LOSS[resourceType];
    return row({
        resourceType,
        input,
        key: input,
        shape: z.string().describe(`The ${member.what}'s ${input}, as created.`),
        policy: member.policy,
        group: member.group,
        effect: "replaces",
        comparison: "The string as written: any change replaces the resource.",
        sources: [{ file: member.file, release: PROVIDER, at: `schema "${tfName(input)}": Required, ForceNew` }],
        state: "identity",
        fromInputs: (props, where) => knownString(props[input], where),
        changes: stringChanges(input, member.loses),
    });
};

/** The pool a group, resource server, domain, identity provider or branding style belongs to: replaces it. */
const memberPool = (resourceType: PoolMemberType | typeof MANAGED_LOGIN_BRANDING_TYPE) => {
    const member = MEMBER_LOSS[resourceType];
    return row({
        resourceType,
        input: "userPoolId",
        key: "userPool",
        shape: z.string().min(1).describe(`URN of the pool the ${member.what} belongs to (a key of userPools).`),
        policy: member.policy,
        group: member.group,
        effect: "replaces",
        comparison: "The pool id as a string; compared when the new id is known (an id of a pool being created is not).",
        sources: [{ file: member.file, release: member.read?.release ?? PROVIDER, at: `schema "user_pool_id": Required, ${member.read?.replaces ?? "ForceNew"}` }],
        state: "identity",
        fromInputs: (props, where) => knownString(props.userPoolId, where),
        changes: (deployedUrn: string | undefined, proposedId: string | undefined, context: CompareContext) => {
            const deployedId = deployedUrn === undefined ? undefined : context.poolId(deployedUrn);
            return proposedId === undefined || deployedId === undefined || proposedId === deployedId ? [] : [{
                setting: "userPoolId", deployed: deployedId, proposed: proposedId,
                reason: `a ${member.what} cannot move to another pool: ${member.loses}`,
            }];
        },
    });
};

const WHAT: Record<string, string> = {
    [USER_POOL_TYPE]: "user pool", [USER_POOL_CLIENT_TYPE]: "app client", [EMAIL_IDENTITY_TYPE]: "SES identity",
    [USER_GROUP_TYPE]: "group", [RESOURCE_SERVER_TYPE]: "resource server", [USER_POOL_DOMAIN_TYPE]: "domain",
    [MANAGED_LOGIN_BRANDING_TYPE]: "branding style",
    [IDENTITY_PROVIDER_TYPE]: "identity provider",
};

/** The terraform schema key of a provider input: `provider_name` for `providerName`. */
function tfName(input: string): string {
    return input.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * An identity provider's type: identity_provider.go (resourceIdentityProvider) `provider_type` Required, ForceNew,
 * enum.Validate[awstypes.IdentityProviderTypeType]; UpdateIdentityProvider takes no ProviderType (API reference).
 */
const providerType = row({
    resourceType: IDENTITY_PROVIDER_TYPE,
    input: "providerType",
    key: "providerType",
    shape: z.string().describe("The identity provider's type (Google, SignInWithApple, Facebook, LoginWithAmazon, OIDC, SAML), as created."),
    policy: POLICY_NAMES.identityProviderUnchanged,
    group: "identity-provider",
    effect: "replaces",
    comparison: "The string as written: any change replaces the identity provider.",
    sources: [{ file: IDENTITY_PROVIDER_GO, release: PROVIDER, at: 'schema "provider_type": Required, ForceNew' }],
    fromInputs: (props, where) => knownString(props.providerType, where),
    fromAws: (described, where) => knownString(described.ProviderType, `${where}.ProviderType`),
    changes: stringChanges("providerType", MEMBER_LOSS[IDENTITY_PROVIDER_TYPE].loses),
});

/**
 * A custom domain's certificate: user_pool_domain.go's CustomizeDiff, `customdiff.ForceNewIfChange(certificate_arn,
 * func(old, new) { return !(old != "" && new != "") })`, replaces the domain when a certificate is added or removed
 * (a prefix domain becoming custom, or back) and updates one ARN to another in place (UpdateUserPoolDomain).
 */
const certificateArn = row({
    resourceType: USER_POOL_DOMAIN_TYPE,
    input: "certificateArn",
    key: "certificateArn",
    shape: z.string().min(1).describe("The ACM certificate ARN of a custom domain; absent for a prefix domain."),
    optional: true,
    policy: POLICY_NAMES.domainUnchanged,
    group: "domain",
    effect: "replaces",
    comparison: "Whether there is a certificate: adding or removing one replaces the domain; one ARN for another is updated in place.",
    sources: [{ file: DOMAIN_GO, release: DOMAIN_GO_AT, at: "CustomizeDiff: customdiff.ForceNewIfChange(names.AttrCertificateARN, !(old != \"\" && new != \"\"))" }],
    fromInputs: (props, where) => knownString(props.certificateArn, where),
    fromAws: (described, where) => knownString(described.CustomDomainConfig?.CertificateArn, `${where}.CustomDomainConfig.CertificateArn`),
    changes: (deployed: string | undefined, proposed: string | undefined) => (deployed === undefined) === (proposed === undefined) ? [] : [{
        setting: "certificateArn", deployed, proposed,
        reason: `${proposed === undefined ? "removing" : "adding"} a certificate turns a ${proposed === undefined ? "custom domain into a prefix one" : "prefix domain into a custom one"}: ` +
            MEMBER_LOSS[USER_POOL_DOMAIN_TYPE].loses,
    }],
});

/**
 * The passkeys' relying party id. Not ForceNew (user_pool.go @ 015edb13: "web_authn_configuration" TypeList, Optional,
 * "relying_party_id" TypeString, Optional): a change is sent in place with SetUserPoolMfaConfig, and every passkey
 * registered under the old id stops working, since a WebAuthn credential is scoped to its RP id (W3C Web Authentication
 * Level 2, §7.2 "Verifying an Authentication Assertion": the authenticator data's rpIdHash must be the SHA-256 hash of
 * the RP ID the relying party expects). AWS ties the
 * id to the pool's domain (WebAuthnConfigurationType.RelyingPartyId), so a new custom domain moves it too.
 */
const relyingPartyId = row({
    resourceType: USER_POOL_TYPE,
    input: "webAuthnConfiguration.relyingPartyId",
    key: "relyingPartyId",
    shape: z.string().min(1).describe("GetUserPoolMfaConfig's WebAuthnConfiguration.RelyingPartyId: the domain users' passkeys are registered for. " +
        "Absent: the pool has no passkey settings."),
    optional: true,
    policy: POLICY_NAMES.passkeysKept,
    group: "passkeys",
    effect: "invalidates",
    comparison: "The id as a string, updated in place (SetUserPoolMfaConfig): any other id, or none sent where one is deployed, leaves every " +
        "passkey registered under the deployed id unusable. A first id passes.",
    sources: [
        { file: USER_POOL_GO, release: USER_POOL_GO_AT, at: 'resourceUserPool schema "web_authn_configuration.relying_party_id": TypeString, Optional (not ForceNew, not Computed)' },
        { file: USER_POOL_GO, release: USER_POOL_GO_AT, at: 'resourceUserPoolUpdate: d.HasChanges(..., "web_authn_configuration") → SetUserPoolMfaConfig with expandWebAuthnConfigurationConfigType; Read: GetUserPoolMfaConfig, flattenWebAuthnConfigType' },
    ],
    fromInputs: (props, where) => knownString(props.webAuthnConfiguration?.relyingPartyId, `${where}.relyingPartyId`),
    fromAws: (pool, where) => knownString(pool.MfaConfig?.WebAuthnConfiguration?.RelyingPartyId, `${where}.MfaConfig.WebAuthnConfiguration.RelyingPartyId`),
    changes: (deployed: string | undefined, proposed: string | undefined) => deployed === undefined || proposed === deployed ? [] : [{
        setting: "webAuthnConfiguration.relyingPartyId", deployed, proposed,
        reason: proposed === undefined
            ? "the provider would send no relying party id, and what Cognito then does with the deployed one is not documented; " +
              "were it reset, every registered passkey would stop working"
            : "a passkey works only for the relying party id it was registered under: every passkey users registered for " +
              `${deployed} stops working, and they must sign in another way and register again`,
    }],
});

const region = (resourceType: string) => row({
    resourceType,
    input: "region",
    key: "region",
    shape: z.string().min(1).describe("The AWS region the resource lives in: changing it replaces the resource."),
    policy: POLICY_NAMES.regionUnchanged,
    group: "region",
    effect: "replaces",
    comparison: "The resource's own region input, else its provider's region: a different region replaces the resource.",
    sources: [{ file: "internal/provider/framework and sdkv2 region interceptors", release: PROVIDER, at: "Enhanced Region Support: region is ForceNew on every regional resource" }],
    state: "identity",
    fromInputs: (props, _where, provider) => {
        const v = regionFromInputs(props, provider);
        return typeof v === "string" ? v : undefined;
    },
    changes: (deployed, proposed) => {
        const change = deployed === undefined ? undefined : regionChange(WHAT[resourceType], deployed, proposed);
        return change ? [change] : [];
    },
});

/** The client a branding style belongs to: RequiresReplace; compared with the deployed client's id. */
const brandingClient = row({
    resourceType: MANAGED_LOGIN_BRANDING_TYPE,
    input: "clientId",
    key: "client",
    shape: z.string().min(1).describe("URN of the app client the style belongs to (a key of clients)."),
    policy: POLICY_NAMES.brandingUnchanged,
    group: "branding",
    effect: "replaces",
    comparison: "The client id as a string; compared when the new id is known (an id of a client being created is not).",
    sources: [{ file: BRANDING_GO, release: BRANDING_GO_AT, at: 'Schema: "client_id" Required, stringplanmodifier.RequiresReplace()' }],
    state: "identity",
    fromInputs: (props, where) => knownString(props.clientId, where),
    changes: (deployedUrn: string | undefined, proposedId: string | undefined, context: CompareContext) => {
        const deployedId = deployedUrn === undefined ? undefined : context.clientId(deployedUrn);
        return proposedId === undefined || deployedId === undefined || proposedId === deployedId ? [] : [{
            setting: "clientId", deployed: deployedId, proposed: proposedId, reason: `a style cannot move to another client: ${RESTYLED}`,
        }];
    },
});

/** One asset as a baseline records it: its category, color mode, extension and the SHA-256 of its image. */
function assetFingerprint(asset: Props, bytes: Uint8Array, where: string): string {
    const field = (name: string, api: string) => {
        const value = asset[name] ?? asset[api];
        if (typeof value !== "string" || value === "") throw new FixedSettingsReadError(`${where}.${name}: expected a string, got ${describe(value)}`);
        return value;
    };
    return `${field("category", "Category")}/${field("colorMode", "ColorMode")}/${field("extension", "Extension")}/sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

/** The assets' fingerprints, sorted (the provider's `asset` is a set); none: undefined. */
function assetFingerprints(raw: unknown, where: string, bytesOf: (asset: Props, at: string) => Uint8Array): string[] | undefined {
    const assets = schemaList(raw, where);
    return assets.length === 0 ? undefined : assets.map((asset, i) => assetFingerprint(asset, bytesOf(asset, `${where}[${i}]`), `${where}[${i}]`)).sort();
}

/**
 * A style's assets: the `asset` set and each of its attributes RequiresReplace ("the resource is replaced whenever
 * the `asset` is modified"); an image is compared by its bytes' digest, so that a baseline holds no images.
 */
const brandingAssets = row({
    resourceType: MANAGED_LOGIN_BRANDING_TYPE,
    input: "assets",
    key: "assets",
    shape: z.array(z.string().min(1).describe("`<category>/<colorMode>/<extension>/sha256:<digest of the image>`"))
        .describe("The style's assets, sorted; absent: none."),
    optional: true,
    policy: POLICY_NAMES.brandingUnchanged,
    group: "branding",
    effect: "replaces",
    comparison: "The set of assets, each by its category, color mode, extension and image bytes: any difference replaces the style.",
    sources: [{ file: BRANDING_GO, release: BRANDING_GO_AT, at: 'Schema: block "asset" setplanmodifier.RequiresReplace(), and RequiresReplace on bytes, category, color_mode, extension, resource_id' }],
    fromInputs: (props, where) => assetFingerprints(props.assets, where, (asset, at) => {
        const bytes = asset.bytes;
        if (typeof bytes !== "string") throw new FixedSettingsReadError(`${at}.bytes: expected base64, got ${describe(bytes)}`);
        return Buffer.from(bytes, "base64");
    }),
    fromAws: (described, where) => assetFingerprints(described.Assets, `${where}.Assets`, (asset, at) => {
        const bytes = asset.Bytes;
        if (!(bytes instanceof Uint8Array)) throw new FixedSettingsReadError(`${at}.Bytes: expected the image's bytes, got ${describe(bytes)}`);
        return bytes;
    }),
    changes: (deployed: string[] | undefined, proposed: string[] | undefined) => sameList(deployed ?? [], proposed ?? []) ? [] : [{
        setting: "assets", deployed: deployed ?? [], proposed: proposed ?? [], reason: `an asset added, removed or changed replaces the style: ${RESTYLED}`,
    }],
});

/** Every fixed provider input, by resource type. */
export const FIXED_INPUTS = {
    [USER_POOL_TYPE]: [
        signInList("usernameAttributes", "UsernameAttributes", USERNAME_ATTRIBUTE_VALUES, "username_attributes"),
        signInList("aliasAttributes", "AliasAttributes", ALIAS_ATTRIBUTE_VALUES, "alias_attributes"),
        caseSensitive,
        schemas,
        relyingPartyId,
        region(USER_POOL_TYPE),
    ],
    [USER_POOL_CLIENT_TYPE]: [generateSecret, userPoolId, region(USER_POOL_CLIENT_TYPE)],
    [EMAIL_IDENTITY_TYPE]: [emailIdentity, region(EMAIL_IDENTITY_TYPE)],
    [USER_GROUP_TYPE]: [memberIdentity(USER_GROUP_TYPE, "name"), memberPool(USER_GROUP_TYPE), region(USER_GROUP_TYPE)],
    [RESOURCE_SERVER_TYPE]: [memberIdentity(RESOURCE_SERVER_TYPE, "identifier"), memberPool(RESOURCE_SERVER_TYPE), region(RESOURCE_SERVER_TYPE)],
    [USER_POOL_DOMAIN_TYPE]: [memberIdentity(USER_POOL_DOMAIN_TYPE, "domain"), memberPool(USER_POOL_DOMAIN_TYPE), certificateArn, region(USER_POOL_DOMAIN_TYPE)],
    [MANAGED_LOGIN_BRANDING_TYPE]: [brandingClient, memberPool(MANAGED_LOGIN_BRANDING_TYPE), brandingAssets, region(MANAGED_LOGIN_BRANDING_TYPE)],
    [IDENTITY_PROVIDER_TYPE]: [
        memberIdentity(IDENTITY_PROVIDER_TYPE, "providerName"), providerType, memberPool(IDENTITY_PROVIDER_TYPE), region(IDENTITY_PROVIDER_TYPE),
    ],
} as const;

export type GuardedType = keyof typeof FIXED_INPUTS;

/** The rows of one resource type ([] for a type the table does not guard). */
export function fixedInputsOf(resourceType: string): readonly FixedInputRow[] {
    return (FIXED_INPUTS as Record<string, readonly FixedInputRow[]>)[resourceType] ?? [];
}

/**
 * Whether a provider input path of a resource type is fixed: a row's input, or a path inside it
 * (`schemas[].required` is inside `schemas`).
 */
export function isFixedInput(resourceType: string, input: string): boolean {
    return fixedInputsOf(resourceType).some(row => input === row.input || input.startsWith(`${row.input}.`) || input.startsWith(`${row.input}[`));
}

/** Every row of the table, in table order. */
export function allFixedInputs(): readonly FixedInputRow[] {
    return Object.values(FIXED_INPUTS).flat() as readonly FixedInputRow[];
}

type SettingRows<T extends GuardedType> = Exclude<(typeof FIXED_INPUTS)[T][number], { readonly state: "identity" }>;
/** The fixed settings of one resource type as a baseline records them, typed from the rows. */
export type SettingsOf<T extends GuardedType> =
    { -readonly [R in SettingRows<T> as R extends { readonly optional: true } ? never : R["key"]]: ValueOf<R> }
    & { -readonly [R in SettingRows<T> as R extends { readonly optional: true } ? R["key"] : never]?: ValueOf<R> };
type ValueOf<R> = R extends RowSpec<string, infer V> ? V : never;

/** The schemas of the rows of a type that a baseline records as settings (not identity fields), by baseline key, optional ones last. */
export function settingShapes(resourceType: GuardedType): Record<string, z.ZodType> {
    const rows = fixedInputsOf(resourceType).filter(r => r.state !== "identity");
    return Object.fromEntries([
        ...rows.filter(r => !r.optional).map(r => [r.key, r.shape]),
        ...rows.filter(r => r.optional).map(r => [r.key, r.shape.optional()]),
    ]);
}

/** The settings of a type read from resource inputs: each row with its reader, by baseline key. */
export function settingsFromInputs(resourceType: string, read: (row: FixedInputRow) => unknown): Record<string, unknown> {
    return Object.fromEntries(fixedInputsOf(resourceType).filter(r => r.state !== "identity").map(r => [r.key, read(r)]));
}

/** The changes the table's rows of one policy find between a deployed record and new inputs. */
export function fixedInputChanges(
    resourceType: string,
    policy: PolicyName,
    deployed: Record<string, unknown>,
    proposed: (row: FixedInputRow) => { known: boolean; value: unknown },
    context: CompareContext,
): FixedSettingChange[] {
    return fixedInputsOf(resourceType).filter(r => r.policy === policy).flatMap(r => {
        const next = proposed(r);
        if (!next.known) return [];
        return r.changes(deployed[r.key] as never, next.value as never, context)
            .map(change => ({ ...change, group: r.group, effect: r.effect, resourceType, input: r.input, policy: r.policy }));
    });
}

/** The policies that guard the table's rows, in table order. */
export function guardingPolicies(): PolicyName[] {
    return [...new Set(allFixedInputs().map(r => r.policy))];
}
