import { assertAccepted, assertProblems } from "../support/problems";

/** The domain that serves the clients' OAuth endpoints. */
const domain = { prefix: "example-auth" };

const ordersApi = { identifier: "orders-api", name: "Orders API", scopes: { read: "Read orders", write: "Change orders" } };
const machine = (scopes: string[]) => ({ name: "jobs", type: "confidential", oauth: { flows: ["client_credentials"], scopes } });

describe("a client's custom scopes are declared by a resource server of the stack (config/rules/declared-scopes)", () => {
    it("accepts a client_credentials client that requests declared scopes", () => {
        assertAccepted({ domain, resourceServers: [ordersApi], clients: [{ name: "web" }, machine(["orders-api/read", "orders-api/write"])] });
    });

    it("refuses a scope no resource server declares, naming the declared ones", () => {
        assertProblems({ domain, resourceServers: [ordersApi], clients: [{ name: "web" }, machine(["orders-api/read", "orders-api/delete", "billing/read"])] }, [
            `cognito-user-pool:clients[1].oauth.scopes[1]: got "orders-api/delete"; expected a scope a resource server of this stack declares (resourceServers): orders-api/read, orders-api/write`,
            `cognito-user-pool:clients[1].oauth.scopes[2]: got "billing/read"; expected a scope a resource server of this stack declares (resourceServers): orders-api/read, orders-api/write`,
        ]);
    });

    it("says what to add when the stack declares no resource server", () => {
        assertProblems({ domain, clients: [machine(["https://api.example.com/orders.read"])] }, [
            `cognito-user-pool:clients[0].oauth.scopes[0]: got "https://api.example.com/orders.read"; no resource server of this stack declares it: ` +
                "add one under resourceServers (identifier: https://api.example.com, scopes: {orders.read: <description>})",
        ]);
    });

    it("lets a client for people request the standard OIDC scopes and declared custom ones, and nothing else", () => {
        const web = (scopes: string[]) => ({ name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/cb"], scopes } });
        assertAccepted({ domain, resourceServers: [ordersApi], clients: [web(["openid", "email", "profile", "phone", "aws.cognito.signin.user.admin", "orders-api/read"])] });
        assertProblems({ domain, resourceServers: [ordersApi], clients: [web(["openid", "orders-api/admin"])] }, [
            `cognito-user-pool:clients[0].oauth.scopes[1]: got "orders-api/admin"; expected a scope a resource server of this stack declares (resourceServers): orders-api/read, orders-api/write`,
        ]);
    });

    it("checks the successor's clients against the successor's resource servers", () => {
        assertProblems({
            domain, resourceServers: [ordersApi], clients: [machine(["orders-api/read"])],
            successor: { name: "next", domain: { prefix: "example-auth-next" }, resourceServers: [{ ...ordersApi, scopes: { write: "Change orders" } }] },
        }, [
            `cognito-user-pool:successor.clients[0].oauth.scopes[0]: got "orders-api/read"; expected a scope a resource server of this stack declares (resourceServers): orders-api/write`,
        ]);
    });
});
