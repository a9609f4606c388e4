import { spawnSync } from "child_process";
// End to end: the real program for each stack, evaluated offline from its stack file, feeds its resources to
// every policy of the pack, with the policy-pack config written by the real baseline command (run as its own
// process, as CI runs `npm run baseline -- --stack <s> --state <export.json> --out <file>`) from the stack's
// `pulumi stack export` fixture. What CI's `pulumi preview --policy-pack ... --policy-pack-config ...` decides:
// the deployed stacks pass, a changed fixed-at-creation setting fails with a message naming the setting and
// both values, a changeable setting passes, a removed pool fails, and prod without protect fails.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { RegisteredResource } from "../../offline/evaluate";
import type { PolicyVerdict } from "../../offline/run-policies";
import { runPolicies } from "../../offline/run-policies";
import { readStackConfig } from "../../stack-files/reader";
import { evaluateStack } from "../../offline/evaluate";
import { allPolicies, POLICY_CATALOGUE, POLICY_NAMES } from "cognito-user-pool-policies";
import { stateExportOf } from "../aws/support/state-export";
import { ProjectCopy } from "../cli/support/project-copy";
import { BaselineRun, ensureBuilt, repoRoot, runBaselineCommand, stateFixture } from "./support/baseline-command";
import {
    describeMandatory,
    JudgedStack,
    mandatoryViolations,
    previewUnderPolicies,
    readStateExport,
    StateExport,
} from "./support/deployed-stack";

const STACKS = ["dev", "staging", "prod"] as const;
type Stack = (typeof STACKS)[number];

const POOL = "aws:cognito/userPool:UserPool";
const CLIENT = "aws:cognito/userPoolClient:UserPoolClient";

/** The policies that compare with the baseline: each must have compared something, not skipped. */
const FIXED_SETTINGS_POLICIES = POLICY_CATALOGUE.filter((policy) => policy.config.includes("baseline")).map((policy) => policy.name);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-stacks-"));
const baselines = new Map<Stack, BaselineRun>();
const states = new Map<Stack, StateExport>();

/** The stack's baseline, made once by the real command from its state fixture. */
function baselineOf(stack: Stack): BaselineRun {
    let run = baselines.get(stack);
    if (!run) {
        run = runBaselineCommand(stack, stateFixture(stack), path.join(scratch, `policy-baseline.${stack}.json`));
        baselines.set(stack, run);
    }
    return run;
}

function stateOf(stack: Stack): StateExport {
    let state = states.get(stack);
    if (!state) {
        state = readStateExport(stateFixture(stack));
        states.set(stack, state);
    }
    return state;
}

/** Previews a stack file of projectDir against the stack's deployed baseline. */
function preview(projectDir: string, stack: Stack): Promise<JudgedStack> {
    return previewUnderPolicies(projectDir, stack, baselineOf(stack).config, stateOf(stack));
}

/** A copy of the project with the stack's config edited, in its stack file or Pulumi.yaml (each [find, replacement] must match). */
function editedProject(stack: Stack, edits: readonly (readonly [string, string])[], copies: ProjectCopy[]): ProjectCopy {
    const copy = new ProjectCopy();
    copies.push(copy);
    for (const [find, replacement] of edits) {
        copy.editConfig(stack, find, replacement);
    }
    return copy;
}

function verdictOf(verdicts: readonly PolicyVerdict[], policy: string): PolicyVerdict {
    const verdict = verdicts.find((candidate) => candidate.policyName === policy);
    assert.ok(verdict, `no verdict of ${policy}`);
    return verdict;
}

