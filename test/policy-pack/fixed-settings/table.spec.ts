import * as assert from "assert";
import {
    EMAIL_IDENTITY_TYPE,
    FixedAttribute,
    MANAGED_LOGIN_BRANDING_TYPE,
    IDENTITY_PROVIDER_TYPE,
    RESOURCE_SERVER_TYPE,
    USER_GROUP_TYPE,
    USER_POOL_CLIENT_TYPE,
    USER_POOL_TYPE,
    allFixedInputs,
    changesOf,
    fixedInputsOf,
} from "../../../policy-pack/src/fixed-settings";
import { POOL_ID } from "../support/fixtures";

const CLIENT_ID = "1example23456789abcdefghij";

/*
 * The provider's own comparisons, row by row of the table, each tested both ways. Sources: terraform-provider-aws
 * 6.x as bundled by @pulumi/aws 7.48.0 (internal/service/cognitoidp/user_pool.go, user_pool_client.go,
 * internal/service/sesv2/email_identity.go) and terraform-plugin-sdk/v2 helper/schema/schema.go.
 */

type Props = Record<string, any>;

/** The row of a type for a provider input: throws when the table has no such row (so removing a row fails its tests). */
function rowOf(type: string, input: string) {
    const row = fixedInputsOf(type).find(r => r.input === input);
    if (row === undefined) throw new Error(`the table has no row for ${type} ${input}`);
    return row;
}

/** The changes one row finds between a deployed record and new inputs, read the way the policies read them. */
function rowChanges(type: string, input: string, deployed: Props, props: Props, provider?: Props) {
    const row = rowOf(type, input);
    const next = { [row.key]: row.fromInputs(props, row.input, provider as never) };
    return changesOf(type, deployed, next, { poolId: urn => (urn === "urn:pool" ? POOL_ID : undefined), clientId: urn => (urn === "urn:client" ? CLIENT_ID : undefined) })
        .filter(change => change.input === input)
        .map(change => [change.setting, change.deployed, change.proposed]);
}

const element = (over: Partial<FixedAttribute> = {}): FixedAttribute => ({
    name: "custom:tenant_id", dataType: "String", required: false, mutable: true, developerOnly: false,
    constraints: { string: { minLength: 1, maxLength: 64 } }, ...over,
});
const limitsAsInput = (block: Record<string, number | undefined> | undefined): Props | undefined => block === undefined ? undefined
    : Object.fromEntries(Object.entries(block).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
const asInput = (a: FixedAttribute, over: Props = {}): Props => ({
    name: a.name.replace(/^custom:/, ""), attributeDataType: a.dataType, required: a.required, mutable: a.mutable,
    developerOnlyAttribute: a.developerOnly,
    stringAttributeConstraints: limitsAsInput(a.constraints.string),
    numberAttributeConstraints: limitsAsInput(a.constraints.number),
    ...over,
});

describe("the table of fixed inputs", () => {
    it("has exactly these rows, each exercised below", () => {
        assert.deepStrictEqual(allFixedInputs().map(r => `${r.resourceType.split(":").pop()} ${r.input} ${r.effect}`), [
            "UserPool usernameAttributes replaces",
            "UserPool aliasAttributes replaces",
            "UserPool usernameConfiguration.caseSensitive replaces",
            "UserPool schemas update-fails",
            "UserPool webAuthnConfiguration.relyingPartyId invalidates",
            "UserPool region replaces",
            "UserPoolClient generateSecret replaces",
            "UserPoolClient userPoolId replaces",
            "UserPoolClient region replaces",
            "EmailIdentity emailIdentity replaces",
            "EmailIdentity region replaces",
            "UserGroup name replaces",
            "UserGroup userPoolId replaces",
            "UserGroup region replaces",
            "ResourceServer identifier replaces",
            "ResourceServer userPoolId replaces",
            "ResourceServer region replaces",
            "UserPoolDomain domain replaces",
            "UserPoolDomain userPoolId replaces",
            "UserPoolDomain certificateArn replaces",
            "UserPoolDomain region replaces",
            "ManagedLoginBranding clientId replaces",
            "ManagedLoginBranding userPoolId replaces",
            "ManagedLoginBranding assets replaces",
            "ManagedLoginBranding region replaces",
            "IdentityProvider providerName replaces",
            "IdentityProvider providerType replaces",
            "IdentityProvider userPoolId replaces",
            "IdentityProvider region replaces",
        ]);
        for (const row of allFixedInputs()) {
            assert.ok(row.sources.length > 0 && row.sources.every(s => s.file && s.release && s.at), `${row.input} names its source`);
            assert.ok(row.comparison.length > 20, `${row.input} says how the provider compares it`);
        }
    });
});

describe("user pool: sign-in lists (user_pool.go schema username_attributes / alias_attributes: TypeSet, ForceNew)", () => {
    for (const input of ["usernameAttributes", "aliasAttributes"]) {
        it(`${input}: a set, so the order does not count but any element does`, () => {
            const deployed = { [input]: ["email", "phone_number"] };
            assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, deployed, { [input]: ["phone_number", "email"] }), []);
            assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, deployed, { [input]: ["email"] }),
                [[input, ["email", "phone_number"], ["email"]]]);
            assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, { [input]: [] }, {}), [], "absent is the empty set");
        });
    }
});

