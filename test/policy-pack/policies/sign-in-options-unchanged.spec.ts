import * as assert from "assert";
import { signInOptionsUnchanged } from "../../../policy-pack/src/policies";
import { CLIENT_TYPE, UNKNOWN_ARRAY, poolArgs, poolUrn, resourceArgs, violations } from "../support/args";
import { seedBaseline, withBaseline } from "../support/baseline";
import { clientProps, poolProps } from "../support/fixtures";

describe("policy cognito-sign-in-options-unchanged", () => {
    const run = (props: Record<string, unknown>, more = withBaseline()) => violations(signInOptionsUnchanged, poolArgs(props, more));

    it("is mandatory and declares its baseline config", () => {
        assert.strictEqual(signInOptionsUnchanged.enforcementLevel, "mandatory");
        assert.ok(signInOptionsUnchanged.configSchema?.properties.baseline);
    });

    it("passes a pool whose sign-in options are as deployed", async () => {
        assert.deepStrictEqual(await run(poolProps()), []);
    });

    it("passes everything when there is no baseline (first deployment)", async () => {
        assert.deepStrictEqual(await run(poolProps("dev", { usernameAttributes: ["email"] }), { config: {}, stack: "dev" }), []);
    });

    it("passes a new pool (a URN not in the baseline)", async () => {
        const args = poolArgs(poolProps("dev", { usernameAttributes: ["email"] }), { ...withBaseline(), name: "second-pool" });
        assert.deepStrictEqual(await violations(signInOptionsUnchanged, args), []);
    });

    it("fails a change of usernameAttributes, naming resource, setting, both values, why and what instead", async () => {
        const [message, ...rest] = await run(poolProps("dev", { usernameAttributes: ["email"] }));
        assert.deepStrictEqual(rest, []);
        assert.ok(message.includes(`UserPool "auth-pool" (${poolUrn()})`), message);
        assert.match(message, /usernameAttributes is fixed at creation/);
        assert.match(message, /deployed: \[\]/);
        assert.match(message, /new: +\["email"\]/);
        assert.match(message, /why: Cognito fixes a pool's sign-in options at creation: the provider would replace the pool: a new, empty pool/);
        assert.match(message, /instead: keep usernameAttributes at the deployed value \[\]/);
        assert.match(message, /create a new pool beside the deployed one and migrate its users/);
        assert.match(message, /Changing a setting fixed at creation/);
    });

    it("fails adding an alias (preferred_username)", async () => {
        const [message] = await run(poolProps("dev", { aliasAttributes: ["preferred_username"] }));
        assert.match(message, /aliasAttributes is fixed at creation[\s\S]*deployed: \[\][\s\S]*new: +\["preferred_username"\]/);
    });

    it("fails a change of case sensitivity (user_pool.go: username_configuration.case_sensitive is ForceNew)", async () => {
        const [changed] = await run(poolProps("dev", { usernameConfiguration: { caseSensitive: true } }));
        assert.match(changed, /usernameConfiguration\.caseSensitive is fixed at creation[\s\S]*deployed: false[\s\S]*new: +true/);
    });

    // terraform-plugin-sdk v2 helper/schema/schema.go diffString: a removed value is compared as its zero value (false).
    it("passes dropping usernameConfiguration from a pool deployed with false (false against false: no diff)", async () => {
        assert.deepStrictEqual(await run(poolProps("dev", { usernameConfiguration: undefined })), []);
    });

    it("fails dropping usernameConfiguration from a pool deployed with true (false against true: replaced)", async () => {
        const more = withBaseline();
        (more.config.baseline as ReturnType<typeof seedBaseline>).userPools[poolUrn()].caseSensitive = true;
        const [dropped, ...rest] = await run(poolProps("dev", { usernameConfiguration: undefined }), more);
        assert.deepStrictEqual(rest, []);
        assert.match(dropped, /usernameConfiguration\.caseSensitive[\s\S]*deployed: true[\s\S]*new: +\(absent\)/);
        assert.match(dropped, /why: removing usernameConfiguration compares case_sensitive as false, not as the deployed true/);
    });

    describe("a pool deployed without usernameConfiguration (case-sensitive by Cognito's API default)", () => {
        const withoutBlock = () => {
            const more = withBaseline();
            delete (more.config.baseline as ReturnType<typeof seedBaseline>).userPools[poolUrn()].caseSensitive;
            return more;
        };

        it("passes while the program leaves the block out", async () => {
            assert.deepStrictEqual(await run(poolProps("dev", { usernameConfiguration: undefined }), withoutBlock()), []);
        });

        for (const caseSensitive of [true, false]) {
            it(`fails adding {caseSensitive: ${caseSensitive}}, and says to leave it out again`, async () => {
                const [message, ...rest] = await run(poolProps("dev", { usernameConfiguration: { caseSensitive } }), withoutBlock());
                assert.deepStrictEqual(rest, []);
                assert.match(message, new RegExp(`deployed: \\(absent\\)\\n  new: +${caseSensitive}`));
                assert.match(message, /instead: leave usernameConfiguration\.caseSensitive out again/);
            });
        }
    });

    it("follows a renamed pool through its alias", async () => {
        const args = poolArgs(poolProps("dev", { usernameAttributes: ["email"] }), {
            ...withBaseline(),
            name: "renamed-pool",
            opts: { aliases: [poolUrn()] },
        });
        const [message] = await violations(signInOptionsUnchanged, args);
        assert.match(message, /renamed-pool[\s\S]*usernameAttributes is fixed at creation/);
    });

    it("skips an option unknown during preview and still checks the others", async () => {
        assert.deepStrictEqual(await run(poolProps("dev", { aliasAttributes: UNKNOWN_ARRAY })), []);
        const [message] = await run(poolProps("dev", { aliasAttributes: UNKNOWN_ARRAY, usernameConfiguration: { caseSensitive: true } }));
        assert.match(message, /caseSensitive/);
    });

    it("compares nothing with the baseline of another stack (cognito-baseline-of-this-stack says so once)", async () => {
        const changed = poolProps("prod", { usernameAttributes: ["email"] });
        assert.deepStrictEqual(await run(changed, { config: { baseline: seedBaseline("dev") }, stack: "prod" }), []);
    });

    it("fails with an error naming the policy and key when the baseline is malformed", async () => {
        const baseline = seedBaseline() as any;
        baseline.userPools[poolUrn()].caseSensitive = "false";
        await assert.rejects(
            run(poolProps(), { config: { baseline }, stack: "dev" }),
            (e: Error) =>
                e.message.includes(`policy config "cognito-sign-in-options-unchanged".baseline.userPools[${JSON.stringify(poolUrn())}].caseSensitive: expected true or false`),
        );
    });

    it("ignores other resource types", async () => {
        const args = resourceArgs({ type: CLIENT_TYPE, name: "auth-client-web", props: clientProps(), ...withBaseline() });
        assert.deepStrictEqual(await violations(signInOptionsUnchanged, args), []);
    });
});
