import * as cognito from "@pulumi/aws/cognito";
import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as path from "path";
import { ClientSettings, DomainSettings, managedLoginBrandingArgs, managedLoginVersions } from "../config";

/**
 * The clients a managed login domain serves no pages for: with ManagedLoginVersion 2, "you must create a branding
 * style yourself" for each client (API reference, CreateUserPoolDomain); a client signing in through the pages (code
 * or implicit) without one gets none, while validation cannot know whether the style comes later.
 */
export function unstyledClients(clients: readonly ClientSettings[], domain: DomainSettings | undefined): string[] {
    return domain?.managedLoginVersion !== managedLoginVersions.managedLogin ? [] : clients
        .filter((client) => client.branding === undefined && client.oauth?.flows.some((flow) => flow !== "client_credentials"))
        .map((client) => client.name);
}

/** The warning for each client a managed login domain serves no pages for. */
export function unstyledClientWarning(client: string): string {
    return `the domain serves managed login (managedLoginVersion 2), which shows ${client} no sign-in page until it has a branding style: ` +
        `give it branding (cognito for Cognito's default style), or set domain.managedLoginVersion to 1 (the classic hosted UI)`;
}

export interface BrandingArgs {
    readonly clients: readonly ClientSettings[];
    /** The pool's clients by name. */
    readonly clientResources: Readonly<Record<string, cognito.UserPoolClient>>;
    readonly userPool: cognito.UserPool;
    readonly parent: pulumi.Resource;
    /** Where the asset files are: the project directory. */
    readonly projectDir: string;
    /** Whether the style's inputs are secrets (the `clients` key is). Default: false. */
    readonly secret?: (args: cognito.ManagedLoginBrandingArgs) => cognito.ManagedLoginBrandingArgs;
    /** Existing styles to adopt: the pool's id and each client's style id, by client name. Default: none. */
    readonly adopt?: { readonly userPool?: string; readonly brandings: Readonly<Record<string, string>> };
}

/**
 * One managed login branding style per branded client, named after the client. deleteBeforeReplace: a change of
 * the client, the pool or any asset replaces the style (terraform-provider-aws managed_login_branding.go, Schema:
 * RequiresReplace), and Pulumi's default, creating the new style first, would be refused while the old one still
 * styles the client: CreateManagedLoginBranding throws ManagedLoginBrandingExistsException "when you attempt to apply
 * a managed login branding style to an app client that already has an assigned style" (@aws-sdk/client-cognito-
 * identity-provider CreateManagedLoginBrandingCommand.d.ts). The client's pages go without the style between the calls.
 */
export function managedLoginBrandings(name: string, args: BrandingArgs): Record<string, cognito.ManagedLoginBranding> {
    const { userPool, parent, adopt } = args;
    const bytesOf = (file: string) => fs.readFileSync(path.join(args.projectDir, file)).toString("base64");
    const secret = args.secret ?? ((inputs) => inputs);
    return Object.fromEntries(args.clients.filter((client) => client.branding !== undefined).map((client) => {
        // The provider imports a style by `<pool id>,<style id>`.
        const adopted = adopt?.userPool !== undefined && adopt.brandings[client.name] !== undefined
            ? `${adopt.userPool},${adopt.brandings[client.name]}` : undefined;
        return [client.name, new cognito.ManagedLoginBranding(`${name}-branding-${client.name}`, secret({
            ...managedLoginBrandingArgs(client.branding!, bytesOf),
            clientId: args.clientResources[client.name].id,
            userPoolId: userPool.id,
        }), { parent, deleteBeforeReplace: true, import: adopted })];
    }));
}