describe("user pool: usernameConfiguration.caseSensitive (ForceNew; plugin SDK schema.go diffString compares a removed value as its zero value)", () => {
    const input = "usernameConfiguration.caseSensitive";
    it("removing the block from a pool deployed with false compares false with false: no replacement", () => {
        assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, { caseSensitive: false }, {}), []);
    });
    it("removing the block from a pool deployed with true compares false with true: replaced", () => {
        assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, { caseSensitive: true }, {}), [[input, true, undefined]]);
    });
    it("adding the block to a pool deployed without one replaces it, even with false (\"\" against \"false\")", () => {
        assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, {}, { usernameConfiguration: { caseSensitive: false } }),
            [[input, undefined, false]]);
        assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, {}, {}), []);
    });
    it("a changed value replaces; the same value does not", () => {
        assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, { caseSensitive: false }, { usernameConfiguration: { caseSensitive: true } }),
            [[input, false, true]]);
        assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, { caseSensitive: true }, { usernameConfiguration: { caseSensitive: true } }), []);
    });
});

describe("user pool: webAuthnConfiguration.relyingPartyId (user_pool.go: Optional, not ForceNew; SetUserPoolMfaConfig in place, every registered passkey lost)", () => {
    const input = "webAuthnConfiguration.relyingPartyId";
    const sent = (relyingPartyId?: string) => ({ webAuthnConfiguration: { relyingPartyId, userVerification: "preferred" } });
    it("another id invalidates the deployed one's passkeys; the same id, or a new user verification, does not", () => {
        assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, { relyingPartyId: "auth.example.com" }, sent("login.example.com")),
            [[input, "auth.example.com", "login.example.com"]]);
        assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, { relyingPartyId: "auth.example.com" },
            { webAuthnConfiguration: { relyingPartyId: "auth.example.com", userVerification: "required" } }), []);
    });
    it("no id sent where one is deployed is refused too (what Cognito does with it is not documented: fail closed)", () => {
        assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, { relyingPartyId: "auth.example.com" }, {}), [[input, "auth.example.com", undefined]]);
        assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, { relyingPartyId: "auth.example.com" }, sent(undefined)), [[input, "auth.example.com", undefined]]);
    });
    it("a first id, on a pool deployed without passkeys, passes", () => {
        assert.deepStrictEqual(rowChanges(USER_POOL_TYPE, input, {}, sent("auth.example.com")), []);
    });
    it("is read from GetUserPoolMfaConfig's WebAuthnConfiguration, under MfaConfig", () => {
        const row = rowOf(USER_POOL_TYPE, input);
        assert.equal(row.fromAws!({ MfaConfig: { WebAuthnConfiguration: { RelyingPartyId: "auth.example.com" } } }, "pool"), "auth.example.com");
        assert.equal(row.fromAws!({ MfaConfig: { MfaConfiguration: "OFF" } }, "pool"), undefined);
    });
});

