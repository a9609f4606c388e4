import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { ClientSettings, clients, providerArgs } from "../config";

/** The aws.cognito.UserPoolClient inputs for a client's settings (mapped as the catalogue says). */
export function appClientArgs(client: ClientSettings, userPoolId: pulumi.Input<string>): aws.cognito.UserPoolClientArgs {
    return { ...providerArgs(clients, client, {}), userPoolId } as aws.cognito.UserPoolClientArgs;
}
