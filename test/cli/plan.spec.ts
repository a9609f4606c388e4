import * as assert from "assert";
import { allPolicies, fixedInputsOf, isFixedInput } from "cognito-user-pool-policies";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../cli/plan";
import type { PlanReport } from "../../cli/plan-report";
import { capturingIO, ProjectCopy, repoRoot } from "./support/project-copy";

async function plan(project: ProjectCopy, ...argv: string[]) {
    const io = capturingIO(project.dir);
    const code = await main(argv, io);
    return { code, out: io.out(), err: io.err() };
}

function violatedPolicies(report: PlanReport): string[] {
    return report.policies.filter((policy) => policy.outcome === "violated").map((policy) => policy.policyName);
}

describe("npm run plan", () => {
    let project: ProjectCopy;
    beforeEach(() => { project = new ProjectCopy(); });
    afterEach(() => project.remove());

    describe("without a baseline (a first deployment)", () => {
        for (const stack of ["dev", "staging", "prod"]) {
            it(`lists what ${stack} would register and passes every policy: exit 0`, async () => {
                const { code, out, err } = await plan(project, "--stack", stack);
                assert.strictEqual(err, "");
                assert.strictEqual(code, 0);
                assert.match(out, new RegExp(`^Stack ${stack} \\(project cognito-user-pool\\), evaluated offline: \\d+ resources`));
                assert.match(out, /aws:cognito\/userPool:UserPool +auth-pool/);
                assert.match(out, /aws:cognito\/userPoolClient:UserPoolClient +auth-client-web/);
                assert.match(out, /passed +mandatory +cognito-sign-in-options-unchanged/);
                assert.match(out, /no baseline: a first deployment/);
                assert.match(out, /\nNo mandatory violation\.\n$/);
            });
        }

        it("shows protect and retainOnDelete where the stack sets them, and each resource's settings", async () => {
            const { out } = await plan(project, "--stack", "prod");
            assert.match(out, /auth-pool {2}\[protect, retainOnDelete\]/);
            assert.match(out, /auth-client-web\n/);
            assert.match(out, /name: myapp-prod\n/);
            assert.match(out, /usernameConfiguration\.caseSensitive: false\n/);
            assert.match(out, /tokenValidity: access 30 minutes, id 30 minutes, refresh 7 days, authSession 3 minutes\n/);
        });

        it("shows the sender a new stack gets now (Cognito's) and the one it gets once SES has verified the identity", async () => {
            const { out } = await plan(project, "--stack", "dev");
            assert.match(out, /emailConfiguration\.emailSendingAccount: COGNITO_DEFAULT\n/);
            assert.match(out, /\nwarning: SES has not verified no-reply@dev\.example\.com for sending yet, so the user pool sends its email with Cognito's default sender/);
            assert.match(out, /\n {4}Once SES shows it verified, run `pulumi up --refresh` .* the pool switches to SES, sending as no-reply@dev\.example\.com\.\n/);
        });

        it("shows SES (DEVELOPER) for a deployed stack whose state export has the identity verified, and no warning", async () => {
            const state = path.join(repoRoot, "test", "fixtures", "state", "dev.json");
            const { code, out, err } = await plan(project, "--stack", "dev", "--state", state);
            assert.strictEqual(err, "");
            assert.strictEqual(code, 0);
            assert.match(out, /emailConfiguration\.emailSendingAccount: DEVELOPER\n.*emailConfiguration\.fromEmailAddress: no-reply@dev\.example\.com\n/s);
            assert.doesNotMatch(out, /warning:/);
        });

        it("refuses the state export of another stack: exit 2, naming the file and both stacks", async () => {
            const state = path.join(repoRoot, "test", "fixtures", "state", "dev.json");
            const { code, out, err } = await plan(project, "--stack", "staging", "--state", state);
            assert.strictEqual(code, 2);
            assert.strictEqual(out, "");
            assert.match(err, /^error: .*dev\.json: .*"dev", not "staging"\n$/);
        });

        it("prints the same as one JSON document with --json", async () => {
            const { code, out } = await plan(project, "--stack", "staging", "--json");
            assert.strictEqual(code, 0);
            const report: PlanReport = JSON.parse(out);
            assert.strictEqual(report.stack, "staging");
            assert.strictEqual(report.baseline, null);
            assert.strictEqual(report.blocked, false);
            assert.deepStrictEqual(report.resources.map((resource) => [resource.type, resource.name, resource.protect, resource.retainOnDelete]), [
                ["cognito-user-pool:index:SignInBackend", "auth", false, false],
                ["aws:sesv2/emailIdentity:EmailIdentity", "auth-sender", false, true],
                ["aws:cognito/userPool:UserPool", "auth-pool", true, true],
                ["aws:cognito/userPoolClient:UserPoolClient", "auth-client-web", false, false],
                ["aws:cognito/userPoolClient:UserPoolClient", "auth-client-server", false, false],
            ]);
            assert.deepStrictEqual(report.resources[4].settings.generateSecret, true);
            // The fixed inputs shown are the table's rows, in its order (region: the program leaves it to the provider;
            // userPoolId: the stack's own pool, not shown; webAuthnConfiguration.relyingPartyId: staging has no passkeys).
            for (const resource of report.resources.filter((r) => fixedInputsOf(r.type).length > 0)) {
                assert.deepStrictEqual(Object.keys(resource.settings).filter((key) => isFixedInput(resource.type, key)),
                    fixedInputsOf(resource.type).map((row) => row.input)
                        .filter((input) => !["region", "userPoolId", "webAuthnConfiguration.relyingPartyId"].includes(input)), resource.name);
            }
            assert.strictEqual(report.policies.length, allPolicies.length);
            assert.ok(report.policies.every((policy) => policy.outcome === "passed"));
        });

        it("fails a mandatory policy that needs no baseline: exit 1", async () => {
            project.edit("prod", "deletionProtection: true", "deletionProtection: false");
            const { code, out } = await plan(project, "--stack", "prod", "--json");
            assert.strictEqual(code, 1);
            const report: PlanReport = JSON.parse(out);
            assert.strictEqual(report.blocked, true);
            assert.deepStrictEqual(violatedPolicies(report), ["cognito-protected-environment"]);
        });
    });

    describe("with the baseline of what the stack has deployed", () => {
        it("passes when the stack file still asks for the deployed fixed settings: exit 0", async () => {
            const baseline = await project.deployBaseline("staging");
            project.edit("staging", "mode: optional", "mode: required");
            const { code, out } = await plan(project, "--stack", "staging", "--baseline", baseline);
            assert.strictEqual(code, 0, out);
            assert.match(out, /baseline .*baseline-staging\.json: stack staging, from pulumi-state, captured 2026-11-20T10:00:00\.000Z/);
        });

        it("fails a changed fixed setting as `pulumi preview --policy-pack` would: exit 1 and the violation", async () => {
            const baseline = await project.deployBaseline("staging");
            project.override("staging", "signIn", "{with: [username], caseSensitive: true}");
            const { code, out } = await plan(project, "--stack", "staging", "--baseline", baseline);
            assert.strictEqual(code, 1);
            assert.match(out, /VIOLATED +mandatory +cognito-sign-in-options-unchanged\n/);
            assert.match(out, /\[mandatory\] {2}cognito-sign-in-options-unchanged {2}\(aws:cognito\/userPool:UserPool: auth-pool\)\n/);
            assert.match(out, /usernameConfiguration\.caseSensitive is fixed at creation/);
            assert.match(out, /deployed: false\n +new: +true\n/);
            assert.match(out, /\n {8}config: cognito-user-pool:signIn\.caseSensitive\n/, "names the config key to change");
            assert.match(out, /\n1 mandatory violation: `pulumi preview --policy-pack policy-pack` would fail\.\n$/);
        });

        it("refuses a baseline file whose policy lacks its baseline (it would compare nothing and pass): exit 2, naming it", async () => {
            const file = await project.deployBaseline("staging");
            const config = JSON.parse(fs.readFileSync(file, "utf8"));
            delete config["cognito-attributes-unchanged"].baseline;
            const { code, out, err } = await plan(project, "--stack", "staging", "--baseline", project.write("partial.json", JSON.stringify(config)));
            assert.strictEqual(code, 2, out);
            assert.match(err, /"cognito-attributes-unchanged"\.baseline: missing, while the file carries a baseline for other policies/);
            config["cognito-attributes-unchanged"].enforcementLevel = "disabled";
            const disabled = await plan(project, "--stack", "staging", "--baseline", project.write("disabled.json", JSON.stringify(config)));
            assert.strictEqual(disabled.code, 0, disabled.err);
        });

        it("reports the violations in the JSON too, with policy, level, resource and message", async () => {
            const baseline = await project.deployBaseline("staging");
            project.edit("staging", "type: confidential", "type: public");
            const { code, out } = await plan(project, "--stack", "staging", "--baseline", baseline, "--json");
            assert.strictEqual(code, 1);
            const report: PlanReport = JSON.parse(out);
            assert.deepStrictEqual(violatedPolicies(report), ["cognito-client-secret-unchanged"]);
            const [violation] = report.policies.find((policy) => policy.policyName === "cognito-client-secret-unchanged")!.violations;
            assert.strictEqual(violation.enforcementLevel, "mandatory");
            assert.match(violation.urn!, /UserPoolClient::auth-client-server$/);
            assert.match(violation.message, /generateSecret is fixed at creation/);
            assert.strictEqual(report.baseline?.stack, "staging");
        });
    });

    describe("a stack with a successor pool (cognito-user-pool:successor)", () => {
        const successor = `  cognito-user-pool:successor:
    name: myapp-prod-v2
    phase: cutover
    signIn:
      with: [email]
`;

        it("passes the pack against the deployed baseline: the current pool unchanged, the new pool new", async () => {
            const baseline = await project.deployBaseline("prod");
            fs.appendFileSync(project.stackFile("prod"), successor);
            const { code, out } = await plan(project, "--stack", "prod", "--baseline", baseline);
            assert.strictEqual(code, 0, out);
            assert.match(out, /\nNo mandatory violation\.\n$/);
        });

        it("shows both pools, the trigger, the role and its policy, the phase and what does not move", async () => {
            fs.appendFileSync(project.stackFile("prod"), successor);
            const { out } = await plan(project, "--stack", "prod");
            assert.match(out, /aws:cognito\/userPool:UserPool +auth-pool {2}\[protect, retainOnDelete\]\n(.*\n)*?.*name: myapp-prod\n/);
            assert.match(out, /aws:cognito\/userPool:UserPool +successor-pool {2}\[protect, retainOnDelete\]\n(.*\n)*?.*name: myapp-prod-v2\n/);
            for (const trigger of ["userMigration", "preSignUp", "postAuthentication"]) {
                assert.match(out, new RegExp(`lambdaConfig\\.${trigger}: arn:aws:lambda:ap-northeast-2:123456789012:function:cognito-user-pool-prod-user-migration\n`));
            }
            assert.match(out, /aws:lambda\/function:Function +successor-migration-function\n.*name: cognito-user-pool-prod-user-migration\n.*runtime: nodejs24\.x\n/);
            assert.match(out, /aws:cloudwatch\/logGroup:LogGroup +successor-migration-logs\n.*name: \/aws\/lambda\/cognito-user-pool-prod-user-migration\n.*retentionInDays: 90\n/);
            assert.match(out, /aws:iam\/role:Role +successor-migration-role\n.*assumedBy: lambda\.amazonaws\.com\n/);
            assert.match(out, /FindUsersCheckPasswordsAndReadGroupsInTheOldPool: Allow cognito-idp:AdminGetUser, cognito-idp:ListUsers, cognito-idp:AdminInitiateAuth, cognito-idp:AdminListGroupsForUser on arn:aws:cognito-idp:ap-northeast-2:123456789012:userpool\/ap-northeast-2_\w+\n/);
            assert.match(out, /AddMigratedUsersToGroupsOfTheNewPool: Allow cognito-idp:AdminAddUserToGroup on arn:aws:cognito-idp:ap-northeast-2:123456789012:userpool\/ap-northeast-2_\w+\n/);
            assert.match(out, /aws:lambda\/permission:Permission +successor-invoke\n(.*\n)*?.*principal: cognito-idp\.amazonaws\.com\n/);
            assert.match(out, /\nMigration to the successor pool, phase cutover: the new pool is the primary/);
            assert.match(out, /- MFA enrolment \(SMS, email, TOTP\) and remembered devices: a user the current pool asks for a second factor is refused/);
            assert.match(out, /- memberships of groups the new pool lacks: at each sign-in until the finish phase a migrated user joins/);
        });

        it("names the successor path when a fixed setting is changed in place instead", async () => {
            const baseline = await project.deployBaseline("prod");
            project.override("prod", "signIn", "{with: [email]}");
            const { code, out } = await plan(project, "--stack", "prod", "--baseline", baseline);
            assert.strictEqual(code, 1);
            assert.match(out, /put signIn back as deployed and add `cognito-user-pool:successor: \{name: <a new pool name>, signIn: <the new signIn>\}`/);
        });
    });

    describe("bad usage or input: a message on stderr, exit 2", () => {
        const cases: [string, (project: ProjectCopy) => string[], RegExp][] = [
            ["an unknown option, with the usage", () => ["--stack", "dev", "--verbose"], /^error: unknown option --verbose\n\nusage: npm run plan/],
            ["an unknown stack, with the stacks there are", () => ["--stack", "qa"], /unknown stack "qa": there is no Pulumi\.qa\.yaml; stacks here: dev, prod, staging/],
            ["malformed YAML, with its line", (project) => {
                project.write("Pulumi.qa.yaml", "config:\n  cognito-user-pool:protect: true\n\tcognito-user-pool:userPool: {}\n");
                return ["--stack", "qa"];
            }, /Pulumi\.qa\.yaml:3: malformed YAML: Tabs are not allowed as indentation/],
            ["a baseline file that is not there", () => ["--stack", "dev", "--baseline", "/nonexistent/baseline.json"], /cannot read baseline \/nonexistent\/baseline\.json/],
            ["a baseline file that is not JSON", (project) => ["--stack", "dev", "--baseline", project.write("b.json", "{ nope")], /baseline .*b\.json is not JSON/],
            ["a malformed baseline, naming the key", (project) => ["--stack", "dev", "--baseline", project.write("b.json",
                JSON.stringify({ "cognito-sign-in-options-unchanged": { enforcementLevel: "mandatory", baseline: { source: "pulumi-state", stack: "dev", capturedAt: "2026-11-20T10:00:00Z", userPools: [], clients: {}, emailIdentities: {} } } }))],
            /malformed:\n {2}- "cognito-sign-in-options-unchanged"\.baseline\.userPools: expected an object/],
            ["a policy the pack does not have", (project) => ["--stack", "dev", "--baseline", project.write("b.json", JSON.stringify({ "cognito-no-such-policy": "mandatory" }))],
                /"cognito-no-such-policy": no such policy in the pack/],
        ];
        for (const [what, argv, message] of cases) {
            it(what, async () => {
                const { code, out, err } = await plan(project, ...argv(project));
                assert.strictEqual(code, 2);
                assert.strictEqual(out, "");
                assert.match(err, message);
            });
        }

        it("bad config, with every problem on its own line", async () => {
            project.override("dev", "password", "{minLength: 3}");
            project.override("dev", "tier", "gold");
            const { code, err } = await plan(project, "--stack", "dev");
            assert.strictEqual(code, 2);
            assert.match(err, /^error: Invalid stack configuration \(2 problems\):\n/);
            assert.match(err, /\n {2}- cognito-user-pool:tier: got "gold"; expected one of lite, essentials, plus\n/);
            assert.match(err, /\n {2}- cognito-user-pool:password\.minLength: got 3; expected a whole number from 6 to 99\n/);
        });

        it("a setting under a mistyped namespace, which the CLI would silently ignore, with a did-you-mean", async () => {
            project.edit("prod", "cognito-user-pool:userPool:", "cognito-userpool:userPool:");
            const { code, out, err } = await plan(project, "--stack", "prod");
            assert.strictEqual(code, 2);
            assert.strictEqual(out, "");
            assert.match(err, /\n {2}- cognito-userpool:userPool: unknown config namespace "cognito-userpool": .*; did you mean cognito-user-pool:userPool\?\n/);
        });
    });

    describe("as a process, through npm run", function () {
        this.timeout(120000);
        const npmRun = (...argv: string[]) => spawnSync("npm", ["run", "--silent", "plan", "--", ...argv], { cwd: repoRoot, encoding: "utf8" });

        before(function () {
            if (!fs.existsSync(path.join(repoRoot, "bin", "cli", "plan.js"))) {
                throw new Error("bin/cli/plan.js is missing: run `npm run build` first (npm test does)");
            }
        });

        it("prints the plan as JSON and exits 0 for a stack that passes", () => {
            const run = npmRun("--stack", "dev", "--json");
            assert.strictEqual(run.status, 0, run.stderr);
            assert.strictEqual((JSON.parse(run.stdout) as PlanReport).stack, "dev");
        });

        it("loads no AWS SDK client: it reads nothing from AWS, and loading the clients costs start-up time", () => {
            const run = spawnSync(process.execPath, ["-e",
                "require('./bin/cli/plan').main(['--stack', 'dev'], { projectDir: process.cwd(), stdout() {}, stderr() {} })" +
                ".then(() => console.log(Object.keys(require.cache).filter((file) => /@aws-sdk[\\\\/]client-/.test(file)).length))"],
            { cwd: repoRoot, encoding: "utf8" });
            assert.strictEqual(run.stdout.trim(), "0", run.stderr);
        });

        it("exits 1 on a mandatory violation and 2 on an unknown stack", async () => {
            // dev's baseline as if deployed case-sensitive: the repo's dev stack file would change a fixed setting.
            const copy = new ProjectCopy();
            try {
                copy.override("dev", "signIn", "{with: [username], caseSensitive: true}");
                const violated = npmRun("--stack", "dev", "--baseline", await copy.deployBaseline("dev"));
                assert.strictEqual(violated.status, 1, violated.stderr);
                assert.match(violated.stdout, /VIOLATED +mandatory +cognito-sign-in-options-unchanged/);
            } finally {
                copy.remove();
            }
            const unknown = npmRun("--stack", "qa");
            assert.strictEqual(unknown.status, 2);
            assert.match(unknown.stderr, /unknown stack "qa"/);
        });
    });
});