describe("user pool: schemas (a set by resourceUserPoolSchemaHash; resourceUserPoolUpdate refuses a changed or gone element)", () => {
    const tenant = element();
    const email = element({ name: "email", required: true, constraints: { string: { minLength: 0, maxLength: 2048 } } });
    const changes = (deployed: FixedAttribute[], schemas: Props[]) => rowChanges(USER_POOL_TYPE, "schemas", { attributes: deployed }, { schemas });

    it("the same elements in another order are the same set", () => {
        assert.deepStrictEqual(changes([tenant, email], [asInput(email), asInput(tenant)]), []);
    });
    it("an absent boolean hashes as false: equal to a deployed false, different from a deployed true", () => {
        const immutable = element({ mutable: false });
        assert.deepStrictEqual(changes([immutable], [asInput(immutable, { mutable: undefined })]), []);
        assert.deepStrictEqual(changes([tenant], [asInput(tenant, { mutable: undefined })]),
            [["schemas[name=tenant_id].mutable", true, false]]);
    });
    it("an absent constraints block is none: equal to none deployed, different from deployed limits", () => {
        const unlimited = element({ constraints: {} });
        assert.deepStrictEqual(changes([unlimited], [asInput(unlimited)]), []);
        assert.deepStrictEqual(changes([tenant], [asInput(tenant, { stringAttributeConstraints: undefined })]), [
            ["schemas[name=tenant_id].stringAttributeConstraints", "present", "absent"],
            ["schemas[name=tenant_id].stringAttributeConstraints.minLength", 1, undefined],
            ["schemas[name=tenant_id].stringAttributeConstraints.maxLength", 64, undefined],
        ]);
    });
    it("an empty constraints block is a block: resourceUserPoolSchemaHash writes its marker, so it differs from none", () => {
        const unlimited = element({ constraints: {} });
        const emptyBlock = element({ constraints: { string: {} } });
        assert.deepStrictEqual(changes([unlimited], [asInput(unlimited, { stringAttributeConstraints: {} })]),
            [["schemas[name=tenant_id].stringAttributeConstraints", "absent", "present"]]);
        assert.deepStrictEqual(changes([emptyBlock], [asInput(unlimited, { stringAttributeConstraints: {} })]), []);
        assert.deepStrictEqual(changes([emptyBlock], [asInput(unlimited, { stringAttributeConstraints: { minLength: "", maxLength: "" } })]), []);
    });
    it("a Number attribute's string constraints are part of its identity (the hash covers both blocks, whatever the data type)", () => {
        const score = element({ name: "custom:score", dataType: "Number", constraints: { number: { minValue: 0, maxValue: 100 } } });
        const withStringLimits = { stringAttributeConstraints: { minLength: "1", maxLength: "3" } };
        assert.deepStrictEqual(changes([score], [asInput(score)]), []);
        assert.deepStrictEqual(changes([score], [asInput(score, withStringLimits)]), [
            ["schemas[name=score].stringAttributeConstraints", "absent", "present"],
            ["schemas[name=score].stringAttributeConstraints.minLength", undefined, 1],
            ["schemas[name=score].stringAttributeConstraints.maxLength", undefined, 3],
        ]);
        const deployedWithThem = element({ ...score, constraints: { ...score.constraints, string: { minLength: 1, maxLength: 3 } } });
        assert.deepStrictEqual(changes([deployedWithThem], [asInput(score, withStringLimits)]), []);
    });
    it("the name counts as written: `custom:tenant_id` in the program is another element, so the deployed one is gone", () => {
        const got = rowChanges(USER_POOL_TYPE, "schemas", { attributes: [tenant] }, { schemas: [asInput(tenant, { name: "custom:tenant_id" })] });
        assert.deepStrictEqual(got.map(([setting]) => setting), ["schemas[name=tenant_id]"]);
        const reason = changesOf(USER_POOL_TYPE, { attributes: [tenant] },
            { attributes: rowOf(USER_POOL_TYPE, "schemas").fromInputs({ schemas: [asInput(tenant, { name: "custom:tenant_id" })] }, "schemas") },
            { poolId: () => undefined, clientId: () => undefined })[0].reason;
        assert.match(reason, /prefixes "custom:" itself/);
    });
    it("a standard attribute the program once declared is in the state: leaving it out is refused, even at its defaults", () => {
        const declaredAtDefault = element({ name: "given_name", constraints: { string: { minLength: 0, maxLength: 2048 } } });
        assert.deepStrictEqual(changes([declaredAtDefault, tenant], [asInput(tenant)]).map(([s]) => s), ["schemas[name=given_name]"]);
        assert.deepStrictEqual(changes([declaredAtDefault, tenant], [asInput(declaredAtDefault), asInput(tenant)]), []);
    });
    it("a deployed custom attribute that is gone is refused", () => {
        assert.deepStrictEqual(changes([tenant, email], [asInput(email)]).map(([s]) => s), ["schemas[name=tenant_id]"]);
    });
    it("new elements go to AddCustomAttributes: an optional custom one passes; a required one, a standard one, the 51st do not", () => {
        const plan = element({ name: "custom:plan" });
        assert.deepStrictEqual(changes([tenant], [asInput(tenant), asInput(plan)]), []);
        assert.deepStrictEqual(changes([tenant], [asInput(tenant), asInput(plan, { required: true })]).map(([s]) => s),
            ["schemas[name=plan].required"]);
        assert.deepStrictEqual(changes([tenant], [asInput(tenant), asInput(element({ name: "nickname" }))]).map(([s]) => s),
            ["schemas[name=nickname]"]);
        const fifty = Array.from({ length: 50 }, (_, i) => element({ name: `custom:a${i}` }));
        assert.deepStrictEqual(changes(fifty, fifty.map(a => asInput(a))), []);
        assert.deepStrictEqual(changes(fifty, [...fifty, element({ name: "custom:a50" })].map(a => asInput(a))), [["schemas", 50, 51]]);
    });
});

