import * as assert from "assert";
import { attributesUnchanged } from "../../../policy-pack/src/policies";
import { UNKNOWN_ARRAY, poolArgs, violations } from "../support/args";
import { withBaseline } from "../support/baseline";
import { poolProps } from "../support/fixtures";

type Props = Record<string, any>;

function schemas(change: (s: Props[]) => Props[]): Props {
    const p = poolProps();
    return poolProps("dev", { schemas: change(JSON.parse(JSON.stringify(p.schemas))) });
}

const run = (props: Props) => violations(attributesUnchanged, poolArgs(props, withBaseline()));

describe("policy cognito-attributes-unchanged", () => {
    it("passes the deployed attributes", async () => {
        assert.deepStrictEqual(await run(poolProps()), []);
    });

    it("passes adding an optional custom attribute (Cognito's AddCustomAttributes)", async () => {
        const props = schemas(s => [...s, { name: "plan", attributeDataType: "String", mutable: true, stringAttributeConstraints: { minLength: "0", maxLength: "16" } }]);
        assert.deepStrictEqual(await run(props), []);
    });

    it("fails removing a custom attribute", async () => {
        const [message, ...rest] = await run(schemas(s => s.filter(a => a.name !== "tenant_id")));
        assert.deepStrictEqual(rest, []);
        assert.match(message, /schemas\[name=tenant_id\] is fixed at creation/);
        assert.match(message, /new: +\(absent\)/);
        assert.match(message, /Cognito cannot delete a custom attribute: .*cannot modify or remove schema items/);
    });

    it("fails changing a custom attribute's constraints, mutability or data type, one message each", async () => {
        const messages = await run(
            schemas(s =>
                s.map(a =>
                    a.name === "tenant_id"
                        ? { ...a, mutable: false, stringAttributeConstraints: { minLength: "1", maxLength: "128" } }
                        : a,
                ),
            ),
        );
        assert.strictEqual(messages.length, 2);
        assert.match(messages[0], /schemas\[name=tenant_id\]\.mutable[\s\S]*deployed: true[\s\S]*new: +false/);
        assert.match(messages[1], /schemas\[name=tenant_id\]\.stringAttributeConstraints\.maxLength[\s\S]*deployed: 64[\s\S]*new: +128/);
        const [type] = await run(schemas(s => s.map(a => (a.name === "tenant_id" ? { name: "tenant_id", attributeDataType: "Number", mutable: true } : a))));
        assert.match(type, /schemas\[name=tenant_id\]\.attributeDataType[\s\S]*deployed: "String"[\s\S]*new: +"Number"/);
    });

    it("fails making a standard attribute required, and dropping a required one", async () => {
        const [added] = await run(
            schemas(s => [...s, { name: "phone_number", attributeDataType: "String", required: true, mutable: true, stringAttributeConstraints: { minLength: "0", maxLength: "2048" } }]),
        );
        assert.match(added, /schemas\[name=phone_number\]\.required[\s\S]*deployed: false[\s\S]*new: +true[\s\S]*Cognito fixes required attributes at creation/);
        const [dropped] = await run(schemas(s => s.filter(a => a.name !== "email")));
        // user_pool.go resourceUserPoolUpdate: a deployed element gone from the set is refused, a declared standard one too.
        assert.match(dropped, /schemas\[name=email\] is fixed at creation[\s\S]*new: +\(absent\)[\s\S]*keeps a declared standard attribute in its state/);
    });

    it("fails a new custom attribute that is required", async () => {
        const [message] = await run(schemas(s => [...s, { name: "plan", attributeDataType: "String", required: true, mutable: true }]));
        assert.match(message, /schemas\[name=plan\]\.required[\s\S]*deployed: \(absent\)[\s\S]*a custom attribute can never be required/);
    });

    it("fails a 51st custom attribute", async () => {
        const extra = Array.from({ length: 50 }, (_, i) => ({ name: `c${i}`, attributeDataType: "Number", mutable: true }));
        const [message] = await run(schemas(s => [...s, ...extra]));
        assert.match(message, /schemas is fixed[\s\S]*deployed: 1[\s\S]*new: +51[\s\S]*at most 50/);
    });

    it("skips attributes unknown during preview", async () => {
        assert.deepStrictEqual(await run(poolProps("dev", { schemas: UNKNOWN_ARRAY })), []);
    });
});
