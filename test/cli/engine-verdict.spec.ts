import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { allPolicies, Baseline, baselineFromStateExport, POLICY_NAMES, policyConfigFor, PolicyConfigOptions } from "cognito-user-pool-policies";
import { guardedChanges, PreviewDigestError, refusalText } from "../../cli/engine-verdict";
import { deployedIdsOf, evaluateStack, RegisteredResource } from "../../offline/evaluate";
import { hasMandatoryViolation, runPolicies } from "../../offline/run-policies";
import type { StackConfig } from "../../stack-files/reader";
import { stateExportOf } from "../aws/support/state-export";
import { stackConfig, withSettings } from "../support/program";
import { repoRoot } from "./support/project-copy";

/** A recorded `pulumi preview --json` of dev, where signIn.caseSensitive turns true (test/fixtures/preview/README.md). */
const caseSensitive = () => JSON.parse(fs.readFileSync(path.join(repoRoot, "test", "fixtures", "preview", "dev-case-sensitive.json"), "utf8"));
const urnOf = (type: string, name: string) => `urn:pulumi:dev::cognito-user-pool::cognito-user-pool:index:SignInBackend$${type}::${name}`;
const poolUrn = urnOf("aws:cognito/userPool:UserPool", "auth-pool");
const clientUrn = urnOf("aws:cognito/userPoolClient:UserPoolClient", "auth-client-web");
const identityUrn = urnOf("aws:sesv2/emailIdentity:EmailIdentity", "auth-sender");

/** A step as getPreviewMetadataStep writes it; states carry the type (here without inputs, as for a read-only view). */
function step(op: string, urn: string, more: Record<string, unknown> = {}) {
    const type = urn.split("::")[2].split("$").pop();
    return { op, urn, oldState: { urn, type }, ...(op === "delete" ? {} : { newState: { urn, type } }), detailedDiff: null, ...more };
}

