import { strict as assert } from "assert";
import { evaluate, ofType, only, resourceTypes, stackConfig, withSettings } from "../support/program";

const groupType = "aws:cognito/userGroup:UserGroup";
const resourceServerType = "aws:cognito/resourceServer:ResourceServer";

const settings = {
    groups: [{ name: "admins", description: "Operators", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/admins" }, { name: "readers" }],
    resourceServers: [{ identifier: "orders-api", name: "Orders API", scopes: { read: "Read orders", write: "Change orders" } }],
    clients: [{ name: "web" }, { name: "jobs", type: "confidential", oauth: { flows: ["client_credentials"], scopes: ["orders-api/read"] } }],
    domain: { prefix: "example-auth" },
};

describe("groups and resource servers (components/groups-and-scopes)", () => {
    it("registers each group and resource server in the pool, parented to the SignInBackend, named after its identity", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("dev"), settings));
        const backend = only(resources, resourceTypes.backend);
        const pool = only(resources, resourceTypes.userPool);
        const members = [...ofType(resources, groupType), ...ofType(resources, resourceServerType)];
        assert.deepStrictEqual(members.map((resource) => resource.name).sort(), ["auth-group-admins", "auth-group-readers", "auth-resource-server-orders-api"]);
        for (const member of members) {
            assert.equal(member.parent, backend.urn);
            assert.ok(member.dependencies?.includes(pool.urn), `${member.name} takes the pool's id`);
        }
    });

    it("creates a client only after the resource servers whose scopes it may request", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("dev"), settings));
        const server = only(resources, resourceServerType);
        for (const client of ofType(resources, resourceTypes.client)) {
            assert.ok(client.dependencies?.includes(server.urn), `${client.name} waits for ${server.name}`);
        }
    });

    it("registers none in a stack that declares none, and no extra dependency for its clients", async () => {
        const { resources } = await evaluate(stackConfig("dev"));
        assert.deepStrictEqual([...ofType(resources, groupType), ...ofType(resources, resourceServerType)], []);
        assert.deepStrictEqual(only(resources, resourceTypes.client).dependencies, [only(resources, resourceTypes.userPool).urn]);
    });
});
