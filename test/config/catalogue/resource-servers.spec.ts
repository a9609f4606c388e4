import { strict as assert } from "assert";
import {
    declaredScopes,
    entriesOf,
    parseStackSettings,
    resourceServerArgs,
    resourceServerFromDescribed,
    ResourceServerInput,
    resourceServers,
} from "../../../config";
import { describedResourceServer, plain } from "../../aws/support/described-from-inputs";
import { assertProblems, context } from "../support/problems";
import { describeRoundTrip } from "../support/round-trip";

describe("resource servers (config/catalogue/resource-servers)", () => {
    it("takes an identifier, a name and scopes with their descriptions; a client requests <identifier>/<scope>", () => {
        const settings = parseStackSettings({ resourceServers: [
            { identifier: "https://api.example.com", name: "Example API", scopes: { "orders.read": "Read orders" } },
            { identifier: "reports", name: "Reports" },
        ] }, context);
        assert.deepStrictEqual(settings.resourceServers[1].scopes, {});
        assert.deepStrictEqual(declaredScopes(settings.resourceServers), ["https://api.example.com/orders.read"]);
    });

    it("maps a resource server's scopes to the provider's list of name and description", () => {
        const parsed = parseStackSettings({ resourceServers: [
            { identifier: "orders-api", name: "Orders API", scopes: { read: "Read orders", write: "Change orders" } },
        ] }, context);
        assert.deepStrictEqual(resourceServerArgs(parsed.resourceServers[0], "pool"), {
            identifier: "orders-api", name: "Orders API", userPoolId: "pool",
            scopes: [{ scopeName: "read", scopeDescription: "Read orders" }, { scopeName: "write", scopeDescription: "Change orders" }],
        });
    });

    it("refuses what CreateResourceServer refuses, every problem at once", () => {
        const scopes = Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`s${index}`, "a scope"]));
        assertProblems({ resourceServers: [
            { identifier: "orders api", name: "Orders / API", scopes: { "orders/read": "x", write: "" } },
            { identifier: "big", name: "Big", scopes },
            { identifier: "big", name: "Again" },
        ] }, [
            `cognito-user-pool:resourceServers[0].identifier: got "orders api"; expected 1 to 256 printable ASCII characters, without spaces, " or \\`,
            `cognito-user-pool:resourceServers[0].name: got "Orders / API"; expected 1 to 256 letters, digits, spaces or + = , . @ - _`,
            `cognito-user-pool:resourceServers[0].scopes.orders/read: got "orders/read"; expected a scope name of 1 to 256 printable ASCII characters, without spaces, /, " or \\`,
            `cognito-user-pool:resourceServers[0].scopes.write: got ""; expected a description of 1 to 256 characters`,
            `cognito-user-pool:resourceServers[1].scopes: got {"s0":"a scope","s1":"a scope","s2":"a scope","s3":"a scope","s4":"a scope","...; expected at most 100 scopes`,
            `cognito-user-pool:resourceServers[2].identifier: got "big"; expected an identifier not used by another resource server`,
        ]);
    });

    it("adopts only resource servers the stack declares", () => {
        assertProblems({ resourceServers: [{ identifier: "orders-api", name: "Orders" }], import: { userPool: "us-east-1_AbCdEf123", resourceServers: ["billing"] } }, [
            `cognito-user-pool:import.resourceServers[0]: got "billing"; expected one of resourceServers (orders-api)`,
        ]);
    });
});

describeRoundTrip("a resource server: settings → aws.cognito.ResourceServer inputs → its ListResourceServers item → settings", {
    entries: entriesOf(resourceServers),
    parse: (server: ResourceServerInput) => parseStackSettings({ resourceServers: [server] }, context).resourceServers[0],
    args: (server) => plain(resourceServerArgs(server, "us-east-1_Pool1")),
    describe: describedResourceServer,
    read: resourceServerFromDescribed,
    bases: [{ identifier: "orders-api", name: "Orders" }],
    variations: {
        identifier: ["https://api.example.com", "reports"],
        name: ["Orders API", "Orders_v2 @ example.com"],
        scopes: [{ read: "Read orders" }, { "orders.read": "Read orders", "orders.write": "Change orders" }],
    },
});
