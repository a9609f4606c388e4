import * as assert from "assert";
import { parse } from "yaml";
import { StackFileError } from "../../stack-files/stack-file-error";
import { keyOf, SettingPath } from "../../promotion/setting-keys";
import { editStackFile } from "../../promotion/stack-file-edit";

const target = `# staging: as prod.
config:
  aws:region: ap-northeast-2
  cognito-user-pool:userPool:
    name: myapp-staging   # per environment
    mfa:
      # Offered, not forced.
      mode: "optional"
    accountRecovery: [email]
  cognito-user-pool:clients:
    - name: web
      tokenValidity: {access: 60m, id: 60m, refresh: 7d, authSession: 3m}
`;

const source = `config:
  cognito-user-pool:userPool:
    mfa:
      mode: "off"
  cognito-user-pool:clients:
    - name: web
    # The back office.
    - name: server
      type: confidential
      authFlows: [admin_user_password, refresh_token]
`;

const defaults = { userPool: {}, clients: [{ name: "web" }] };

/** The lines of `after` that are not in `before`, and the other way round. */
function changedLines(before: string, after: string) {
    const beforeLines = before.split("\n");
    const afterLines = after.split("\n");
    return {
        added: afterLines.filter((line) => !beforeLines.includes(line)),
        removed: beforeLines.filter((line) => !afterLines.includes(line)),
    };
}

