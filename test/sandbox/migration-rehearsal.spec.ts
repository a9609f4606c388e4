import { strict as assert } from "assert";
import * as fs from "fs";
import type { BrowserContext, Page } from "playwright-core";
import type { UserPoolArgs, UserPoolClientArgs } from "@pulumi/aws/cognito";
import type { Unwrap } from "@pulumi/pulumi";
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand, DescribeUserPoolCommand, ListUserPoolClientsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { main as migration } from "../../cli/migration";
import { evaluateStack } from "../../offline/evaluate";
import { readStackConfig } from "../../stack-files/reader";
import { createdTypes } from "../../sandbox/registered";
import { describedClient, describedPool } from "../aws/support/described-from-inputs";
import { Sandbox, startSandbox } from "../../sandbox/sandbox";
import { setEnvironment } from "../aws/support/local-aws";
import { capturingIO, ProjectCopy } from "../cli/support/project-copy";
import { launchChromium } from "./browser";
import { act, codeFor, pageReady } from "./support/page-steps";

interface Pools {
    readonly from: { readonly frontendConfig: { readonly UserPoolId: string } };
    readonly to: { readonly frontendConfig: { readonly UserPoolId: string } };
}

describe("npm run sandbox: a migration to a successor pool, rehearsed in headless Chromium", () => {
    let project: ProjectCopy;
    let browser: BrowserContext;
    let closeBrowser: () => Promise<void>;
    let sandbox: Sandbox;
    let page: Page;

    before(async () => {
        project = new ProjectCopy();
        fs.appendFileSync(project.stackFile("prod"), "  cognito-user-pool:successor:\n    name: myapp-prod-v2\n    phase: cutover\n    signIn: {with: [email]}\n");
        ({ browser, close: closeBrowser } = await launchChromium());
        sandbox = await startSandbox({ projectDir: project.dir, stack: "prod", port: 0, pagePort: 0, reset: false });
        page = await pageReady(browser, sandbox.pageUrl);
    });

    after(async () => {
        await sandbox?.stop();
        await closeBrowser?.();
        project?.remove();
    });

    it("creates both pools and runs the compiled migration trigger behind the local Lambda endpoint", () => {
        const made = sandbox.created.map((resource) => `${resource.type.split("/")[1]} ${resource.name}`);
        assert.deepEqual(made.sort(), [
            "userPool:UserPool myapp-prod", "userPool:UserPool myapp-prod-v2",
            "userPoolClient:UserPoolClient server", "userPoolClient:UserPoolClient server",
            "userPoolClient:UserPoolClient user-migration",
            "userPoolClient:UserPoolClient web", "userPoolClient:UserPoolClient web",
        ]);
        assert.ok(sandbox.notEmulated.some((line) => /UserMigration on a forgotten password/.test(line)));
        assert.ok(sandbox.notEmulated.some((line) => /aws:iam\/role:Role .*no IAM/.test(line)));
    });

    it("creates each pool and client with the settings the program registered (as cognito-local describes them)", async () => {
        const { resources } = await evaluateStack(readStackConfig(project.dir, "prod"));
        const cognito = new CognitoIdentityProviderClient({ endpoint: sandbox.endpoint, region: sandbox.region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
        const localId = (type: string, name: string, after = 0) =>
            sandbox.created.filter((made) => made.type === type && made.name === name)[after].localId;
        try {
            for (const pool of resources.filter((resource) => resource.type === createdTypes.userPool)) {
                const id = localId(pool.type, pool.inputs.name);
                const described = (await cognito.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
                const expected = describedPool(id, pool.inputs as Unwrap<UserPoolArgs>);
                for (const field of ["Name", "AutoVerifiedAttributes", "Policies", "MfaConfiguration", "UsernameConfiguration",
                    "AccountRecoverySetting", "UserPoolTags"] as const) {
                    assert.deepEqual(described[field], expected[field], `${pool.inputs.name}: ${field}`);
                }
                // An empty list or none: the same setting (AWS leaves out what cognito-local reports as []).
                for (const field of ["UsernameAttributes", "AliasAttributes"] as const) {
                    assert.deepEqual(described[field] ?? [], expected[field] ?? [], `${pool.inputs.name}: ${field}`);
                }
                // DescribeUserPool names a custom attribute `custom:<name>` (API_SchemaAttributeType).
                for (const attribute of expected.SchemaAttributes ?? []) {
                    const kept = described.SchemaAttributes?.find(({ Name }) => Name === attribute.Name || Name === `custom:${attribute.Name}`);
                    assert.deepEqual({ ...kept, Name: attribute.Name }, attribute, `${pool.inputs.name}: ${attribute.Name}`);
                }
            }
            for (const client of resources.filter((resource) => resource.type === createdTypes.client)) {
                const pool = resources.find((resource) => resource.id === client.inputs.userPoolId)!;
                const poolId = localId(pool.type, pool.inputs.name);
                const { UserPoolClients: listed = [] } = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 }));
                const ClientId = listed.find((kept) => kept.ClientName === client.inputs.name)!.ClientId;
                const described = (await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId }))).UserPoolClient!;
                const expected = describedClient(ClientId!, client.inputs as Unwrap<UserPoolClientArgs>);
                for (const field of ["ExplicitAuthFlows", "AccessTokenValidity", "IdTokenValidity", "RefreshTokenValidity", "TokenValidityUnits",
                    "PreventUserExistenceErrors", "EnableTokenRevocation"] as const) {
                    assert.deepEqual(described[field], expected[field], `${pool.inputs.name} ${client.inputs.name}: ${field}`);
                }
                assert.equal(described.ClientSecret !== undefined, expected.ClientSecret !== undefined, `${pool.inputs.name} ${client.inputs.name}: a secret`);
            }
        } finally {
            cognito.destroy();
        }
    });

    it("moves a user of the current pool at the first sign-in on the new one, with its old sub; npm run migration sees it", async () => {
        const { from, to } = sandbox.outputs.migration as Pools;
        await page.selectOption("#pool", { label: `current pool, users migrate from (migration.from): ${from.frontendConfig.UserPoolId}` });
        await act(page, "signup", { username: "carol", email: "carol@example.com", password: "Passw0rd!" });
        assert.match(await act(page, "confirm", { code: await codeFor(sandbox, "carol") }), /Confirmed carol/);
        assert.match(await act(page, "signin"), new RegExp(`Signed in as carol on ${from.frontendConfig.UserPoolId}`));
        const oldSub = JSON.parse((await page.textContent("#claims-id"))!).sub;
        await act(page, "signout");

        await page.selectOption("#pool", { label: `new pool, users migrate to (migration.to): ${to.frontendConfig.UserPoolId}` });
        const signedIn = await act(page, "signin", { username: "carol@example.com" });
        const invocations = sandbox.lambda.invocations.map(({ event, error, milliseconds, logs }) =>
            ({ triggerSource: event.triggerSource, error, milliseconds, logs }));
        assert.match(signedIn, new RegExp(`Signed in as carol@example.com on ${to.frontendConfig.UserPoolId}: tokens verified`),
            JSON.stringify(invocations, null, 2));
        const id = JSON.parse((await page.textContent("#claims-id"))!);
        assert.deepEqual([id.email, id["custom:legacy_sub"]], ["carol@example.com", oldSub]);
        const migrated = sandbox.lambda.invocations.find((invocation) => invocation.event.triggerSource === "UserMigration_Authentication");
        assert.deepEqual([migrated?.event.userPoolId, migrated?.error, migrated?.answer?.finalUserStatus],
            [to.frontendConfig.UserPoolId, undefined, "CONFIRMED"]);

        const restore = setEnvironment({
            AWS_ENDPOINT_URL: sandbox.endpoint, AWS_ACCESS_KEY_ID: "local", AWS_SECRET_ACCESS_KEY: "local", AWS_REGION: sandbox.region,
            AWS_PROFILE: undefined, AWS_SESSION_TOKEN: undefined,
        });
        try {
            const io = capturingIO(project.dir);
            assert.equal(await migration(["--stack", "prod", "--outputs", sandbox.outputsFile], io), 0, io.err());
            assert.match(io.out(), new RegExp(`current pool ${from.frontendConfig.UserPoolId}: 1 user\\n`));
            assert.match(io.out(), new RegExp(`new pool ${to.frontendConfig.UserPoolId}: 1 user, 1 of them migrated`));
            assert.match(io.out(), /left to migrate: 0/);
        } finally {
            restore();
        }
    });
});