function only(resources: readonly RegisteredResource[], type: string, name: string): RegisteredResource {
    const found = resources.filter((resource) => resource.type === type && resource.name === name);
    assert.strictEqual(found.length, 1, `expected one ${type} named ${name}, found ${found.length}`);
    return found[0];
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A value as the pack's messages print it. */
function shown(value: unknown): string {
    return value === undefined ? "(absent)" : JSON.stringify(value);
}

interface ExpectedViolation {
    readonly policy: string;
    /** The resource's logical name, e.g. auth-pool or auth-client-web. */
    readonly resource: string;
    /** The setting as the message names it, e.g. usernameConfiguration.caseSensitive. */
    readonly setting: string;
    /** The deployed and the new value (a RegExp: matched against the printed value). */
    readonly deployed: unknown;
    readonly proposed: unknown;
}

/** Exactly one policy fails the preview, with one violation naming the resource, the setting and both values. */
function assertOnlyViolation(verdicts: readonly PolicyVerdict[], expected: ExpectedViolation): string {
    const mandatory = mandatoryViolations(verdicts);
    assert.deepStrictEqual([...new Set(mandatory.map((violation) => violation.policyName))], [expected.policy], describeMandatory(verdicts));
    const matching = mandatory.filter((violation) => violation.message.includes(`: ${expected.setting} is fixed at creation`));
    assert.strictEqual(matching.length, 1, describeMandatory(verdicts));
    const { message, urn } = matching[0];
    assert.ok(urn?.endsWith(`::${expected.resource}`), `violation about ${urn}, expected ${expected.resource}`);
    assert.ok(message.includes(`"${expected.resource}" (${urn})`), message);
    const value = (v: unknown) => v instanceof RegExp ? v.source : escapeRegExp(shown(v));
    assert.match(message, new RegExp(`^  deployed: ${value(expected.deployed)}$`, "m"));
    assert.match(message, new RegExp(`^  new: +${value(expected.proposed)}$`, "m"));
    assert.match(message, /^ {2}why: .+/m);
    assert.match(message, /^ {2}instead: .+/m);
    return message;
}

function assertNoMandatory(judged: JudgedStack): void {
    assert.strictEqual(mandatoryViolations(judged.verdicts).length, 0, describeMandatory(judged.verdicts));
    for (const policy of FIXED_SETTINGS_POLICIES) {
        assert.strictEqual(verdictOf(judged.verdicts, policy).outcome, "passed", `${policy} did not run over the stack`);
    }
}

describe("the stacks under the policy pack, end to end (baselines from `npm run baseline -- --state`)", function () {
    this.timeout(120000);
    const copies: ProjectCopy[] = [];

    before(() => ensureBuilt());

    after(() => {
        copies.forEach((copy) => copy.remove());
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    describe("the repo's unchanged stack files match what each stack has deployed", () => {
        for (const stack of STACKS) {
            it(`${stack}: Pulumi.${stack}.yaml passes every mandatory policy against the baseline of test/fixtures/state/${stack}.json`, async () => {
                const baseline = baselineOf(stack);
                assert.match(baseline.stdout, new RegExp(`^wrote ${escapeRegExp(baseline.file)}: baseline of stack ${stack} from the Pulumi state: user pool auth-pool `));
                const judged = await preview(repoRoot, stack);
                const pool = only(judged.resources, POOL, "auth-pool");
                const entry = baseline.config[POLICY_NAMES.signInOptionsUnchanged] as { baseline: { stack: string; userPools: Record<string, unknown> } };
                assert.strictEqual(entry.baseline.stack, stack);
                assert.deepStrictEqual(Object.keys(entry.baseline.userPools), [pool.urn], "the baseline is keyed by the URN the program registers");
                assertNoMandatory(judged);
            });

            it(`${stack}: npm run plan with that baseline passes, exit code 0`, () => {
                const plan = spawnSync(process.execPath, [path.join(repoRoot, "bin", "cli", "plan.js"), "--stack", stack, "--baseline", baselineOf(stack).file],
                    { cwd: repoRoot, encoding: "utf8" });
                assert.strictEqual(plan.status, 0, plan.stdout + plan.stderr);
                assert.match(plan.stdout, /No mandatory violation/);
            });
        }
    });

    describe("a changed fixed-at-creation setting in a stack file fails the preview", () => {
        const cases: {
            stack: Stack;
            title: string;
            edits: [string, string][];
            expected: ExpectedViolation;
        }[] = [
            {
                stack: "dev",
                title: "signIn.caseSensitive false → true",
                edits: [["caseSensitive: false", "caseSensitive: true"]],
                expected: { policy: POLICY_NAMES.signInOptionsUnchanged, resource: "auth-pool",
                    setting: "usernameConfiguration.caseSensitive", deployed: false, proposed: true },
            },
            {
                stack: "staging",
                title: "signIn.with [username] → [email]",
                edits: [["with: [username]", "with: [email]"]],
                expected: { policy: POLICY_NAMES.signInOptionsUnchanged, resource: "auth-pool",
                    setting: "usernameAttributes", deployed: [], proposed: ["email"] },
            },
            {
                stack: "dev",
                title: "signIn.preferredUsername false → true",
                edits: [["preferredUsername: false", "preferredUsername: true"]],
                expected: { policy: POLICY_NAMES.signInOptionsUnchanged, resource: "auth-pool",
                    setting: "aliasAttributes", deployed: [], proposed: ["preferred_username"] },
            },
            {
                stack: "prod",
                title: "attributes.required gains phone_number",
                edits: [["required: [email]", "required: [email, phone_number]"]],
                expected: { policy: POLICY_NAMES.attributesUnchanged, resource: "auth-pool",
                    setting: "schemas[name=phone_number].required", deployed: false, proposed: true },
            },
            {
                stack: "staging",
                title: "client web public → confidential",
                edits: [["type: public", "type: confidential"]],
                expected: { policy: POLICY_NAMES.clientSecretUnchanged, resource: "auth-client-web",
                    setting: "generateSecret", deployed: false, proposed: true },
            },
        ];
        for (const { stack, title, edits, expected } of cases) {
            it(`${stack}: ${title} is a violation of ${expected.policy}`, async () => {
                const copy = editedProject(stack, edits, copies);
                const judged = await preview(copy.dir, stack);
                assertOnlyViolation(judged.verdicts, expected);
            });
        }
    });

    describe("a custom attribute, deployed from a stack file that declared it (state built from the evaluated program)", () => {
        const declared = "custom: [{name: tenant_id, type: string, minLength: 1, maxLength: 64}]";
        let config: BaselineRun["config"];

        before(async () => {
            config = await deployedWith([["custom: []", declared]], "tenant");
        });

        const previewWith = async (custom: string) => {
            const copy = editedProject("dev", [["custom: []", custom]], copies);
            return previewUnderPolicies(copy.dir, "dev", config);
        };

        it("passes while the stack file declares it as deployed", async () => {
            assertNoMandatory(await previewWith(declared));
        });

        it("fails when its type changes (string → number)", async () => {
            const judged = await previewWith("custom: [{name: tenant_id, type: number}]");
            assertOnlyViolation(judged.verdicts, {
                policy: POLICY_NAMES.attributesUnchanged, resource: "auth-pool",
                setting: "schemas[name=tenant_id].attributeDataType", deployed: "String", proposed: "Number",
            });
        });

        it("fails when it is removed", async () => {
            const judged = await previewWith("custom: []");
            const message = assertOnlyViolation(judged.verdicts, {
                policy: POLICY_NAMES.attributesUnchanged, resource: "auth-pool",
                setting: "schemas[name=tenant_id]", deployed: /\{.*"dataType":"String".*\}/, proposed: undefined,
            });
            assert.match(message, /cannot delete a custom attribute/);
        });

        it("fails when it becomes immutable", async () => {
            const judged = await previewWith("custom: [{name: tenant_id, type: string, minLength: 1, maxLength: 64, mutable: false}]");
            assertOnlyViolation(judged.verdicts, {
                policy: POLICY_NAMES.attributesUnchanged, resource: "auth-pool",
                setting: "schemas[name=tenant_id].mutable", deployed: true, proposed: false,
            });
        });
    });

    describe("a pool deployed without usernameConfiguration (state built from a stack file with caseSensitive: unset)", () => {
        let config: BaselineRun["config"];

        before(async () => {
            config = await deployedWith([["caseSensitive: false", "caseSensitive: unset"]], "unset");
        });

        const previewWith = (caseSensitive: string) =>
            previewUnderPolicies(editedProject("dev", [["caseSensitive: false", `caseSensitive: ${caseSensitive}`]], copies).dir, "dev", config);

        it("passes while the stack file leaves it unset", async () => {
            assertNoMandatory(await previewWith("unset"));
        });

        for (const value of [false, true]) {
            it(`fails when the stack file sets caseSensitive: ${value} (the provider would add the block and replace the pool)`, async () => {
                assertOnlyViolation((await previewWith(String(value))).verdicts, {
                    policy: POLICY_NAMES.signInOptionsUnchanged, resource: "auth-pool",
                    setting: "usernameConfiguration.caseSensitive", deployed: undefined, proposed: value,
                });
            });
        }
    });

    /** The baseline of a dev stack deployed from a stack file with `edits` (state built from the evaluated program). */
    async function deployedWith(edits: [string, string][], name: string): Promise<BaselineRun["config"]> {
        const deployedCopy = editedProject("dev", edits, copies);
        const stack = readStackConfig(deployedCopy.dir, "dev");
        const exported = stateExportOf(await evaluateStack(stack), stack.project, "dev", stack.config["aws:region"]);
        const stateFile = deployedCopy.write(`state-dev-${name}.json`, JSON.stringify(exported, null, 2));
        return runBaselineCommand("dev", stateFile, path.join(scratch, `policy-baseline.dev-${name}.json`)).config;
    }

    // terraform-plugin-sdk v2 helper/schema/schema.go diffString: a removed case_sensitive is compared as false.
    describe("usernameConfiguration left out later: compared as false, the zero value", () => {
        it("passes for a pool deployed with caseSensitive: false", async () => {
            const config = await deployedWith([], "false");
            assertNoMandatory(await previewUnderPolicies(
                editedProject("dev", [["caseSensitive: false", "caseSensitive: unset"]], copies).dir, "dev", config));
        });

        it("fails for a pool deployed with caseSensitive: true (the provider would replace it)", async () => {
            const config = await deployedWith([["caseSensitive: false", "caseSensitive: true"]], "true");
            const judged = await previewUnderPolicies(editedProject("dev", [["caseSensitive: false", "caseSensitive: unset"]], copies).dir, "dev", config);
            assertOnlyViolation(judged.verdicts, {
                policy: POLICY_NAMES.signInOptionsUnchanged, resource: "auth-pool",
                setting: "usernameConfiguration.caseSensitive", deployed: true, proposed: undefined,
            });
        });
    });

    // user_pool_client.go: generate_secret RequiresReplace, and Read never sets it, so an imported client's state has none.
    describe("a client adopted by import (its state holds no generate_secret)", () => {
        const adopted = "  cognito-user-pool:import:\n    userPool: ap-northeast-2_AbCdEf123\n    clients: {web: 1example23456789abcdefghij}\n  cognito-user-pool:clients:";
        let config: BaselineRun["config"];

        before(async () => {
            config = await deployedWith([["  cognito-user-pool:clients:", adopted]], "adopted");
        });

        it("passes while the program sends no generateSecret for it (it stays under import)", async () => {
            assertNoMandatory(await previewUnderPolicies(editedProject("dev", [["  cognito-user-pool:clients:", adopted]], copies).dir, "dev", config));
        });

        it("fails once the program sends generateSecret false for it (the provider would replace the client)", async () => {
            const judged = await previewUnderPolicies(repoRoot, "dev", config);
            assertOnlyViolation(judged.verdicts, {
                policy: POLICY_NAMES.clientSecretUnchanged, resource: "auth-client-web",
                setting: "generateSecret", deployed: undefined, proposed: false,
            });
        });
    });

    describe("a changeable setting in a stack file passes", () => {
        const cases: {
            stack: Stack;
            title: string;
            edits: [string, string][];
            /** That the edit reached the resources the policies saw. */
            check: (resources: readonly RegisteredResource[]) => void;
        }[] = [
            {
                stack: "prod",
                title: "userPool.name myapp-prod → myapp-production (an update since provider 6.6.0)",
                edits: [["name: myapp-prod", "name: myapp-production"]],
                check: (resources) => assert.strictEqual(only(resources, POOL, "auth-pool").inputs.name, "myapp-production"),
            },
            {
                stack: "dev",
                title: "MFA off → optional (totp)",
                edits: [['mode: "off"', "mode: optional\n    factors: [totp]"]],
                check: (resources) => assert.strictEqual(only(resources, POOL, "auth-pool").inputs.mfaConfiguration, "OPTIONAL"),
            },
            {
                stack: "prod",
                title: "MFA optional → required",
                edits: [["mode: optional", "mode: required"]],
                check: (resources) => assert.strictEqual(only(resources, POOL, "auth-pool").inputs.mfaConfiguration, "ON"),
            },
            {
                stack: "prod",
                title: "password minLength 8 → 12",
                edits: [["minLength: 8", "minLength: 12"]],
                check: (resources) => assert.strictEqual(only(resources, POOL, "auth-pool").inputs.passwordPolicy.minimumLength, 12),
            },
            {
                stack: "staging",
                title: "web client token lifetimes shorter",
                edits: [["{access: 60m, id: 60m, refresh: 7d, authSession: 3m}", "{access: 15m, id: 15m, refresh: 1d, authSession: 5m}"]],
                check: (resources) => {
                    const web = only(resources, CLIENT, "auth-client-web").inputs;
                    assert.deepStrictEqual([web.accessTokenValidity, web.idTokenValidity, web.refreshTokenValidity, web.authSessionValidity], [15, 15, 1, 5]);
                },
            },
            {
                stack: "prod",
                title: "email fromName MyApp → MyApp Accounts",
                edits: [["fromName: MyApp", "fromName: MyApp Accounts"]],
                check: (resources) => assert.strictEqual(only(resources, POOL, "auth-pool").inputs.emailConfiguration.fromEmailAddress,
                    "MyApp Accounts <no-reply@example.com>"),
            },
            {
                stack: "dev",
                title: "a new optional custom attribute",
                edits: [["custom: []", "custom: [{name: tenant_id, type: string, minLength: 1, maxLength: 64}]"]],
                check: (resources) => assert.ok((only(resources, POOL, "auth-pool").inputs.schemas as { name: string }[])
                    .some((schema) => schema.name === "tenant_id")),
            },
            {
                stack: "staging",
                title: "a new client",
                edits: [["  cognito-user-pool:clients:\n", "  cognito-user-pool:clients:\n    - name: mobile\n      type: public\n"]],
                check: (resources) => assert.strictEqual(only(resources, CLIENT, "auth-client-mobile").inputs.generateSecret, false),
            },
            {
                stack: "dev",
                title: "deletionProtection false → true and protect on",
                edits: [["deletionProtection: false", "deletionProtection: true"], ["cognito-user-pool:protect: false", "cognito-user-pool:protect: true"]],
                check: (resources) => {
                    const pool = only(resources, POOL, "auth-pool");
                    assert.deepStrictEqual([pool.inputs.deletionProtection, pool.protect], ["ACTIVE", true]);
                },
            },
        ];
        for (const { stack, title, edits, check } of cases) {
            it(`${stack}: ${title}`, async () => {
                const copy = editedProject(stack, edits, copies);
                const judged = await preview(copy.dir, stack);
                check(judged.resources);
                assertNoMandatory(judged);
            });
        }
    });

    it("prod: a new FROM address at another domain replaces the SES identity: an advisory warning, not a block", async () => {
        const copy = editedProject("prod", [["from: no-reply@example.com", "from: no-reply@example.org"]], copies);
        const judged = await preview(copy.dir, "prod");
        assert.deepStrictEqual(mandatoryViolations(judged.verdicts), [], describeMandatory(judged.verdicts));
        const verdict = verdictOf(judged.verdicts, POLICY_NAMES.sesIdentityUnchanged);
        assert.deepStrictEqual([verdict.enforcementLevel, verdict.outcome], ["advisory", "violated"]);
        assert.match(verdict.violations[0].message, /deployed: "no-reply@example.com"\n  new: +"no-reply@example.org"/);
    });

    describe("a deployed pool missing from the stack fails the preview (cognito-pool-not-removed)", () => {
        for (const stack of STACKS) {
            it(`${stack}: the stack's resources without its pool`, async () => {
                const judged = await preview(repoRoot, stack);
                const pool = only(judged.resources, POOL, "auth-pool");
                const deployed = stateOf(stack).deployment.resources.find((resource) => resource.urn === pool.urn);
                assert.ok(deployed?.id, `the state of ${stack} holds ${pool.urn}`);
                const verdicts = await runPolicies(allPolicies, judged.resources.filter((resource) => resource !== pool), baselineOf(stack).config);
                const mandatory = mandatoryViolations(verdicts);
                assert.deepStrictEqual(mandatory.map((violation) => violation.policyName), [POLICY_NAMES.poolNotRemoved], describeMandatory(verdicts));
                const { message } = mandatory[0];
                assert.ok(message.includes(`(${pool.urn}) is deployed (pool id ${deployed.id}, name "myapp-${stack}")`), message);
                assert.match(message, new RegExp(`^  deployed: ${escapeRegExp(pool.urn)}$`, "m"));
                assert.match(message, /^ {2}new: +\(absent\)$/m);
            });
        }
    });

    describe("a change of region fails the preview (cognito-region-unchanged)", () => {
        it("prod: aws:region ap-northeast-2 → us-east-1 moves the pool, both clients and the SES identity", async () => {
            const copy = editedProject("prod", [["aws:region: ap-northeast-2", "aws:region: us-east-1"]], copies);
            const judged = await preview(copy.dir, "prod");
            const mandatory = mandatoryViolations(judged.verdicts);
            assert.deepStrictEqual([...new Set(mandatory.map((violation) => violation.policyName))], [POLICY_NAMES.regionUnchanged],
                describeMandatory(judged.verdicts));
            assert.deepStrictEqual(mandatory.map((violation) => violation.urn?.slice(violation.urn.lastIndexOf("::") + 2)).sort(),
                ["auth-client-server", "auth-client-web", "auth-pool", "auth-sender"]);
            for (const { message } of mandatory) {
                assert.match(message, /^ {2}deployed: "ap-northeast-2"$/m);
                assert.match(message, /^ {2}new: +"us-east-1"$/m);
                assert.match(message, /^ {2}input: `region`$/m);
            }
        });
    });

    describe("a deployed app client that leaves the stack (cognito-client-not-removed)", () => {
        const removeServer: [string, string] = [
            "    - name: server\n      type: confidential\n      authFlows: [admin_user_password, refresh_token]\n" +
            "      tokenValidity: {access: 15m, id: 15m, refresh: 1d, authSession: 3m}\n      tokenRevocation: true\n" +
            "      preventUserExistenceErrors: true\n",
            "",
        ];
        const serverUrn = (stack: Stack) => stateOf(stack).deployment.resources
            .find((resource) => resource.type === CLIENT && resource.urn.endsWith("::auth-client-server"))!.urn;

        for (const stack of ["staging", "prod"] as const) {
            it(`${stack}: removing client server is a mandatory violation`, async () => {
                const judged = await preview(editedProject(stack, [removeServer], copies).dir, stack);
                const mandatory = mandatoryViolations(judged.verdicts);
                assert.deepStrictEqual(mandatory.map((violation) => violation.policyName), [POLICY_NAMES.clientNotRemoved],
                    describeMandatory(judged.verdicts));
                assert.ok(mandatory[0].message.includes(`(${serverUrn(stack)}) is deployed`), mandatory[0].message);
            });
        }

        it("staging: renaming client web (a new logical name, no alias) is a mandatory violation", async () => {
            const judged = await preview(editedProject("staging", [["- name: web", "- name: webapp"]], copies).dir, "staging");
            const mandatory = mandatoryViolations(judged.verdicts);
            assert.deepStrictEqual(mandatory.map((violation) => violation.policyName), [POLICY_NAMES.clientNotRemoved],
                describeMandatory(judged.verdicts));
            assert.match(mandatory[0].message, /UserPoolClient "auth-client-web" .* is deployed/);
        });

        it("dev: renaming client web is advisory (dev is not a protected stack)", async () => {
            const judged = await preview(editedProject("dev", [["- name: web", "- name: webapp"]], copies).dir, "dev");
            assert.deepStrictEqual(mandatoryViolations(judged.verdicts), [], describeMandatory(judged.verdicts));
            const verdict = verdictOf(judged.verdicts, POLICY_NAMES.clientNotRemoved);
            assert.strictEqual(verdict.enforcementLevel, "advisory");
            assert.strictEqual(verdict.violations.length, 1);
        });

        it("staging: a client listed in retiredClients may go", async () => {
            const config = baselineOf("staging").config;
            const entry = config[POLICY_NAMES.clientNotRemoved] as Record<string, unknown>;
            const retiring = { ...config, [POLICY_NAMES.clientNotRemoved]: { ...entry, retiredClients: [serverUrn("staging")] } };
            const judged = await previewUnderPolicies(editedProject("staging", [removeServer], copies).dir, "staging", retiring);
            assert.deepStrictEqual(mandatoryViolations(judged.verdicts), [], describeMandatory(judged.verdicts));
            assert.strictEqual(verdictOf(judged.verdicts, POLICY_NAMES.clientNotRemoved).outcome, "passed");
        });
    });

    describe("the baseline of another stack (cognito-baseline-of-this-stack)", () => {
        it("prod previewed with staging's baseline: reported once, and npm run plan exits 2", async () => {
            const judged = await previewUnderPolicies(repoRoot, "prod", baselineOf("staging").config);
            const violations = judged.verdicts.flatMap((verdict) => verdict.violations);
            assert.deepStrictEqual(violations.map((violation) => violation.policyName), [POLICY_NAMES.baselineOfThisStack]);
            assert.match(violations[0].message, /captured for stack "staging", but this is stack "prod"/);
            const plan = spawnSync(process.execPath, [path.join(repoRoot, "bin", "cli", "plan.js"), "--stack", "prod", "--baseline", baselineOf("staging").file],
                { cwd: repoRoot, encoding: "utf8" });
            assert.strictEqual(plan.status, 2, plan.stdout + plan.stderr);
            assert.strictEqual(plan.stderr.match(/captured for stack "staging"/g)?.length, 1, plan.stderr);
        });
    });

    describe("a protected environment keeps Pulumi's protect (cognito-protected-environment)", () => {
        it("prod: cognito-user-pool:protect true → false is a violation", async () => {
            const copy = editedProject("prod", [["cognito-user-pool:protect: true", "cognito-user-pool:protect: false"]], copies);
            const judged = await preview(copy.dir, "prod");
            const pool = only(judged.resources, POOL, "auth-pool");
            assert.strictEqual(pool.protect, false);
            const mandatory = mandatoryViolations(judged.verdicts);
            assert.deepStrictEqual(mandatory.map((violation) => [violation.policyName, violation.urn]),
                [[POLICY_NAMES.protectedEnvironment, pool.urn]], describeMandatory(judged.verdicts));
            assert.match(mandatory[0].message, /UserPool "auth-pool" \(.*\) in protected stack "prod": Pulumi's protect option is off\./);
        });
    });
});