describe("the engine's own verdict (cli/engine-verdict): what pulumi preview --json would replace or delete", () => {
    it("finds the pool replaced for usernameConfiguration and its client for userPoolId, naming the config keys behind them", () => {
        const changes = guardedChanges(caseSensitive(), {});

        assert.deepStrictEqual(changes, [
            { urn: poolUrn, type: "aws:cognito/userPool:UserPool", ops: ["replace"], reasons: ["usernameConfiguration", "usernameConfiguration.caseSensitive"] },
            { urn: clientUrn, type: "aws:cognito/userPoolClient:UserPoolClient", ops: ["replace"], reasons: ["userPoolId"] },
        ]);
        const text = refusalText("dev", changes);
        assert.match(text, /^refused: pulumi's own preview of stack dev would replace or delete 2 guarded resources .*nothing was applied:\n/);
        assert.ok(text.includes(`  replace: ${poolUrn}\n    replaced because of: usernameConfiguration (cognito-user-pool:signIn.caseSensitive); ` +
            "usernameConfiguration.caseSensitive (cognito-user-pool:signIn.caseSensitive)\n"), text);
        assert.ok(text.includes(`  replace: ${clientUrn}\n    replaced because of: userPoolId (no config key of this project sets it)\n`), text);
        assert.match(text, /Changing a setting fixed at creation/);
    });

    it("takes a replacement's physical steps as one replacement, and maps attribute paths and a client's secret to their keys", () => {
        const digest = { steps: [
            step("create-replacement", poolUrn, { replaceReasons: ["schemas"], detailedDiff: { "schemas[3].mutable": { kind: "update-replace", inputDiff: false } } }),
            step("replace", poolUrn, { replaceReasons: ["schemas"] }),
            step("delete-replaced", poolUrn),
            step("replace", clientUrn, { replaceReasons: ["generateSecret"], detailedDiff: { generateSecret: { kind: "add-replace", inputDiff: true }, name: { kind: "update" } } }),
        ] };

        const [pool, client] = guardedChanges(digest, {});

        assert.deepStrictEqual(pool.ops, ["create-replacement", "replace", "delete-replaced"]);
        assert.deepStrictEqual(pool.reasons, ["schemas", "schemas[3].mutable"]);
        assert.deepStrictEqual(client.reasons, ["generateSecret"], "an update of name is no reason to replace");
        const text = refusalText("dev", [pool, client]);
        assert.match(text, /because of: schemas \(cognito-user-pool:attributes\.required, cognito-user-pool:attributes\.custom\); schemas\[3\]\.mutable \(cognito-user-pool:attributes\.custom\)\n/);
        // A client's type decides generateSecret's default (the catalogue's `decides`): both keys set it.
        assert.match(text, /generateSecret \(cognito-user-pool:clients\[\]\.type, cognito-user-pool:clients\[\]\.generateSecret\)/);
    });

    it("refuses a deleted client and a replaced SES identity, and lets a retired client go", () => {
        const retired = urnOf("aws:cognito/userPoolClient:UserPoolClient", "successor-migration-client");
        const digest = { steps: [
            step("delete", clientUrn),
            step("delete", retired),
            step("replace", identityUrn, { replaceReasons: ["emailIdentity"] }),
        ] };

        const changes = guardedChanges(digest, { [POLICY_NAMES.clientNotRemoved]: { retiredClients: [retired] } });

        assert.deepStrictEqual(changes.map((c) => [c.urn, c.ops]), [[clientUrn, ["delete"]], [identityUrn, ["replace"]]]);
        assert.match(refusalText("dev", changes), new RegExp(`  delete: ${clientUrn.replace(/[$.]/g, "\\$&")}\n    it leaves the program`));
    });

    it("refuses a group and a resource server the preview would replace or delete, naming their keys; their updates pass", () => {
        const groupUrn = urnOf("aws:cognito/userGroup:UserGroup", "auth-group-admins");
        const serverUrn = urnOf("aws:cognito/resourceServer:ResourceServer", "auth-resource-server-orders-api");
        const digest = { steps: [
            step("replace", groupUrn, { replaceReasons: ["userPoolId"] }),
            step("delete", urnOf("aws:cognito/userGroup:UserGroup", "auth-group-readers")),
            step("replace", serverUrn, { replaceReasons: ["identifier"], detailedDiff: { identifier: { kind: "update-replace" } } }),
            step("update", urnOf("aws:cognito/userGroup:UserGroup", "auth-group-ops"), { detailedDiff: { precedence: { kind: "update" } } }),
            step("update", urnOf("aws:cognito/resourceServer:ResourceServer", "auth-resource-server-billing"), { detailedDiff: { scopes: { kind: "update" } } }),
        ] };

        const changes = guardedChanges(digest, {});

        assert.deepStrictEqual(changes.map((c) => [c.urn.split("::").pop(), c.ops]),
            [["auth-group-admins", ["replace"]], ["auth-group-readers", ["delete"]], ["auth-resource-server-orders-api", ["replace"]]]);
        const text = refusalText("dev", changes);
        assert.match(text, /replaced because of: userPoolId \(no config key of this project sets it\)/);
        assert.match(text, /replaced because of: identifier \(cognito-user-pool:resourceServers\[\]\.identifier\)/);
        assert.match(text, /a group its members/);
    });

    it("refuses the domain the preview would replace or delete, naming its key; a new certificate ARN or managed login version passes", () => {
        const domainUrn = urnOf("aws:cognito/userPoolDomain:UserPoolDomain", "auth-domain");
        const replaced = guardedChanges({ steps: [step("replace", domainUrn, { replaceReasons: ["domain"], detailedDiff: { domain: { kind: "update-replace" } } })] }, {});
        const deleted = guardedChanges({ steps: [step("delete", domainUrn)] }, {});
        const updated = guardedChanges({ steps: [step("update", domainUrn,
            { detailedDiff: { certificateArn: { kind: "update" }, managedLoginVersion: { kind: "update" } } })] }, {});

        assert.deepStrictEqual([replaced, deleted].map((changes) => changes.map((c) => c.ops)), [[["replace"]], [["delete"]]]);
        assert.deepStrictEqual(updated, []);
        const text = refusalText("dev", replaced);
        assert.match(text, /replaced because of: domain \(cognito-user-pool:domain\.prefix, cognito-user-pool:domain\.name\)/);
        assert.match(text, /a domain the URLs apps sign in through/);
    });

    it("refuses the identity provider the preview would replace (a new name or type), naming its key; new details pass", () => {
        const providerUrn = urnOf("aws:cognito/identityProvider:IdentityProvider", "auth-identity-provider-Corp");
        const replaced = guardedChanges({ steps: [step("replace", providerUrn, { replaceReasons: ["providerType"],
            detailedDiff: { providerType: { kind: "update-replace" } } })] }, {});
        const updated = guardedChanges({ steps: [step("update", providerUrn, { detailedDiff: { providerDetails: { kind: "update" },
            attributeMapping: { kind: "update" } } })] }, {});

        assert.deepStrictEqual(replaced.map((c) => c.ops), [["replace"]]);
        assert.deepStrictEqual(updated, []);
        const text = refusalText("dev", replaced);
        assert.match(text, /replaced because of: providerType \(cognito-user-pool:identityProviders\[\]\.type\)/);
        assert.match(text, /an identity provider its users' sign-in/);
    });

    it("lets updates, creations, sames and other resource types through, and reads the type from the URN when no state says it", () => {
        const lambda = "urn:pulumi:dev::cognito-user-pool::cognito-user-pool:index:UserMigrationFunction$aws:lambda/function:Function::migrate";
        const digest = { steps: [
            step("update", poolUrn, { diffReasons: ["passwordPolicy"], detailedDiff: { "passwordPolicy.minimumLength": { kind: "update", inputDiff: false } } }),
            step("create", urnOf("aws:cognito/userPoolClient:UserPoolClient", "auth-client-new")),
            step("same", clientUrn),
            step("replace", lambda, { replaceReasons: ["runtime"] }),
            step("delete", lambda),
            { op: "delete", urn: clientUrn },
        ], changeSummary: { update: 1, create: 1 } };

        assert.deepStrictEqual(guardedChanges(digest, {}).map((c) => [c.type, c.ops]), [["aws:cognito/userPoolClient:UserPoolClient", ["delete"]]]);
        assert.deepStrictEqual(guardedChanges({ changeSummary: {} }, {}), [], "a preview with nothing to do prints no steps");
    });

    it("refuses to judge what is not a preview digest", () => {
        assert.throws(() => guardedChanges([], {}), PreviewDigestError);
        assert.throws(() => guardedChanges({ steps: [{ op: "replace" }] }, {}), /steps is not a list of steps with op and urn/);
    });
});

describe("the engine's verdict on a deliberate removal agrees with the pack's, given the same policy config", function () {
    this.timeout(60_000);
    const settings = {
        groups: [{ name: "admins", precedence: 1 }], resourceServers: [{ identifier: "orders-api", name: "Orders API", scopes: { read: "Read orders" } }],
        domain: { prefix: "example-auth" },
        identityProviders: [{ name: "Corp", type: "oidc", clientId: "corp-app", clientSecret: "[secret]", issuer: "https://login.example.com",
            scopes: ["openid"], attributeMapping: { email: "email" } }],
    };
    // The provider's credential is a secure: value, so identityProviders is a secret key.
    const deployedStack = { ...withSettings(stackConfig("prod"), settings), secretKeys: ["cognito-user-pool:identityProviders"] };
    const without = (...keys: string[]): StackConfig => ({ ...deployedStack,
        config: Object.fromEntries(Object.entries(deployedStack.config).filter(([key]) => !keys.includes(key.replace("cognito-user-pool:", "")))) });
    let deployed: readonly RegisteredResource[];
    let baseline: Baseline;
    const removals: { what: string; resources: readonly RegisteredResource[] }[] = [];

    before(async () => {
        const evaluation = await evaluateStack(deployedStack);
        deployed = evaluation.resources.filter((resource) => resource.custom);
        baseline = baselineFromStateExport(stateExportOf(evaluation, "cognito-user-pool", "prod", "ap-northeast-2"), { stack: "prod" });
        for (const [what, keys] of [["the groups and the resource server", ["groups", "resourceServers"]], ["the domain", ["domain"]],
            ["the identity provider", ["identityProviders"]]] as const) {
            const next = await evaluateStack(without(...keys), { deployedIds: deployedIdsOf(baseline) });
            removals.push({ what, resources: next.resources });
        }
    });

    /** The engine's preview of the next stack: the deployed resources it no longer registers are deleted. */
    function digestOf(next: readonly RegisteredResource[]) {
        const kept = new Set(next.map((resource) => resource.urn));
        return { steps: deployed.map((resource) => kept.has(resource.urn) ? step("same", resource.urn) : step("delete", resource.urn)) };
    }

    const configs: { config: string; options?: PolicyConfigOptions; edit?: (file: Record<string, any>) => void; passes: boolean }[] = [
        { config: "prod protected, as npm run baseline writes it", passes: false },
        { config: "prod outside protectedStacks", options: { protectedStacks: ["staging"] }, passes: true },
        { config: "the policies advisory", options: { enforcementLevels: { [POLICY_NAMES.groupsAndScopesKept]: "advisory", [POLICY_NAMES.domainKept]: "advisory",
            [POLICY_NAMES.identityProvidersKept]: "advisory" } }, passes: true },
        { config: "the policies disabled", options: { enforcementLevels: { [POLICY_NAMES.groupsAndScopesKept]: "disabled", [POLICY_NAMES.domainKept]: "disabled",
            [POLICY_NAMES.identityProvidersKept]: "disabled" } }, passes: true },
        { config: "the policies remediate (held to mandatory)", options: { enforcementLevels: { [POLICY_NAMES.groupsAndScopesKept]: "remediate", [POLICY_NAMES.domainKept]: "remediate",
            [POLICY_NAMES.identityProvidersKept]: "remediate" } }, passes: false },
        { config: "their level from `all`", passes: true, edit: (file) => {
            file.all = "advisory";
            delete file[POLICY_NAMES.groupsAndScopesKept].enforcementLevel;
            delete file[POLICY_NAMES.domainKept].enforcementLevel;
            delete file[POLICY_NAMES.identityProvidersKept].enforcementLevel;
        } },
        { config: "a baseline of another stack", passes: false, edit: (file) => {
            for (const entry of Object.values(file)) if (entry.baseline) entry.baseline.stack = "staging";
        } },
    ];

    for (const { config: name, options, edit, passes } of configs) {
        it(`${passes ? "both pass" : "both refuse"} removing the groups, the resource server, the domain or the identity provider with ${name}`, async () => {
            const config = JSON.parse(JSON.stringify(policyConfigFor(baseline, options)));
            edit?.(config);
            for (const { what, resources } of removals) {
                const packPasses = !hasMandatoryViolation(await runPolicies(allPolicies, resources, config));
                const changes = guardedChanges(digestOf(resources), config);
                assert.deepStrictEqual([packPasses, changes.length === 0], [passes, passes], `removing ${what}: [pack passes, engine passes]`);
            }
        });
    }

    it("removes what it should: the group, the resource server, the domain, the identity provider (and nothing else) are the deletions judged", () => {
        assert.deepStrictEqual(removals.map(({ resources }) => guardedChanges(digestOf(resources), {}).map((change) => change.urn.split("::").pop())),
            [["auth-group-admins", "auth-resource-server-orders-api"], ["auth-domain"], ["auth-identity-provider-Corp"]]);
    });
});
