import {
    AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient, CreateUserPoolClientCommand,
    CreateUserPoolCommand, InitiateAuthCommand, SchemaAttributeType, UsernameAttributeType,
} from "@aws-sdk/client-cognito-identity-provider";

/** A pool of cognito-local and its app client that signs in with USER_PASSWORD_AUTH, as a migrating app must. */
export interface LocalPool {
    readonly poolId: string;
    readonly clientId: string;
}

export async function createPool(cognito: CognitoIdentityProviderClient, name: string, schema: SchemaAttributeType[],
    usernameAttributes: UsernameAttributeType[] = [], caseSensitive = true): Promise<LocalPool> {
    const { UserPool } = await cognito.send(new CreateUserPoolCommand({
        PoolName: name, Schema: schema, UsernameAttributes: usernameAttributes, UsernameConfiguration: { CaseSensitive: caseSensitive },
    }));
    const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id, ClientName: "web", ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    }));
    return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
}

/** The old pool's client the function checks passwords through (ADMIN_USER_PASSWORD_AUTH only). */
export async function createMigrationClient(cognito: CognitoIdentityProviderClient, poolId: string): Promise<string> {
    const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
        UserPoolId: poolId, ClientName: "user-migration", ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH"],
    }));
    return UserPoolClient!.ClientId!;
}

/** Creates a confirmed user with a permanent password; returns its sub. */
export async function createUser(cognito: CognitoIdentityProviderClient, poolId: string, username: string,
    attributes: Record<string, string>, password: string): Promise<string> {
    const { User } = await cognito.send(new AdminCreateUserCommand({
        UserPoolId: poolId, Username: username, MessageAction: "SUPPRESS",
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }));
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: password, Permanent: true }));
    return User!.Attributes!.find((attribute) => attribute.Name === "sub")!.Value!;
}

/** Signs in with USER_PASSWORD_AUTH, the flow that hands the migration trigger the password. */
export function signIn(cognito: CognitoIdentityProviderClient, pool: LocalPool, username: string, password: string) {
    return cognito.send(new InitiateAuthCommand({
        ClientId: pool.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: username, PASSWORD: password },
    }));
}
