import {
    AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient,
    CreateGroupCommand, CreateGroupCommandInput, CreateUserPoolClientCommand, CreateUserPoolCommand, InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import * as assert from "assert";
import { userGroupArgs } from "../../components/groups-and-scopes";
import { parseStackSettings } from "../../config";
import { LocalAws, startLocalAws, useLocalAws } from "./support/local-aws";

/**
 * CreateGroup as the provider sends the program's inputs (terraform-provider-aws user_group.go,
 * resourceUserGroupCreate: GroupName and UserPoolId always, Description, Precedence and RoleArn when set).
 */
function createGroupRequest(inputs: Record<string, any>): CreateGroupCommandInput {
    return {
        GroupName: inputs.name, UserPoolId: inputs.userPoolId,
        ...(inputs.description ? { Description: inputs.description } : {}),
        ...(inputs.precedence ? { Precedence: inputs.precedence } : {}),
        ...(inputs.roleArn ? { RoleArn: inputs.roleArn } : {}),
    };
}

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));

describe("a stack's groups in its members' tokens (cognito-local: CreateGroup, AdminAddUserToGroup, cognito:groups)", function () {
    this.timeout(60_000);
    let local: LocalAws;
    let restoreEnvironment: () => void;
    let cognito: CognitoIdentityProviderClient;

    before(async () => {
        local = await startLocalAws();
        restoreEnvironment = useLocalAws(local);
        cognito = new CognitoIdentityProviderClient({});
    });

    after(async () => {
        cognito?.destroy();
        restoreEnvironment?.();
        await local?.stop();
    });

    it("lists the groups a member was added to in the cognito:groups claim of its ID and access tokens, and no others", async () => {
        const settings = parseStackSettings({ groups: [
            { name: "admins", description: "Operators", precedence: 1 }, { name: "readers", precedence: 10 }, { name: "auditors" },
        ] }, { project: "cognito-user-pool", stack: "local" });
        const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: "groups" }));
        const poolId = UserPool!.Id!;
        for (const group of settings.groups) {
            await cognito.send(new CreateGroupCommand(createGroupRequest(userGroupArgs(group, poolId) as Record<string, any>)));
        }
        const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
            UserPoolId: poolId, ClientName: "web", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }));
        await cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "ana", MessageAction: "SUPPRESS" }));
        await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "ana", Password: "Passw0rd!", Permanent: true }));
        for (const group of ["admins", "readers"]) {
            await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: "ana", GroupName: group }));
        }

        const { AuthenticationResult } = await cognito.send(new InitiateAuthCommand({
            ClientId: UserPoolClient!.ClientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "ana", PASSWORD: "Passw0rd!" } }));

        assert.deepStrictEqual(claimsOf(AuthenticationResult!.IdToken!)["cognito:groups"].sort(), ["admins", "readers"]);
        assert.deepStrictEqual(claimsOf(AuthenticationResult!.AccessToken!)["cognito:groups"].sort(), ["admins", "readers"]);
    });
});