describe("editStackFile: promoted values written into a stack file's YAML", () => {
    it("leaves the text byte-identical when there is nothing to write", () => {
        assert.strictEqual(editStackFile(target, source, [], defaults), target);
    });

    it("changes only the edited value, keeping comments, key order, quoting and flow style", () => {
        const edited = editStackFile(target, source, [
            { path: ["userPool", "mfa", "mode"], value: "off" },
            { path: ["clients", { client: "web" }, "tokenValidity", "refresh"], value: "30d" },
        ], defaults);
        assert.deepStrictEqual(changedLines(target, edited), {
            added: ['      mode: "off"', "      tokenValidity: {access: 60m, id: 60m, refresh: 30d, authSession: 3m}"],
            removed: ['      mode: "optional"', "      tokenValidity: {access: 60m, id: 60m, refresh: 7d, authSession: 3m}"],
        });
    });

    it("replaces a list in the style the target writes it", () => {
        const edited = editStackFile(target, source, [{ path: ["userPool", "accountRecovery"], value: ["email", "phone"] }], defaults);
        assert.deepStrictEqual(changedLines(target, edited).added, ["    accountRecovery: [email, phone]"]);
    });

    it("adds a key the target does not spell out at the end of its map, lists of plain values in flow style", () => {
        const edited = editStackFile(target, source, [{ path: ["userPool", "mfa", "factors"], value: ["totp"] }], defaults);
        assert.ok(edited.includes('      mode: "optional"\n      factors: [totp]\n'), edited);
    });

    it("quotes a string YAML 1.1 would read as a boolean", () => {
        const edited = editStackFile("config:\n  cognito-user-pool:userPool:\n    mfa:\n      mode: optional\n", source,
            [{ path: ["userPool", "mfa", "mode"], value: "off" }], defaults);
        assert.ok(edited.includes('mode: "off"'), edited);
    });

    it("removes a key the promoted-from stack does not set", () => {
        const edited = editStackFile(target, source, [{ path: ["userPool", "accountRecovery"], value: undefined }], defaults);
        assert.deepStrictEqual(changedLines(target, edited), { added: [], removed: ["    accountRecovery: [email]"] });
    });

    it("appends a new client as the source stack file writes it, comment and layout included", () => {
        const server = { name: "server", type: "confidential", authFlows: ["admin_user_password", "refresh_token"] };
        const edited = editStackFile(target, source, [{ path: ["clients", { client: "server" }], value: server }], defaults);
        assert.ok(edited.endsWith(`    - name: web
      tokenValidity: {access: 60m, id: 60m, refresh: 7d, authSession: 3m}
    # The back office.
    - name: server
      type: confidential
      authFlows: [admin_user_password, refresh_token]
`), edited);
    });

    it("spells out a top-level setting the target leaves to Pulumi.yaml's default before editing it", () => {
        const bare = "config:\n  aws:region: eu-west-1\n";
        const edited = editStackFile(bare, source, [{ path: ["clients", { client: "web" }, "tokenRevocation"], value: false }], defaults);
        assert.strictEqual(edited, "config:\n  aws:region: eu-west-1\n  cognito-user-pool:clients:\n    - name: web\n      tokenRevocation: false\n");
    });

    it("writes numbers and booleans as such, also where the target had a quoted string", () => {
        const edited = editStackFile('config:\n  cognito-user-pool:userPool:\n    selfSignUp: "x"\n', source,
            [{ path: ["userPool", "selfSignUp"], value: false }], defaults);
        assert.ok(edited.includes("selfSignUp: false\n"), edited);
    });

    it("keeps a block list a block list", () => {
        const text = "config:\n  cognito-user-pool:userPool:\n    autoVerify:\n      - email\n    selfSignUp: true\n";
        const edited = editStackFile(text, source, [{ path: ["userPool", "autoVerify"], value: ["email", "phone"] }], defaults);
        assert.strictEqual(edited, "config:\n  cognito-user-pool:userPool:\n    autoVerify:\n      - email\n      - phone\n    selfSignUp: true\n");
    });

    it("writes a list of maps as a block where the target had an empty inline list", () => {
        const text = "config:\n  cognito-user-pool:userPool:\n    attributes:\n      custom: []  # none yet\n    selfSignUp: true\n";
        const custom = [{ name: "tenant", type: "string", maxLength: 64 }];
        const edited = editStackFile(text, source, [{ path: ["userPool", "attributes", "custom"], value: custom }], defaults);
        assert.strictEqual(edited, "config:\n  cognito-user-pool:userPool:\n    attributes:\n      custom:\n" +
            "        - name: tenant\n          type: string\n          maxLength: 64\n    selfSignUp: true\n");
    });

    it("creates the maps on the way to a key the target does not have, as blocks", () => {
        const edited = editStackFile(target, source, [{ path: ["userPool", "verification", "emailSubject"], value: "Your code" }], defaults);
        assert.deepStrictEqual(changedLines(target, edited).added, ["    verification:", "      emailSubject: Your code"]);
        assert.ok(edited.indexOf("verification:") > edited.indexOf("accountRecovery"), "added after the map's last key");
    });

    it("adds to and removes from an inline map in place", () => {
        const added = editStackFile(target, source, [{ path: ["clients", { client: "web" }, "tokenValidity", "refresh"], value: undefined }], defaults);
        assert.ok(added.includes("tokenValidity: {access: 60m, id: 60m, authSession: 3m}\n"), added);
        const restored = editStackFile(added, source, [{ path: ["clients", { client: "web" }, "tokenValidity", "refresh"], value: "7d" }], defaults);
        assert.ok(restored.includes("tokenValidity: {access: 60m, id: 60m, authSession: 3m, refresh: 7d}\n"), restored);
    });

    it("keeps a file's own indentation", () => {
        const text = "config:\n    cognito-user-pool:userPool:\n        mfa:\n            mode: optional\n";
        const edited = editStackFile(text, source, [
            { path: ["userPool", "mfa", "factors"], value: ["totp"] },
            { path: ["userPool", "selfSignUp"], value: false },
        ], defaults);
        assert.strictEqual(edited, "config:\n    cognito-user-pool:userPool:\n        mfa:\n            mode: optional\n" +
            "            factors: [totp]\n        selfSignUp: false\n");
    });

    it("yields the data the edits describe", () => {
        const edited = editStackFile(target, source, [
            { path: ["userPool", "mfa", "mode"], value: "off" },
            { path: ["userPool", "accountRecovery"], value: undefined },
            { path: ["userPool", "verification", "method"], value: "link" },
            { path: ["clients", { client: "server" }], value: { name: "server", type: "confidential", authFlows: ["admin_user_password", "refresh_token"] } },
        ], defaults);
        assert.deepStrictEqual(parse(edited).config, {
            "aws:region": "ap-northeast-2",
            "cognito-user-pool:userPool": { name: "myapp-staging", mfa: { mode: "off" }, verification: { method: "link" } },
            "cognito-user-pool:clients": [
                { name: "web", tokenValidity: { access: "60m", id: "60m", refresh: "7d", authSession: "3m" } },
                { name: "server", type: "confidential", authFlows: ["admin_user_password", "refresh_token"] },
            ],
        });
    });

    it("keeps CRLF line ends in a file written with them, also in the lines it adds", () => {
        const crlf = target.replace(/\n/g, "\r\n");
        const edited = editStackFile(crlf, source, [
            { path: ["userPool", "mfa", "mode"], value: "off" },
            { path: ["userPool", "mfa", "factors"], value: ["totp"] },
            { path: ["clients", { client: "server" }], value: { name: "server", type: "confidential" } },
        ], defaults);
        assert.doesNotMatch(edited, /[^\r]\n/);
        assert.strictEqual(edited.replace(/\r\n/g, "\n"), editStackFile(target, source, [
            { path: ["userPool", "mfa", "mode"], value: "off" },
            { path: ["userPool", "mfa", "factors"], value: ["totp"] },
            { path: ["clients", { client: "server" }], value: { name: "server", type: "confidential" } },
        ], defaults));
    });

    it("edits inside flow maps, adding and removing keys in place", () => {
        const edited = editStackFile(target, source, [
            { path: ["clients", { client: "web" }, "tokenValidity", "authSession"], value: undefined },
            { path: ["clients", { client: "web" }, "tokenValidity", "refresh"], value: "30d" },
        ], defaults);
        assert.match(edited, /\n {6}tokenValidity: \{access: 60m, id: 60m, refresh: 30d\}\n/);
        assert.deepStrictEqual(parse(edited).config["cognito-user-pool:clients"][0].tokenValidity, { access: "60m", id: "60m", refresh: "30d" });
    });

    describe("refuses, naming the stack file and line, an edit that would change more than the setting", () => {
        const refused = (text: string, path: SettingPath, line: number, why: RegExp) => assert.throws(
            () => editStackFile(text, source, [{ path, value: "off" }], defaults, "Pulumi.staging.yaml"),
            (error: Error) => error instanceof StackFileError &&
                error.message.startsWith(`Pulumi.staging.yaml:${line}: promote cannot write ${keyOf(path)} here: `) && why.test(error.message));

        it("through an alias", () => refused(
            `shared: &mfa {mode: optional}\nconfig:\n  cognito-user-pool:userPool:\n    mfa: *mfa\n`,
            ["userPool", "mfa", "mode"], 4, /the value is an alias \(\*mfa\)/));

        it("inside an anchored value that an alias repeats", () => refused(
            `config:\n  cognito-user-pool:userPool:\n    mfa: &mfa\n      mode: optional\n  cognito-user-pool:other: *mfa\n`,
            ["userPool", "mfa", "mode"], 3, /anchored \(&mfa\) and repeated by \*mfa/));

        it("under a key a merge key provides", () => refused(
            `base: &base {mfa: {mode: optional}}\nconfig:\n  cognito-user-pool:userPool:\n    <<: *base\n    tier: essentials\n`,
            ["userPool", "mfa", "mode"], 4, /mfa comes from a merge key \(<<\)/));

        it("in clients a merge key builds", () => refused(
            `web: &web {name: web}\nconfig:\n  cognito-user-pool:clients:\n    - <<: *web\n      type: public\n`,
            ["clients", { client: "web" }, "type"], 4, /clients cannot be matched by name/));
    });
});