describe("app client: generateSecret (plugin framework RequiresReplace: plan against state, null included)", () => {
    const input = "generateSecret";
    it("null and false differ: a program that stops sending false replaces the client", () => {
        assert.deepStrictEqual(rowChanges(USER_POOL_CLIENT_TYPE, input, { generateSecret: false }, {}), [[input, false, undefined]]);
        assert.deepStrictEqual(rowChanges(USER_POOL_CLIENT_TYPE, input, { generateSecret: false }, { generateSecret: false }), []);
    });
    it("an imported client's state has none (user_pool_client.go Read never sets it, #20298): sending false replaces it, sending nothing does not", () => {
        assert.deepStrictEqual(rowChanges(USER_POOL_CLIENT_TYPE, input, {}, { generateSecret: false }), [[input, undefined, false]]);
        assert.deepStrictEqual(rowChanges(USER_POOL_CLIENT_TYPE, input, {}, {}), []);
    });
    it("true and false differ", () => {
        assert.deepStrictEqual(rowChanges(USER_POOL_CLIENT_TYPE, input, { generateSecret: true }, { generateSecret: false }), [[input, true, false]]);
    });
});

describe("app client: userPoolId (RequiresReplace)", () => {
    it("another pool's id replaces the client; an id not known yet is not judged", () => {
        assert.deepStrictEqual(rowChanges(USER_POOL_CLIENT_TYPE, "userPoolId", { userPool: "urn:pool" }, { userPoolId: "eu-west-1_Other" }),
            [["userPoolId", POOL_ID, "eu-west-1_Other"]]);
        assert.deepStrictEqual(rowChanges(USER_POOL_CLIENT_TYPE, "userPoolId", { userPool: "urn:pool" }, { userPoolId: POOL_ID }), []);
        assert.deepStrictEqual(rowChanges(USER_POOL_CLIENT_TYPE, "userPoolId", { userPool: "urn:pool" }, {}), []);
    });
});

