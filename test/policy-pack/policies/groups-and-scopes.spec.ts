import * as assert from "assert";
import { groupsAndScopesKept, groupUnchanged, resourceServerUnchanged } from "../../../policy-pack/src/policies";
import { Baseline } from "../../../policy-pack/src/fixed-settings";
import { CLIENT_TYPE, POOL_TYPE, poolUrn, resourceArgs, stackArgs, stackViolations, urnOf, violations } from "../support/args";
import { seedBaseline } from "../support/baseline";
import { POOL_ID, REGION, clientProps, poolProps } from "../support/fixtures";

const GROUP_TYPE = "aws:cognito/userGroup:UserGroup";
const SERVER_TYPE = "aws:cognito/resourceServer:ResourceServer";
const groupUrn = (stack = "dev", name = "admins") => urnOf(stack, GROUP_TYPE, `auth-group-${name}`);
const serverUrn = (stack = "dev", identifier = "orders-api") => urnOf(stack, SERVER_TYPE, `auth-resource-server-${identifier}`);

/** The seed's deployed stack with a group `admins` and a resource server `orders-api` in its pool. */
function deployed(stack = "dev"): Baseline {
    return {
        ...seedBaseline(stack),
        groups: { [groupUrn(stack)]: { id: `${POOL_ID}/admins`, region: REGION, name: "admins", userPool: poolUrn(stack) } },
        resourceServers: { [serverUrn(stack)]: { id: `${POOL_ID}|orders-api`, region: REGION, identifier: "orders-api", userPool: poolUrn(stack) } },
    };
}

const groupProps = (over: Record<string, unknown> = {}) => ({ name: "admins", userPoolId: POOL_ID, description: "Operators", precedence: 1, ...over });
const serverProps = (over: Record<string, unknown> = {}) => ({
    identifier: "orders-api", name: "Orders API", userPoolId: POOL_ID, scopes: [{ scopeName: "read", scopeDescription: "Read orders" }], ...over,
});

describe("policies cognito-group-unchanged and cognito-resource-server-unchanged (rows of the table)", () => {
    const group = (props: Record<string, unknown>, stack = "dev") =>
        violations(groupUnchanged, resourceArgs({ type: GROUP_TYPE, name: "auth-group-admins", props, stack, config: { baseline: deployed(stack) } }));
    const server = (props: Record<string, unknown>) =>
        violations(resourceServerUnchanged, resourceArgs({ type: SERVER_TYPE, name: "auth-resource-server-orders-api", props, config: { baseline: deployed() } }));

    it("pass a change of what the provider updates in place: a group's description, precedence and role, a server's name and scopes", async () => {
        assert.deepStrictEqual(await group(groupProps({ description: "Can change every order", precedence: 5, roleArn: "arn:aws:iam::123456789012:role/ops" })), []);
        assert.deepStrictEqual(await server(serverProps({ name: "Orders", scopes: [{ scopeName: "write", scopeDescription: "Change orders" }] })), []);
    });

    it("fail a deployed group given a new name under its URN, naming the input and the safe way", async () => {
        const [message, ...rest] = await group(groupProps({ name: "administrators" }));
        assert.deepStrictEqual(rest, []);
        assert.match(message, /^UserGroup "auth-group-admins" \(.*\): name is fixed at creation and differs from what is deployed\./);
        assert.match(message, /deployed: "admins"\n {2}new: {6}"administrators"/);
        assert.match(message, /a new, empty group, every membership of the deployed one lost/);
        assert.match(message, /add the new group beside the deployed one \(a new entry of cognito-user-pool:groups\), add its members to it/);
        assert.match(message, /input: `name`$/);
    });

    it("fail a resource server given a new identifier or another pool", async () => {
        const [identifier] = await server(serverProps({ identifier: "https://api.example.com" }));
        assert.match(identifier, /identifier is fixed at creation/);
        assert.match(identifier, /clients requesting `<identifier>\/<scope>` of the deployed one fail/);
        const [pool] = await server(serverProps({ userPoolId: "eu-west-1_Other" }));
        assert.match(pool, /userPoolId is fixed at creation[\s\S]*deployed: "eu-west-1_AbCdEf123"\n {2}new: {6}"eu-west-1_Other"/);
    });

    it("pass a group the baseline does not record (a new one), and judge nothing without a baseline", async () => {
        assert.deepStrictEqual(await violations(groupUnchanged, resourceArgs({ type: GROUP_TYPE, name: "auth-group-readers",
            props: groupProps({ name: "readers" }), config: { baseline: deployed() } })), []);
        assert.deepStrictEqual(await violations(groupUnchanged, resourceArgs({ type: GROUP_TYPE, name: "auth-group-admins", props: groupProps({ name: "x" }) })), []);
    });
});

describe("policy cognito-groups-and-scopes-kept (stack, protected stacks)", () => {
    const pool = { type: POOL_TYPE, name: "auth-pool", props: poolProps("prod") };
    const client = { type: CLIENT_TYPE, name: "auth-client-web", props: clientProps() };
    const admins = { type: GROUP_TYPE, name: "auth-group-admins", props: groupProps() };
    const ordersApi = { type: SERVER_TYPE, name: "auth-resource-server-orders-api", props: serverProps() };
    const run = (stack: string, resources: Parameters<typeof stackArgs>[1]) =>
        stackViolations(groupsAndScopesKept, stackArgs(stack, resources, { baseline: deployed(stack) }));

    it("passes while each deployed group and resource server is declared, whatever their changeable settings", async () => {
        assert.deepStrictEqual(await run("prod", [pool, client, { ...admins, props: groupProps({ precedence: 9 }) },
            { ...ordersApi, props: serverProps({ scopes: [] }) }]), []);
    });

    it("fails a removed group and a renamed resource server in a protected stack, naming the config key and the safe way", async () => {
        const renamed = { type: SERVER_TYPE, name: "auth-resource-server-orders", props: serverProps({ identifier: "orders" }) };
        const [group, server, ...rest] = await run("prod", [pool, client, renamed]);
        assert.deepStrictEqual(rest, []);
        assert.ok(group.message.startsWith(`UserGroup "auth-group-admins" (${groupUrn("prod")}), group "admins" (${POOL_ID}/admins), is deployed in this protected stack`), group.message);
        assert.match(group.message, /every membership in it/);
        assert.match(group.message, /instead: keep the group "admins" in cognito-user-pool:groups .*to rename it, add the new group beside it/);
        assert.match(server.message, /^ResourceServer "auth-resource-server-orders-api" .*resource server "orders-api"/);
        assert.match(server.message, /a client requesting "orders-api\/<scope>" is refused by Cognito/);
        assert.match(server.message, /instead: keep the resource server "orders-api" in cognito-user-pool:resourceServers/);
    });

    it("lets a group renamed with an alias of the deployed URN through", async () => {
        assert.deepStrictEqual(await run("prod", [pool, client, ordersApi,
            { type: GROUP_TYPE, name: "auth-group-ops", props: groupProps(), opts: { aliases: [groupUrn("prod")] } }]), []);
    });

    it("leaves a stack outside protectedStacks (dev) to the engine verdict of npm run up", async () => {
        assert.deepStrictEqual(await run("dev", [{ ...pool, props: poolProps() }, client]), []);
    });
});
