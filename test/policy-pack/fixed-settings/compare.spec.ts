import * as assert from "assert";
import {
    FixedAttribute,
    UNKNOWN,
    attributeChanges,
    clientChanges,
    poolChanges,
} from "../../../policy-pack/src/fixed-settings";
import { POOL_ID } from "../support/fixtures";

const email: FixedAttribute = { name: "email", dataType: "String", required: true, mutable: true, developerOnly: false, constraints: { minLength: 0, maxLength: 2048 } };
const tenant: FixedAttribute = { name: "custom:tenant_id", dataType: "String", required: false, mutable: true, developerOnly: false, constraints: { minLength: 1, maxLength: 64 } };
const deployed = { name: "myapp-dev", usernameAttributes: [], aliasAttributes: [], caseSensitive: false, attributes: [tenant, email] };

function custom(i: number): FixedAttribute {
    return { ...tenant, name: `custom:a${i}` };
}

describe("fixed-settings: what counts as a change Cognito cannot apply", () => {
    it("finds nothing when nothing fixed changed", () => {
        assert.deepStrictEqual(poolChanges(deployed, { ...deployed }), []);
    });

    it("skips settings unknown during preview and names left to auto-naming", () => {
        const next = { name: UNKNOWN, usernameAttributes: UNKNOWN, aliasAttributes: ["email"], caseSensitive: UNKNOWN, attributes: UNKNOWN } as const;
        assert.deepStrictEqual(poolChanges(deployed, next as any).map(c => c.setting), ["aliasAttributes"]);
        assert.deepStrictEqual(poolChanges(deployed, { ...deployed, name: undefined } as any), []);
    });

    it("compares a standard attribute missing on one side with Cognito's default for it", () => {
        const changes = attributeChanges([tenant, email], [tenant]);
        assert.deepStrictEqual(changes.map(c => [c.setting, c.deployed, c.proposed]), [["schemas[name=email].required", true, false]]);
        const more = attributeChanges([tenant], [tenant, { ...email, name: "phone_number" }]);
        assert.deepStrictEqual(more.map(c => c.setting), ["schemas[name=phone_number].required"]);
    });

    it("allows up to 50 custom attributes and flags the 51st", () => {
        const fifty = Array.from({ length: 50 }, (_, i) => custom(i));
        assert.deepStrictEqual(attributeChanges([], fifty), []);
        const changes = attributeChanges(fifty, [...fifty, custom(50)]);
        assert.deepStrictEqual(changes.map(c => [c.setting, c.deployed, c.proposed]), [["schemas", 50, 51]]);
    });

    it("flags a client's secret and pool, and skips an unknown pool id", () => {
        const d = { id: "c", name: "web", userPool: "urn:p", generateSecret: false };
        assert.deepStrictEqual(clientChanges(d, { name: "web", generateSecret: false, userPoolId: POOL_ID }, POOL_ID), []);
        assert.deepStrictEqual(
            clientChanges(d, { name: "web", generateSecret: true, userPoolId: "eu-west-1_Other" }, POOL_ID).map(c => c.setting),
            ["generateSecret", "userPoolId"],
        );
        assert.deepStrictEqual(clientChanges(d, { name: "web", generateSecret: UNKNOWN, userPoolId: UNKNOWN }, POOL_ID), []);
    });
});