describe("SES identity: emailIdentity (sesv2/email_identity.go: ForceNew)", () => {
    it("another address or domain replaces the identity; the same does not", () => {
        assert.deepStrictEqual(rowChanges(EMAIL_IDENTITY_TYPE, "emailIdentity", { id: "a@example.com" }, { emailIdentity: "b@example.com" }),
            [["emailIdentity", "a@example.com", "b@example.com"]]);
        assert.deepStrictEqual(rowChanges(EMAIL_IDENTITY_TYPE, "emailIdentity", { id: "a@example.com" }, { emailIdentity: "a@example.com" }), []);
    });
});

describe("group and resource server: name / identifier and userPoolId (user_group.go, resource_server.go: ForceNew)", () => {
    for (const [type, input] of [[USER_GROUP_TYPE, "name"], [RESOURCE_SERVER_TYPE, "identifier"]] as const) {
        it(`${type.split(":").pop()}: another ${input} or pool replaces it; the same, or an id not known yet, does not`, () => {
            assert.deepStrictEqual(rowChanges(type, input, { [input]: "admins" }, { [input]: "administrators" }), [[input, "admins", "administrators"]]);
            assert.deepStrictEqual(rowChanges(type, input, { [input]: "admins" }, { [input]: "admins", description: "changed" }), []);
            assert.deepStrictEqual(rowChanges(type, "userPoolId", { userPool: "urn:pool" }, { userPoolId: "eu-west-1_Other" }),
                [["userPoolId", POOL_ID, "eu-west-1_Other"]]);
            assert.deepStrictEqual(rowChanges(type, "userPoolId", { userPool: "urn:pool" }, {}), []);
        });
    }
});

describe("managed login branding: clientId, userPoolId and assets (managed_login_branding.go Schema: RequiresReplace; the asset set and each attribute)", () => {
    const png = (byte: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, byte]).toString("base64");
    const asset = (over: Props = {}) => ({ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: png(1), ...over });
    const fingerprints = (props: Props) => rowOf(MANAGED_LOGIN_BRANDING_TYPE, "assets").fromInputs(props, "assets");

    it("another client or pool replaces the style; the same, or an id not known yet, does not", () => {
        assert.deepStrictEqual(rowChanges(MANAGED_LOGIN_BRANDING_TYPE, "clientId", { client: "urn:client" }, { clientId: "2other" }), [["clientId", CLIENT_ID, "2other"]]);
        assert.deepStrictEqual(rowChanges(MANAGED_LOGIN_BRANDING_TYPE, "clientId", { client: "urn:client" }, { clientId: CLIENT_ID }), []);
        assert.deepStrictEqual(rowChanges(MANAGED_LOGIN_BRANDING_TYPE, "clientId", { client: "urn:client" }, {}), []);
        assert.deepStrictEqual(rowChanges(MANAGED_LOGIN_BRANDING_TYPE, "userPoolId", { userPool: "urn:pool" }, { userPoolId: "eu-west-1_Other" }),
            [["userPoolId", POOL_ID, "eu-west-1_Other"]]);
    });

    it("the assets are a set: another order is the same; an image's other bytes, another color mode, one more or one fewer replace it", () => {
        const dark = asset({ colorMode: "DARK", bytes: png(2) });
        const deployed = { assets: fingerprints({ assets: [asset(), dark] }) };
        assert.match(deployed.assets[0], /^FORM_LOGO\/DARK\/PNG\/sha256:[0-9a-f]{64}$/);
        assert.deepStrictEqual(rowChanges(MANAGED_LOGIN_BRANDING_TYPE, "assets", deployed, { assets: [dark, asset()], settings: "{\"changed\":true}" }), []);
        for (const assets of [[asset({ bytes: png(3) }), dark], [asset(), asset({ colorMode: "DYNAMIC", bytes: png(2) })], [asset()], [asset(), dark, asset({ category: "FAVICON_ICO", extension: "ICO" })]]) {
            assert.deepStrictEqual(rowChanges(MANAGED_LOGIN_BRANDING_TYPE, "assets", deployed, { assets }).map(([setting]) => setting), ["assets"]);
        }
    });

    it("no assets deployed and none declared is no change; the first asset replaces the style", () => {
        assert.equal(fingerprints({ useCognitoProvidedValues: true }), undefined);
        assert.deepStrictEqual(rowChanges(MANAGED_LOGIN_BRANDING_TYPE, "assets", {}, { settings: "{}" }), []);
        assert.deepStrictEqual(rowChanges(MANAGED_LOGIN_BRANDING_TYPE, "assets", {}, { assets: [asset()] }).map(([setting]) => setting), ["assets"]);
    });

    it("reads the same fingerprint from DescribeManagedLoginBrandingByClient's bytes as from the base64 input", () => {
        const row = rowOf(MANAGED_LOGIN_BRANDING_TYPE, "assets");
        const described = { Assets: [{ Category: "FORM_LOGO", ColorMode: "LIGHT", Extension: "PNG", Bytes: new Uint8Array(Buffer.from(png(1), "base64")) }] };
        assert.deepStrictEqual(row.fromAws!(described, "DescribeManagedLoginBrandingByClient"), fingerprints({ assets: [asset()] }));
    });
});

