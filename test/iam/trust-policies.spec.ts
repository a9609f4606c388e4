import { strict as assert } from "assert";
import { policyFile } from "./support/simulator";

/*
 * GitHub's OIDC token names the job in `sub`: `repo:<owner>/<repo>:environment:<name>` for a job in an environment,
 * `repo:<owner>/<repo>:pull_request` for a pull-request job (docs.github.com, "OpenID Connect reference", Subject
 * claims). IAM compares it with the token.actions.githubusercontent.com:sub condition key
 * (IAM User Guide, id_roles_create_for-idp_oidc.html, "Configuring a role for GitHub OIDC identity provider").
 */
describe("the OIDC trust policies of the roles (iam/trust/*.json, templates)", () => {
    const trust = (file: string) => {
        const document = policyFile(`trust/${file}`);
        assert.equal(document.Statement.length, 1, file);
        return document.Statement[0] as { Effect: string; Principal: { Federated: string }; Action: string; Condition: Record<string, Record<string, string>> };
    };

    for (const [file, subject] of [["deploy-role.json", "repo:ORG/REPO:environment:STACK"], ["preview-role.json", "repo:ORG/REPO:pull_request"]]) {
        it(`${file} trusts GitHub's tokens for ${subject} exactly, with no session tags`, () => {
            const statement = trust(file);
            assert.equal(statement.Effect, "Allow");
            assert.equal(statement.Principal.Federated, "arn:aws:iam::ACCOUNT_ID:oidc-provider/token.actions.githubusercontent.com");
            // No sts:TagSession: a session tag would override the role's cognito-user-pool:stack tag (aws:PrincipalTag).
            assert.equal(statement.Action, "sts:AssumeRoleWithWebIdentity");
            assert.deepEqual(statement.Condition, { StringEquals: {
                "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub": subject,
            } });
        });
    }
});
