import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { ClientSettings, clients, providerArgs } from "../config";

/**
 * The aws.cognito.UserPoolClient inputs for a client's settings (mapped as the catalogue says). An imported client
 * gets no generateSecret: the provider's Read never sets generate_secret, so its state holds null, and its
 * RequiresReplace plan modifier replaces the client when the program sends true or false (terraform-provider-aws
 * 6.x internal/service/cognitoidp/user_pool_client.go; the pack's table, policy-pack/src/fixed-settings/table.ts).
 */
export function appClientArgs(client: ClientSettings, userPoolId: pulumi.Input<string>, imported = false): aws.cognito.UserPoolClientArgs {
    const { generateSecret, ...args } = providerArgs(clients, client, {});
    return { ...args, ...(imported ? {} : { generateSecret }), userPoolId } as aws.cognito.UserPoolClientArgs;
}