describe("identity provider: provider_name, provider_type and user_pool_id (identity_provider.go resourceIdentityProvider: ForceNew)", () => {
    it("another name, type or pool replaces it; new details, mapping or identifiers do not", () => {
        const deployed = { providerName: "Corp", providerType: "OIDC", userPool: "urn:pool" };
        assert.deepStrictEqual(rowChanges(IDENTITY_PROVIDER_TYPE, "providerName", deployed, { providerName: "CorpSSO" }), [["providerName", "Corp", "CorpSSO"]]);
        assert.deepStrictEqual(rowChanges(IDENTITY_PROVIDER_TYPE, "providerType", deployed, { providerType: "SAML" }), [["providerType", "OIDC", "SAML"]]);
        assert.deepStrictEqual(rowChanges(IDENTITY_PROVIDER_TYPE, "userPoolId", deployed, { userPoolId: "eu-west-1_Other" }),
            [["userPoolId", POOL_ID, "eu-west-1_Other"]]);
        const inPlace = { providerName: "Corp", providerType: "OIDC", userPoolId: POOL_ID, providerDetails: { client_secret: "rotated" },
            attributeMapping: { email: "mail" }, idpIdentifiers: ["example.com"] };
        for (const input of ["providerName", "providerType", "userPoolId"]) {
            assert.deepStrictEqual(rowChanges(IDENTITY_PROVIDER_TYPE, input, deployed, inPlace), [], input);
        }
    });
    it("reads the type from DescribeIdentityProvider, never its details", () => {
        assert.equal(rowOf(IDENTITY_PROVIDER_TYPE, "providerType").fromAws!({ ProviderType: "Google", ProviderDetails: { client_secret: "s" } }, "here"), "Google");
    });
});

describe("region (Enhanced Region Support: the region replaces every regional resource)", () => {
    for (const type of [USER_POOL_TYPE, USER_POOL_CLIENT_TYPE, EMAIL_IDENTITY_TYPE, USER_GROUP_TYPE, RESOURCE_SERVER_TYPE, MANAGED_LOGIN_BRANDING_TYPE, IDENTITY_PROVIDER_TYPE]) {
        it(`${type.split(":").pop()}: its own region input, else its provider's`, () => {
            assert.deepStrictEqual(rowChanges(type, "region", { region: "eu-west-1" }, { region: "us-east-1" }), [["region", "eu-west-1", "us-east-1"]]);
            const provider = { type: "pulumi:providers:aws", urn: "urn:provider", name: "default", props: { region: "us-east-1" } };
            assert.deepStrictEqual(rowChanges(type, "region", { region: "eu-west-1" }, {}, provider), [["region", "eu-west-1", "us-east-1"]]);
            assert.deepStrictEqual(rowChanges(type, "region", { region: "eu-west-1" }, { region: "eu-west-1" }), []);
        });
    }
});
