// Starts the policy pack exactly as the Pulumi engine does, and talks the analyzer protocol to it:
//   node <@pulumi/pulumi/cmd/run-policy-pack> <engine address> <pack dir>, cwd = pack dir,
// port read from the first line of stdout, then ConfigureStack, GetAnalyzerInfo, Configure, Analyze per
// resource and AnalyzeStack over gRPC, with the bindings and google-protobuf copy @pulumi/pulumi uses.
// The config sent in Configure is the file the real baseline command writes from the dev stack's state export
// (`npm run baseline -- --stack dev --state test/fixtures/state/dev.json --out <file>`, run as a process), and
// the resources analyzed are that state's pool and client as deployed, changed where a test says so.
import * as assert from "assert";
import { ChildProcess, execFileSync, spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import {
    AnalyzeRequest,
    AnalyzeResponse,
    AnalyzeStackRequest,
    AnalyzerInfo,
    AnalyzerProviderResource,
    AnalyzerResource,
    AnalyzerResourceOptions,
    AnalyzerStackConfigureRequest,
    ConfigureAnalyzerRequest,
    EnforcementLevel,
    PolicyConfig,
} from "@pulumi/pulumi/proto/analyzer_pb";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest } from "@pulumi/pulumi/proto/engine_pb";
import { POLICY_CATALOGUE, POLICY_NAMES } from "../../policy-pack/src";
import { BaselineRun, runBaselineCommand, stateFixture } from "../e2e/support/baseline-command";
import { FakePulumi } from "../aws/support/fake-pulumi";
import { CLIENT_TYPE, IDENTITY_TYPE, POOL_TYPE, UNKNOWN_STRING, clientUrn, componentUrn, poolUrn, urnOf } from "./support/args";

const ROOT = path.resolve(__dirname, "../..");
const PACK_DIR = path.join(ROOT, "policy-pack");
const RUN_POLICY_PACK = path.join(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "cmd", "run-policy-pack");

const LEVELS: Record<string, EnforcementLevel> = {
    advisory: EnforcementLevel.ADVISORY,
    mandatory: EnforcementLevel.MANDATORY,
    disabled: EnforcementLevel.DISABLED,
    remediate: EnforcementLevel.REMEDIATE,
};

/** Builds the pack like `npm ci` (prepare) would, when it has not been built. */
function ensureBuilt(): void {
    if (!fs.existsSync(path.join(PACK_DIR, "bin", "index.js"))) {
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", PACK_DIR], { stdio: "inherit" });
    }
}

/** The engine side the pack may dial back to: accepts Log calls. */
function startEngine(logs: string[]): Promise<{ server: grpc.Server; address: string }> {
    const server = new grpc.Server();
    server.addService(EngineService, {
        log: (call: grpc.ServerUnaryCall<LogRequest, Empty>, callback: grpc.sendUnaryData<Empty>) => {
            logs.push(call.request.getMessage());
            callback(null, new Empty());
        },
    } as unknown as grpc.UntypedServiceImplementation);
    return new Promise((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) =>
            err ? reject(err) : resolve({ server, address: `127.0.0.1:${port}` }),
        ),
    );
}

