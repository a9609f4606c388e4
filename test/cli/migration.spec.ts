import {
    AdminCreateUserCommand, CognitoIdentityProviderClient, CreateGroupCommand, CreateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { strict as assert } from "assert";
import * as fs from "fs";
import { main } from "../../cli/migration";
import { FakePulumi } from "../aws/support/fake-pulumi";
import { LocalAws, startLocalAws, useLocalAws } from "../aws/support/local-aws";
import { capturingIO, ProjectCopy } from "./support/project-copy";

describe("npm run migration", () => {
    let local: LocalAws;
    let pulumi: FakePulumi;
    let project: ProjectCopy;
    const restore: (() => void)[] = [];
    const subs: Record<string, string> = {};
    let oldPoolId: string;
    let newPoolId: string;

    async function run(...argv: string[]) {
        const io = capturingIO(project.dir);
        const code = await main(argv, io);
        return { code, out: io.out(), err: io.err() };
    }

    before(async () => {
        local = await startLocalAws();
        restore.push(useLocalAws(local));
        pulumi = new FakePulumi();
        restore.push(pulumi.onPath());
        project = new ProjectCopy();
        fs.appendFileSync(project.stackFile("prod"), "  cognito-user-pool:successor:\n    name: myapp-prod-v2\n    phase: cutover\n    signIn: {with: [email]}\n");
        const cognito = new CognitoIdentityProviderClient({});
        oldPoolId = (await cognito.send(new CreateUserPoolCommand({ PoolName: "myapp-prod" }))).UserPool!.Id!;
        newPoolId = (await cognito.send(new CreateUserPoolCommand({
            PoolName: "myapp-prod-v2", UsernameAttributes: ["email"],
            Schema: [{ Name: "legacy_sub", AttributeDataType: "String", Mutable: false }],
        }))).UserPool!.Id!;
        for (const name of ["alice", "bob", "carol"]) {
            const { User } = await cognito.send(new AdminCreateUserCommand({
                UserPoolId: oldPoolId, Username: name, MessageAction: "SUPPRESS",
                UserAttributes: [{ Name: "email", Value: `${name}@example.com` }, { Name: "email_verified", Value: "true" }],
            }));
            subs[name] = User!.Attributes!.find((attribute) => attribute.Name === "sub")!.Value!;
        }
        await cognito.send(new AdminCreateUserCommand({
            UserPoolId: newPoolId, Username: "alice@example.com", MessageAction: "SUPPRESS",
            UserAttributes: [{ Name: "email", Value: "alice@example.com" }, { Name: "custom:legacy_sub", Value: subs.alice }],
        }));
        await cognito.send(new AdminCreateUserCommand({ UserPoolId: newPoolId, Username: "dave@example.com", MessageAction: "SUPPRESS" }));
        for (const [poolId, group] of [[oldPoolId, "admins"], [oldPoolId, "editors"], [oldPoolId, "auditors"], [newPoolId, "admins"]]) {
            await cognito.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: group }));
        }
        pulumi.outputsOf("prod", { migration: { phase: "cutover", from: { userPoolId: oldPoolId }, to: { userPoolId: newPoolId } } });
    });

    after(async () => {
        restore.reverse().forEach((undo) => undo());
        project?.remove();
        pulumi?.remove();
        await local?.stop();
    });

    it("counts the users of both pools and those left to migrate, matched by custom:legacy_sub, and names the groups the new pool lacks", async () => {
        const { code, out, err } = await run("--stack", "prod");
        assert.equal(err, "");
        assert.equal(code, 0);
        assert.equal(out, [
            "Migration of stack prod to its successor pool, phase cutover",
            `  current pool ${oldPoolId}: 3 users`,
            `  new pool ${newPoolId}: 2 users, 1 of them migrated`,
            "  left to migrate: 2",
            `  groups of the current pool the new pool lacks: editors, auditors (create them in ${newPoolId}, with their precedence and IAM role, or their memberships do not move)`,
            "",
        ].join("\n"));
    });

    it("refuses the finish phase while users remain (exit 1), unless told to go ahead", async () => {
        const refused = await run("--stack", "prod", "--finish");
        assert.equal(refused.code, 1);
        assert.match(refused.err, /^refused: 2 users of the current pool have not migrated/);
        const told = await run("--stack", "prod", "--finish", "--users-remain-ok");
        assert.equal(told.code, 0);
        assert.match(told.out, /ready: set cognito-user-pool:successor\.phase to finish/);
    });

    it("writes the users left as the CSV of a user import job, with the new pool's header", async () => {
        const file = project.write("remaining.csv", "");
        const { code } = await run("--stack", "prod", "--csv", file);
        assert.equal(code, 0);
        const [header, ...rows] = fs.readFileSync(file, "utf8").trimEnd().split("\n");
        const columns = header.split(",");
        assert.deepEqual(columns.slice(-3), ["custom:legacy_sub", "cognito:mfa_enabled", "cognito:username"]);
        const records = rows.map((row) => Object.fromEntries(row.split(",").map((value, index) => [columns[index], value])));
        assert.deepEqual(records.map((record) => [record["cognito:username"], record.email, record.email_verified, record["custom:legacy_sub"], record["cognito:mfa_enabled"]]).sort(), [
            ["bob@example.com", "bob@example.com", "true", subs.bob, "false"],
            ["carol@example.com", "carol@example.com", "true", subs.carol, "false"],
        ]);
    });

    it("says when the stack has no successor (exit 2)", async () => {
        const { code, err } = await run("--stack", "dev");
        assert.equal(code, 2);
        assert.match(err, /stack dev declares no successor pool \(cognito-user-pool:successor in Pulumi\.dev\.yaml\)/);
    });
});