/** Spawns the pack; resolves with its port (first stdout line) and the time from spawn to that line. */
function startPack(engineAddress: string, stderr: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number; startMs: number }> {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [RUN_POLICY_PACK, engineAddress, PACK_DIR], {
        cwd: PACK_DIR,
        env: {
            ...process.env,
            ...env,
            PULUMI_NODEJS_STACK: "dev",
            PULUMI_NODEJS_PROJECT: "cognito-user-pool",
            PULUMI_NODEJS_ORGANIZATION: "organization",
            PULUMI_NODEJS_DRY_RUN: "true",
            PULUMI_CONFIG: "{}",
        },
        stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr!.on("data", d => stderr.push(String(d)));
    return new Promise((resolve, reject) => {
        let out = "";
        child.once("exit", code => reject(new Error(`policy pack exited with ${code} before printing its port:\n${stderr.join("")}`)));
        child.stdout!.on("data", d => {
            out += String(d);
            const nl = out.indexOf("\n");
            if (nl < 0) return;
            const first = out.slice(0, nl).trim();
            const startMs = Number(process.hrtime.bigint() - t0) / 1e6;
            child.removeAllListeners("exit");
            if (!/^\d+$/.test(first)) {
                reject(new Error(`first stdout line is not a port: ${JSON.stringify(first)}`));
                return;
            }
            resolve({ child, port: Number(first), startMs });
        });
    });
}

/** A resource's inputs in the dev stack's state export: what the engine sends for it while it is unchanged. */
function deployedProps(urn: string): Record<string, any> {
    const exported = JSON.parse(fs.readFileSync(stateFixture("dev"), "utf8"));
    const resource = exported.deployment.resources.find((r: { urn: string }) => r.urn === urn);
    if (!resource) throw new Error(`test/fixtures/state/dev.json holds no ${urn}`);
    const { __defaults, ...inputs } = resource.inputs;
    return inputs;
}

function poolProps(overrides: Record<string, unknown> = {}): Record<string, any> {
    return { ...deployedProps(poolUrn()), ...overrides };
}

function clientProps(): Record<string, any> {
    return deployedProps(clientUrn());
}

function call<Req, Res>(fn: (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => fn(req, (err, res) => (err ? reject(err) : resolve(res))));
}

function options(protect: boolean, parent: string): AnalyzerResourceOptions {
    const o = new AnalyzerResourceOptions();
    o.setProtect(protect);
    o.setParent(parent);
    o.setAliasesList([]);
    o.setIgnorechangesList([]);
    o.setAdditionalsecretoutputsList([]);
    return o;
}

/** The stack's default aws provider as the engine sends it with each resource: its inputs carry `aws:region`. */
function defaultProvider(region = "ap-northeast-2"): AnalyzerProviderResource {
    const p = new AnalyzerProviderResource();
    p.setType("pulumi:providers:aws");
    p.setName("default_7_48_0");
    p.setUrn("urn:pulumi:dev::cognito-user-pool::pulumi:providers:aws::default_7_48_0");
    p.setProperties(Struct.fromJavaScript({ region, skipCredentialsValidation: "false", skipRegionValidation: "true", version: "7.48.0" }));
    return p;
}

function analyzeRequest(type: string, name: string, urn: string, props: Record<string, unknown>, region?: string): AnalyzeRequest {
    const r = new AnalyzeRequest();
    r.setType(type);
    r.setName(name);
    r.setUrn(urn);
    r.setProperties(Struct.fromJavaScript(JSON.parse(JSON.stringify(props))));
    r.setOptions(options(false, componentUrn(urn.split("::")[0].slice("urn:pulumi:".length))));
    r.setProvider(defaultProvider(region));
    return r;
}

function stackResource(type: string, name: string, urn: string, props: Record<string, unknown>): AnalyzerResource {
    const parent = componentUrn(urn.split("::")[0].slice("urn:pulumi:".length));
    const r = new AnalyzerResource();
    r.setType(type);
    r.setName(name);
    r.setUrn(urn);
    r.setProperties(Struct.fromJavaScript(JSON.parse(JSON.stringify(props))));
    r.setOptions(options(false, parent));
    r.setParent(parent);
    r.setProvider(defaultProvider());
    return r;
}

function diagnostics(res: AnalyzeResponse): { policy: string; level: EnforcementLevel; message: string; urn: string }[] {
    return res.getDiagnosticsList().map(d => ({
        policy: d.getPolicyname(),
        level: d.getEnforcementlevel(),
        message: d.getMessage(),
        urn: d.getUrn(),
    }));
}

/** Configure as the CLI sends a policy-config file: each policy's level and its properties. */
function configureRequest(config: Record<string, string | { enforcementLevel?: string; [property: string]: unknown }>): ConfigureAnalyzerRequest {
    const req = new ConfigureAnalyzerRequest();
    for (const [name, entry] of Object.entries(config)) {
        const { enforcementLevel, ...properties } = typeof entry === "string" ? { enforcementLevel: entry } : entry;
        const pc = new PolicyConfig();
        pc.setEnforcementlevel(LEVELS[enforcementLevel ?? "advisory"]);
        pc.setProperties(Struct.fromJavaScript(JSON.parse(JSON.stringify(properties))));
        req.getPolicyconfigMap().set(name, pc);
    }
    return req;
}

/** Stops the pack and the engine side. */
async function stop(child: ChildProcess | undefined, engine: grpc.Server | undefined): Promise<void> {
    if (child && child.exitCode === null) {
        const exited = new Promise(resolve => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
    }
    engine?.forceShutdown();
}

describe("the policy pack under the engine's analyzer protocol", function () {
    this.timeout(60000);
    const logs: string[] = [];
    const stderr: string[] = [];
    let engine: grpc.Server | undefined;
    let child: ChildProcess | undefined;
    let client: AnalyzerClient;
    let startMs = 0;
    let scratch: string | undefined;
    let baseline: BaselineRun;

    before(async () => {
        ensureBuilt();
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "engine-protocol-"));
        baseline = runBaselineCommand("dev", stateFixture("dev"), path.join(scratch, "policy-baseline.dev.json"));
        const e = await startEngine(logs);
        engine = e.server;
        const pack = await startPack(e.address, stderr);
        child = pack.child;
        startMs = pack.startMs;
        client = new AnalyzerClient(`127.0.0.1:${pack.port}`, grpc.credentials.createInsecure());
    });

    after(async () => {
        client?.close();
        await stop(child, engine);
        if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
        console.log(`      policy pack start (spawn to port printed): ${startMs.toFixed(0)} ms`);
    });

    it("starts from compiled JS and prints nothing but its port first", () => {
        assert.ok(startMs > 0);
        assert.deepStrictEqual(stderr.join("").trim(), "");
    });

    it("configures the stack, describes itself, and takes each policy's level and config with a baseline", async () => {
        const stackReq = new AnalyzerStackConfigureRequest();
        stackReq.setStack("dev");
        stackReq.setProject("cognito-user-pool");
        stackReq.setOrganization("organization");
        stackReq.setDryRun(true);
        await call(client.configureStack.bind(client), stackReq);

        const info = await call<Empty, AnalyzerInfo>(client.getAnalyzerInfo.bind(client), new Empty());
        assert.strictEqual(info.getName(), "cognito-user-pool");
        assert.strictEqual(info.getVersion(), JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")).version);
        const policies = info.getPoliciesList();
        assert.deepStrictEqual(policies.map(p => p.getName()), POLICY_CATALOGUE.map(p => p.name));
        const signIn = policies.find(p => p.getName() === POLICY_NAMES.signInOptionsUnchanged)!;
        assert.strictEqual(signIn.getEnforcementlevel(), EnforcementLevel.MANDATORY);
        assert.ok(signIn.getConfigschema()?.getProperties()?.toJavaScript().baseline);

        await call(client.configure.bind(client), configureRequest(baseline.config as Record<string, string | { enforcementLevel?: string }>));
    });

    it("fails a changed sign-in option with one mandatory violation", async () => {
        const props = poolProps({ usernameAttributes: ["email"] });
        const res = await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client), analyzeRequest(POOL_TYPE, "auth-pool", poolUrn(), props));
        const ds = diagnostics(res);
        assert.strictEqual(ds.length, 1, JSON.stringify(ds, null, 2));
        assert.strictEqual(ds[0].policy, POLICY_NAMES.signInOptionsUnchanged);
        assert.strictEqual(ds[0].level, EnforcementLevel.MANDATORY);
        assert.match(ds[0].message, /usernameAttributes is fixed at creation[\s\S]*deployed: \[\][\s\S]*new: +\["email"\]/);
    });

    it("compares as the provider does: a dropped block is false, a standard attribute cannot join, a dropped generateSecret is null", async () => {
        const analyze = async (type: string, name: string, urn: string, props: Record<string, unknown>) =>
            diagnostics(await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client), analyzeRequest(type, name, urn, props)));
        // terraform-plugin-sdk v2 schema.go diffString: a removed case_sensitive compares as false, the deployed value.
        const { usernameConfiguration: _dropped, ...withoutBlock } = poolProps();
        assert.deepStrictEqual(await analyze(POOL_TYPE, "auth-pool", poolUrn(), withoutBlock), []);
        // user_pool.go resourceUserPoolUpdate sends new schema elements to AddCustomAttributes: no standard attribute can join later.
        const declared = poolProps();
        declared.schemas = [...declared.schemas, { name: "nickname", attributeDataType: "String", mutable: true,
            stringAttributeConstraints: { minLength: "0", maxLength: "2048" } }];
        const added = await analyze(POOL_TYPE, "auth-pool", poolUrn(), declared);
        assert.deepStrictEqual(added.map(d => [d.policy, d.level]), [[POLICY_NAMES.attributesUnchanged, EnforcementLevel.MANDATORY]]);
        assert.match(added[0].message, /schemas\[name=nickname\] is fixed at creation[\s\S]*AddCustomAttributes/);
        // user_pool_client.go generate_secret RequiresReplace: null (not sent) differs from the deployed false.
        const { generateSecret: _secret, ...withoutSecret } = clientProps();
        const unsent = await analyze(CLIENT_TYPE, "auth-client-web", clientUrn(), withoutSecret);
        assert.deepStrictEqual(unsent.map(d => [d.policy, d.level]), [[POLICY_NAMES.clientSecretUnchanged, EnforcementLevel.MANDATORY]]);
        assert.match(unsent[0].message, /deployed: false\n  new: +\(absent\)/);
    });

    it("warns of a new SES identity", async () => {
        const identityUrn = poolUrn().replace("aws:cognito/userPool:UserPool::auth-pool", "aws:sesv2/emailIdentity:EmailIdentity::auth-sender");
        const identity = diagnostics(await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client),
            analyzeRequest(IDENTITY_TYPE, "auth-sender", identityUrn, { ...deployedProps(identityUrn), emailIdentity: "dev.example.com" })));
        assert.deepStrictEqual(identity.map(d => [d.policy, d.level]), [[POLICY_NAMES.sesIdentityUnchanged, EnforcementLevel.ADVISORY]]);
    });

    it("passes the deployed pool and client, with the SES identity ARN unknown during preview", async () => {
        const pool = poolProps();
        pool.emailConfiguration.sourceArn = UNKNOWN_STRING;
        const res = await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client), analyzeRequest(POOL_TYPE, "auth-pool", poolUrn(), pool));
        assert.deepStrictEqual(diagnostics(res), []);
        const res2 = await call<AnalyzeRequest, AnalyzeResponse>(
            client.analyze.bind(client),
            analyzeRequest(CLIENT_TYPE, "auth-client-web", clientUrn(), clientProps()),
        );
        assert.deepStrictEqual(diagnostics(res2), []);
    });

    it("fails the pool and its client moved by the provider's region (aws:region), passes a new pool name", async () => {
        const moved = await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client),
            analyzeRequest(POOL_TYPE, "auth-pool", poolUrn(), poolProps(), "us-east-1"));
        const [d, ...rest] = diagnostics(moved);
        assert.deepStrictEqual(rest, []);
        assert.deepStrictEqual([d.policy, d.level], [POLICY_NAMES.regionUnchanged, EnforcementLevel.MANDATORY]);
        assert.match(d.message, /deployed: "ap-northeast-2"[\s\S]*new: +"us-east-1"[\s\S]*input: `region`/);
        const movedClient = await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client),
            analyzeRequest(CLIENT_TYPE, "auth-client-web", clientUrn(), clientProps(), "us-east-1"));
        assert.deepStrictEqual(diagnostics(movedClient).map(x => x.policy), [POLICY_NAMES.regionUnchanged]);
        const renamed = await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client),
            analyzeRequest(POOL_TYPE, "auth-pool", poolUrn(), poolProps({ name: "myapp-dev-renamed" })));
        assert.deepStrictEqual(diagnostics(renamed), []);
    });

    it("reports a deployed client that left the stack, at dev's advisory level", async () => {
        const withoutClient = new AnalyzeStackRequest();
        withoutClient.setResourcesList([stackResource(POOL_TYPE, "auth-pool", poolUrn(), poolProps())]);
        const ds = diagnostics(await call<AnalyzeStackRequest, AnalyzeResponse>(client.analyzeStack.bind(client), withoutClient));
        assert.deepStrictEqual(ds.map(d => [d.policy, d.level]), [[POLICY_NAMES.clientNotRemoved, EnforcementLevel.ADVISORY]]);
        assert.match(ds[0].message, /UserPoolClient "auth-client-web" .* is deployed/);
    });

    it("passes the stack with its pool, and fails it without", async () => {
        const full = new AnalyzeStackRequest();
        full.setResourcesList([
            stackResource(POOL_TYPE, "auth-pool", poolUrn(), poolProps()),
            stackResource(CLIENT_TYPE, "auth-client-web", clientUrn(), clientProps()),
        ]);
        const ok = await call<AnalyzeStackRequest, AnalyzeResponse>(client.analyzeStack.bind(client), full);
        assert.deepStrictEqual(diagnostics(ok), []);

        const withoutPool = new AnalyzeStackRequest();
        withoutPool.setResourcesList([stackResource(CLIENT_TYPE, "auth-client-web", clientUrn(), clientProps())]);
        const ds = diagnostics(await call<AnalyzeStackRequest, AnalyzeResponse>(client.analyzeStack.bind(client), withoutPool));
        assert.deepStrictEqual(ds.map(d => [d.policy, d.level]), [[POLICY_NAMES.poolNotRemoved, EnforcementLevel.MANDATORY]]);
    });

    it("with a deployed group and resource server in the baseline: fails a new group name or identifier, passes a new precedence or scope", async () => {
        const groupType = "aws:cognito/userGroup:UserGroup";
        const serverType = "aws:cognito/resourceServer:ResourceServer";
        const groupUrn = urnOf("dev", groupType, "auth-group-admins");
        const serverUrn = urnOf("dev", serverType, "auth-resource-server-orders-api");
        const poolId: string = JSON.parse(fs.readFileSync(stateFixture("dev"), "utf8")).deployment.resources
            .find((r: { urn: string }) => r.urn === poolUrn()).id;
        // The baseline `npm run baseline` writes once the stack has deployed them, under every fixed-settings policy.
        const config = JSON.parse(JSON.stringify(baseline.config)) as Record<string, { baseline?: Record<string, unknown> }>;
        for (const entry of Object.values(config).filter((e) => typeof e === "object" && e.baseline)) {
            entry.baseline!.groups = { [groupUrn]: { id: `${poolId}/admins`, region: "ap-northeast-2", name: "admins", userPool: poolUrn() } };
            entry.baseline!.resourceServers = { [serverUrn]: { id: `${poolId}|orders-api`, region: "ap-northeast-2", identifier: "orders-api", userPool: poolUrn() } };
        }
        await call(client.configure.bind(client), configureRequest(config as Record<string, string | { enforcementLevel?: string }>));
        const analyze = async (type: string, name: string, urn: string, props: Record<string, unknown>) =>
            diagnostics(await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client), analyzeRequest(type, name, urn, props)));

        assert.deepStrictEqual(await analyze(groupType, "auth-group-admins", groupUrn, { name: "admins", userPoolId: poolId, precedence: 7 }), []);
        assert.deepStrictEqual(await analyze(serverType, "auth-resource-server-orders-api", serverUrn,
            { identifier: "orders-api", name: "Orders", userPoolId: poolId, scopes: [{ scopeName: "write", scopeDescription: "Change orders" }] }), []);
        const renamed = await analyze(groupType, "auth-group-admins", groupUrn, { name: "administrators", userPoolId: poolId });
        assert.deepStrictEqual(renamed.map(d => [d.policy, d.level]), [[POLICY_NAMES.groupUnchanged, EnforcementLevel.MANDATORY]]);
        assert.match(renamed[0].message, /name is fixed at creation[\s\S]*every membership of the deployed one lost/);
        const moved = await analyze(serverType, "auth-resource-server-orders-api", serverUrn, { identifier: "orders", name: "Orders", userPoolId: poolId });
        assert.deepStrictEqual(moved.map(d => [d.policy, d.level]), [[POLICY_NAMES.resourceServerUnchanged, EnforcementLevel.MANDATORY]]);
    });

    it("with a deployed custom domain in the baseline: fails a prefix in its place, passes a new certificate ARN or managed login version", async () => {
        const domainType = "aws:cognito/userPoolDomain:UserPoolDomain";
        const domainUrn = urnOf("dev", domainType, "auth-domain");
        const poolId: string = JSON.parse(fs.readFileSync(stateFixture("dev"), "utf8")).deployment.resources
            .find((r: { urn: string }) => r.urn === poolUrn()).id;
        const certificate = (id: string) => `arn:aws:acm:us-east-1:123456789012:certificate/${id}`;
        const config = JSON.parse(JSON.stringify(baseline.config)) as Record<string, { baseline?: Record<string, unknown> }>;
        for (const entry of Object.values(config).filter((e) => typeof e === "object" && e.baseline)) {
            entry.baseline!.domains = { [domainUrn]: { id: "auth.example.com", region: "ap-northeast-2", domain: "auth.example.com",
                userPool: poolUrn(), certificateArn: certificate("0a1b2c3d") } };
        }
        await call(client.configure.bind(client), configureRequest(config as Record<string, string | { enforcementLevel?: string }>));
        const analyze = async (props: Record<string, unknown>) =>
            diagnostics(await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client), analyzeRequest(domainType, "auth-domain", domainUrn, props)));

        assert.deepStrictEqual(await analyze({ domain: "auth.example.com", certificateArn: certificate("9f8e7d6c"), managedLoginVersion: 2, userPoolId: poolId }), []);
        const prefixed = await analyze({ domain: "example-auth", managedLoginVersion: 1, userPoolId: poolId });
        assert.deepStrictEqual(prefixed.map(d => [d.policy, d.level]),
            [[POLICY_NAMES.domainUnchanged, EnforcementLevel.MANDATORY], [POLICY_NAMES.domainUnchanged, EnforcementLevel.MANDATORY]]);
        assert.match(prefixed.map(d => d.message).join("\n"), /domain is fixed at creation[\s\S]*certificateArn is fixed at creation/);
    });

    it("with passkeys deployed in the baseline: a new relying party id is blocked in a protected stack and a warning elsewhere; the same id with other changes passes", async () => {
        const config = JSON.parse(JSON.stringify(baseline.config)) as Record<string, { baseline?: { userPools: Record<string, Record<string, unknown>> }; protectedStacks?: string[] }>;
        for (const entry of Object.values(config).filter((e) => typeof e === "object" && e.baseline)) {
            entry.baseline!.userPools[poolUrn()].relyingPartyId = "auth.example.com";
        }
        const analyze = async (relyingPartyId: string, userVerification = "preferred") =>
            diagnostics(await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client), analyzeRequest(POOL_TYPE, "auth-pool", poolUrn(),
                poolProps({ webAuthnConfiguration: { relyingPartyId, userVerification } }))))
                .filter(d => d.policy === POLICY_NAMES.passkeysKept || d.policy === POLICY_NAMES.passkeysKeptAdvisory);

        await call(client.configure.bind(client), configureRequest(config as Record<string, string | { enforcementLevel?: string }>));
        assert.deepStrictEqual(await analyze("auth.example.com", "required"), []);
        const warned = await analyze("login.example.com");
        assert.deepStrictEqual(warned.map(d => [d.policy, d.level]), [[POLICY_NAMES.passkeysKeptAdvisory, EnforcementLevel.ADVISORY]]);

        // dev made a protected stack in both policies' config: the mandatory one judges it.
        for (const name of [POLICY_NAMES.passkeysKept, POLICY_NAMES.passkeysKeptAdvisory]) config[name].protectedStacks = ["dev"];
        await call(client.configure.bind(client), configureRequest(config as Record<string, string | { enforcementLevel?: string }>));
        const blocked = await analyze("login.example.com");
        assert.deepStrictEqual(blocked.map(d => [d.policy, d.level]), [[POLICY_NAMES.passkeysKept, EnforcementLevel.MANDATORY]]);
        assert.match(blocked[0].message, /webAuthnConfiguration\.relyingPartyId holds what users registered under it[\s\S]*input: `webAuthnConfiguration\.relyingPartyId`/);
        assert.deepStrictEqual(await analyze("auth.example.com", "required"), []);
    });

    it("with a deployed branding style in the baseline: reports new assets as advisory, passes new settings", async () => {
        const brandingType = "aws:cognito/managedLoginBranding:ManagedLoginBranding";
        const brandingUrn = urnOf("dev", brandingType, "auth-branding-web");
        const deployed = JSON.parse(fs.readFileSync(stateFixture("dev"), "utf8")).deployment.resources as { urn: string; id: string }[];
        const [poolId, clientId] = [poolUrn(), clientUrn()].map((urn) => deployed.find((r) => r.urn === urn)!.id);
        const logo = (byte: number) => ({ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: Buffer.from([0x89, 0x50, byte]).toString("base64") });
        const assets = [`FORM_LOGO/LIGHT/PNG/sha256:${createHash("sha256").update(Buffer.from([0x89, 0x50, 1])).digest("hex")}`];
        const config = JSON.parse(JSON.stringify(baseline.config)) as Record<string, { baseline?: Record<string, unknown> }>;
        for (const entry of Object.values(config).filter((e) => typeof e === "object" && e.baseline)) {
            entry.baseline!.brandings = { [brandingUrn]: { id: `${poolId},06c6ae7b-1e66-46d2-87a9-1203ea3307bd`, region: "ap-northeast-2",
                client: clientUrn(), userPool: poolUrn(), assets } };
        }
        await call(client.configure.bind(client), configureRequest(config as Record<string, string | { enforcementLevel?: string }>));
        const analyze = async (props: Record<string, unknown>) =>
            diagnostics(await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client), analyzeRequest(brandingType, "auth-branding-web", brandingUrn, props)));

        assert.deepStrictEqual(await analyze({ clientId, userPoolId: poolId, settings: '{"categories":{"global":{"colorSchemeMode":"DARK"}}}', assets: [logo(1)] }), []);
        const restyled = await analyze({ clientId, userPoolId: poolId, settings: "{}", assets: [logo(2)] });
        assert.deepStrictEqual(restyled.map(d => [d.policy, d.level]), [[POLICY_NAMES.brandingUnchanged, EnforcementLevel.ADVISORY]]);
        assert.match(restyled[0].message, /assets is fixed at creation[\s\S]*no user, session or setting of the client is lost/);
    });

    it("with a deployed identity provider in the baseline: fails a new name or type under its URN, passes new details, mapping or identifiers", async () => {
        const providerType = "aws:cognito/identityProvider:IdentityProvider";
        const providerUrn = urnOf("dev", providerType, "auth-identity-provider-Corp");
        const poolId: string = JSON.parse(fs.readFileSync(stateFixture("dev"), "utf8")).deployment.resources
            .find((r: { urn: string }) => r.urn === poolUrn()).id;
        const config = JSON.parse(JSON.stringify(baseline.config)) as Record<string, { baseline?: Record<string, unknown> }>;
        for (const entry of Object.values(config).filter((e) => typeof e === "object" && e.baseline)) {
            entry.baseline!.identityProviders = { [providerUrn]: { id: `${poolId}:Corp`, region: "ap-northeast-2", providerName: "Corp",
                providerType: "OIDC", userPool: poolUrn() } };
        }
        await call(client.configure.bind(client), configureRequest(config as Record<string, string | { enforcementLevel?: string }>));
        const analyze = async (props: Record<string, unknown>) => diagnostics(await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client),
            analyzeRequest(providerType, "auth-identity-provider-Corp", providerUrn, { userPoolId: poolId, ...props })));
        const details = { client_id: "corp-app", client_secret: "rotated", authorize_scopes: "openid email", oidc_issuer: "https://login.example.com" };

        assert.deepStrictEqual(await analyze({ providerName: "Corp", providerType: "OIDC", providerDetails: details,
            attributeMapping: { email: "mail" }, idpIdentifiers: ["example.com"] }), []);
        const renamed = await analyze({ providerName: "CorpSSO", providerType: "OIDC", providerDetails: details });
        assert.deepStrictEqual(renamed.map(d => [d.policy, d.level]), [[POLICY_NAMES.identityProviderUnchanged, EnforcementLevel.MANDATORY]]);
        assert.match(renamed[0].message, /providerName is fixed at creation[\s\S]*a new, empty profile/);
        const retyped = await analyze({ providerName: "Corp", providerType: "SAML", providerDetails: { MetadataURL: "https://idp.example.com/metadata" } });
        assert.deepStrictEqual(retyped.map(d => [d.policy, d.level]), [[POLICY_NAMES.identityProviderUnchanged, EnforcementLevel.MANDATORY]]);
        assert.match(retyped[0].message, /providerType is fixed at creation/);
    });
});

describe("the policy pack under the engine's analyzer protocol, given no baseline: it reads the stack's own state", function () {
    this.timeout(60000);
    const stderr: string[] = [];
    let pulumi: FakePulumi;
    let engine: grpc.Server | undefined;
    let child: ChildProcess | undefined;
    let client: AnalyzerClient;
    const analyze = async (req: AnalyzeRequest) => diagnostics(await call<AnalyzeRequest, AnalyzeResponse>(client.analyze.bind(client), req));

    before(async () => {
        ensureBuilt();
        pulumi = new FakePulumi();
        pulumi.stateOf("organization/cognito-user-pool/dev", JSON.parse(fs.readFileSync(stateFixture("dev"), "utf8")));
        pulumi.failsToRead("organization/cognito-user-pool/qa", "error: [500] Internal Server Error\n");
        const e = await startEngine([]);
        engine = e.server;
        const pack = await startPack(e.address, stderr, { PATH: `${pulumi.dir}${path.delimiter}${process.env.PATH}` });
        child = pack.child;
        client = new AnalyzerClient(`127.0.0.1:${pack.port}`, grpc.credentials.createInsecure());
        // A policy group enabled without config: each policy at its default level, no properties.
        await call(client.configure.bind(client), configureRequest(Object.fromEntries(POLICY_CATALOGUE.map(p => [p.name, p.defaultLevel]))));
    });

    after(async () => {
        client?.close();
        await stop(child, engine);
        pulumi?.remove();
    });

    it("fails a changed sign-in option against the state it exported once, and passes the deployed client", async () => {
        const t0 = process.hrtime.bigint();
        const changed = await analyze(analyzeRequest(POOL_TYPE, "auth-pool", poolUrn(), poolProps({ usernameAttributes: ["email"] })));
        const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
        const unchangedClient = await analyze(analyzeRequest(CLIENT_TYPE, "auth-client-web", clientUrn(), clientProps()));

        assert.deepStrictEqual(changed.map(d => [d.policy, d.level]), [[POLICY_NAMES.signInOptionsUnchanged, EnforcementLevel.MANDATORY]]);
        assert.match(changed[0].message, /usernameAttributes is fixed at creation[\s\S]*deployed: \[\][\s\S]*new: +\["email"\]/);
        assert.deepStrictEqual(unchangedClient, []);
        assert.deepStrictEqual(pulumi.calls().map(c => c.args), [["stack", "export", "--stack", "organization/cognito-user-pool/dev"]]);
        console.log(`      first analysis, with the stack export through the stand-in CLI: ${firstMs.toFixed(0)} ms`);
    });

    it("fails closed on a stack whose state it cannot read: a mandatory violation per guarded resource, and once for the stack", async () => {
        const pool = await analyze(analyzeRequest(POOL_TYPE, "auth-pool", poolUrn("qa"), poolProps()));
        const stack = new AnalyzeStackRequest();
        stack.setResourcesList([stackResource(POOL_TYPE, "auth-pool", poolUrn("qa"), poolProps())]);
        const stackWide = diagnostics(await call<AnalyzeStackRequest, AnalyzeResponse>(client.analyzeStack.bind(client), stack));

        assert.deepStrictEqual(pool.map(d => [d.policy, d.level]), [
            [POLICY_NAMES.signInOptionsUnchanged, EnforcementLevel.MANDATORY],
            [POLICY_NAMES.attributesUnchanged, EnforcementLevel.MANDATORY],
            [POLICY_NAMES.regionUnchanged, EnforcementLevel.MANDATORY],
            // qa is not a protected stack: the passkeys' relying party id is judged there at the advisory level.
            [POLICY_NAMES.passkeysKeptAdvisory, EnforcementLevel.ADVISORY],
        ]);
        for (const d of pool) {
            assert.match(d.message, /cannot be compared with what this stack has deployed, so it is not let through \(fail closed\): `pulumi stack export --stack organization\/cognito-user-pool\/qa` failed \(exit 255\): error: \[500\] Internal Server Error/);
        }
        assert.deepStrictEqual(stackWide.map(d => [d.policy, d.level]), [[POLICY_NAMES.baselineOfThisStack, EnforcementLevel.MANDATORY]]);
        assert.strictEqual(stderr.join("").trim(), "", "nothing on the pack's stderr");
    });
});
