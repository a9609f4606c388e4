import {
    Baseline,
    BaselineUserPool,
    IDENTITY_PROVIDER_TYPE,
    RESOURCE_SERVER_TYPE,
    StateExport,
    StateResource,
    USER_POOL_CLIENT_TYPE,
    USER_GROUP_TYPE,
    USER_POOL_DOMAIN_TYPE,
    USER_POOL_TYPE,
    MANAGED_LOGIN_BRANDING_TYPE,
    isCustomAttributeName,
    isDefaultStandardAttribute,
    poolChanges,
} from "cognito-user-pool-policies";
import { deliveryLines, LOG_DELIVERY_CONFIGURATION_TYPE } from "../config/catalogue/log-delivery";
import { RISK_CONFIGURATION_TYPE } from "../config/catalogue/threat-protection";
import { withoutStackTag } from "../config/rules/tags";
import {
    brandingChangeableSettings,
    clientChangeableSettings,
    compareChangeable,
    domainChangeableSettings,
    groupChangeableSettings,
    identityProviderMappingSettings,
    poolChangeableSettings,
    resourceServerChangeableSettings,
    riskConfigurationChangeableSettings,
} from "./changeable-settings";
import { LivePool, poolDescription } from "./read-pool";

/** One setting on which a stack's state and AWS disagree. `undefined`: the resource or item is absent there. */
export interface Drift {
    /** The resource's name in the stack, e.g. `auth-pool`. */
    readonly resource: string;
    readonly setting: string;
    readonly state: unknown;
    readonly aws: unknown;
}

export interface DriftReport {
    /** Settings Cognito fixes at creation: a difference means the resource was replaced or the state is stale. */
    readonly fixed: Drift[];
    /** Settings that change in place: someone changed them outside Pulumi. */
    readonly changeable: Drift[];
    /** What could not be compared, and why. */
    readonly notCompared: string[];
}

export interface DriftInput {
    readonly exported: StateExport;
    readonly stateBaseline: Baseline;
    /** The baseline of the live pool, keyed by the state's URNs where it holds the same ids. */
    readonly awsBaseline: Baseline;
    readonly live: LivePool;
}

/** The resource's name in a URN: `urn:…::auth-pool` → `auth-pool`. */
export function resourceName(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/** Compares a stack's state with its live pool: fixed settings (through the baselines), then changeable ones. */
export function driftBetween({ exported, stateBaseline, awsBaseline, live }: DriftInput): DriftReport {
    const fixed: Drift[] = [];
    const notCompared: string[] = [];
    const [poolUrn, awsPool] = Object.entries(awsBaseline.userPools)[0];
    for (const urn of Object.keys(stateBaseline.userPools).filter((urn) => urn !== poolUrn)) {
        notCompared.push(`${resourceName(urn)}: a user pool of the state other than the one read from AWS (${awsPool.id})`);
    }
    const statePool = stateBaseline.userPools[poolUrn];
    const poolName = resourceName(poolUrn);
    if (statePool === undefined) {
        fixed.push({ resource: poolName, setting: "user pool", state: undefined, aws: awsPool.id });
    } else {
        fixed.push(...poolDrift(poolName, statePool, awsPool));
    }

    const stateClients = Object.entries(stateBaseline.clients).filter(([, client]) => client.userPool === poolUrn);
    const clientUrns = [...new Set([...stateClients.map(([urn]) => urn), ...Object.keys(awsBaseline.clients)])];
    for (const urn of clientUrns) {
        const stateClient = stateBaseline.clients[urn];
        const awsClient = awsBaseline.clients[urn];
        const resource = resourceName(urn);
        if (stateClient === undefined || awsClient === undefined) {
            fixed.push({ resource, setting: "app client", state: stateClient?.id, aws: awsClient?.id });
            continue;
        }
        // The provider's state records generate_secret; AWS tells only whether the client has a secret.
        const hasSecret = live.clients.some((client) => client.ClientId === awsClient.id && Boolean(client.ClientSecret));
        if (stateClient.generateSecret !== undefined && stateClient.generateSecret !== hasSecret) {
            fixed.push({ resource, setting: "generateSecret", state: stateClient.generateSecret, aws: hasSecret });
        }
    }

    const changeable: Drift[] = [];
    const resources = exported.deployment.resources ?? [];
    const poolResource = resources.find((resource) => resource.urn === poolUrn && resource.type === USER_POOL_TYPE);
    if (poolResource !== undefined) {
        changeable.push(...compared([[poolName, compareChangeable(deployedView(poolResource), poolDescription(live), poolChangeableSettings)]], notCompared));
    }
    for (const client of live.clients) {
        const clientResource = resources.find((resource) => resource.type === USER_POOL_CLIENT_TYPE && resource.id === client.ClientId);
        if (clientResource !== undefined) {
            changeable.push(...compared([[resourceName(clientResource.urn),
                compareChangeable(deployedView(clientResource), client, clientChangeableSettings)]], notCompared));
        }
    }
    const ofPool = (type: string) => resources.filter((resource) => resource.type === type && resource.delete !== true &&
        (resource.outputs?.userPoolId ?? resource.inputs?.userPoolId) === awsPool.id);
    // The pool-wide risk configuration, compared with DescribeRiskConfiguration's output under the pool's description.
    for (const risk of ofPool(RISK_CONFIGURATION_TYPE)) {
        changeable.push(...compared([[resourceName(risk.urn), compareChangeable(deployedView(risk), poolDescription(live), riskConfigurationChangeableSettings)]], notCompared));
    }
    const groups = listedDrift(ofPool(USER_GROUP_TYPE), live.groups, "name", (group) => group.GroupName, "user group", groupChangeableSettings);
    const servers = listedDrift(ofPool(RESOURCE_SERVER_TYPE), live.resourceServers, "identifier", (server) => server.Identifier, "resource server",
        resourceServerChangeableSettings);
    // The domain matched by its name.
    const domains = listedDrift(ofPool(USER_POOL_DOMAIN_TYPE), live.domain?.Domain === undefined ? [] : [live.domain],
        "domain", (domain) => domain.Domain, "domain", domainChangeableSettings);
    // Each client's branding style matched by its client; the state holds its settings as JSON text, AWS as a document.
    const brandings = listedDrift(ofPool(MANAGED_LOGIN_BRANDING_TYPE).map(withSettingsParsed),
        Object.entries(live.brandings).map(([clientId, style]) => ({ ...style, ClientId: clientId })), "clientId", (style) => style.ClientId, "branding style",
        brandingChangeableSettings);
    // Matched by name; the details are a secret in the state (components/identity-providers.ts), so not compared.
    const providers = listedDrift(ofPool(IDENTITY_PROVIDER_TYPE), live.identityProviders, "providerName", (provider) => provider.ProviderName,
        "identity provider", identityProviderMappingSettings);
    if (live.identityProviders.length > 0) {
        notCompared.push("identity providers' details: a secret in the state (their mapping and identifiers are compared)");
    }
    for (const found of [groups, servers, domains, brandings, providers]) {
        fixed.push(...found.fixed);
        changeable.push(...compared(found.changeable, notCompared));
    }
    changeable.push(...logDeliveryDrift(ofPool(LOG_DELIVERY_CONFIGURATION_TYPE)[0], live));
    return { fixed, changeable, notCompared };
}

/** The state's log delivery against GetLogDeliveryConfiguration's: changed in place by SetLogDeliveryConfiguration. */
function logDeliveryDrift(inState: StateResource | undefined, live: LivePool): Drift[] {
    const state = inState === undefined ? [] : deliveryLines(deployedView(inState).logConfigurations as Record<string, any>[] ?? []);
    const aws = deliveryLines(live.logDelivery?.LogConfigurations ?? []);
    if (JSON.stringify(state) === JSON.stringify(aws)) {
        return [];
    }
    return [{ resource: inState === undefined ? "log delivery" : resourceName(inState.urn), setting: "logConfigurations", state, aws }];
}

/**
 * The pool's groups (resource servers, domain) in the state against the live ones, matched by their identity (a group's
 * name, a server's identifier, the domain, each fixed at creation): one on a side only is a fixed drift (made or deleted
 * outside Pulumi); the others are compared setting by setting.
 */
function listedDrift<Item extends object>(inState: readonly StateResource[], live: readonly Item[], key: string,
    liveIdentityOf: (item: Item) => string | undefined, what: string, table: typeof groupChangeableSettings) {
    const fixed: Drift[] = [];
    const changeable: [string, ReturnType<typeof compareChangeable>][] = [];
    const identityOf = (resource: StateResource) => (resource.outputs?.[key] ?? resource.inputs?.[key]) as string;
    for (const resource of inState) {
        const counterpart = live.find((item) => liveIdentityOf(item) === identityOf(resource));
        if (counterpart === undefined) {
            fixed.push({ resource: resourceName(resource.urn), setting: what, state: identityOf(resource), aws: undefined });
        } else {
            changeable.push([resourceName(resource.urn), compareChangeable(deployedView(resource), counterpart, table)]);
        }
    }
    for (const item of live.filter((candidate) => !inState.some((resource) => identityOf(resource) === liveIdentityOf(candidate)))) {
        fixed.push({ resource: `${what} ${liveIdentityOf(item)}`, setting: what, state: undefined, aws: liveIdentityOf(item) });
    }
    return { fixed, changeable };
}

/**
 * Every fixed setting that differs. The pack's comparison judges a change Cognito cannot apply, so it lets a
 * new custom attribute pass; as drift, one the state does not know is reported too.
 */
function poolDrift(resource: string, state: BaselineUserPool, aws: BaselineUserPool): Drift[] {
    const added = aws.attributes.filter((attribute) =>
        isCustomAttributeName(attribute.name) && !state.attributes.some((known) => known.name === attribute.name));
    return [
        ...(state.id !== aws.id ? [{ resource, setting: "id", state: state.id, aws: aws.id }] : []),
        // An import's state (what AWS gives) leaves out standard attributes at Cognito's default; a declared one is no drift.
        ...poolChanges({ ...state, attributes: state.attributes.filter((attribute) => !isDefaultStandardAttribute(attribute)) }, aws)
            .filter((change) => !(change.group === "attributes" && change.deployed === undefined))
            .map((change) => ({ resource, setting: change.setting, state: change.deployed, aws: change.proposed })),
        ...added.map((attribute) => ({ resource, setting: `attribute "${attribute.name}"`, state: undefined, aws: attribute })),
    ];
}

function compared(comparisons: readonly [string, ReturnType<typeof compareChangeable>][], notCompared: string[]): Drift[] {
    return comparisons.flatMap(([resource, comparison]) => {
        if (comparison.notCompared.length > 0) {
            notCompared.push(`${resource}: ${comparison.notCompared.join(", ")} (not reported by the server)`);
        }
        return comparison.differences.map((difference) => ({ resource, setting: difference.setting, state: difference.props, aws: difference.live }));
    });
}

/** A branding style's state with its settings as the document they are (the provider keeps them as JSON text). */
function withSettingsParsed(resource: StateResource): StateResource {
    const parsed = (props: Record<string, unknown> | undefined) =>
        typeof props?.settings === "string" ? { ...props, settings: JSON.parse(props.settings) } : props;
    return { ...resource, inputs: parsed(resource.inputs), outputs: parsed(resource.outputs) };
}

const secretSignatureKey = "4dabf18193072939515e22adb298388d";

/** What the provider last read (outputs) over what the program sent (inputs); encrypted secrets left out. */
function deployedView(resource: StateResource): Record<string, unknown> {
    const view: Record<string, unknown> = { ...resource.inputs };
    for (const [key, value] of Object.entries(resource.outputs ?? {})) {
        if (value !== undefined && value !== null) {
            view[key] = value;
        }
    }
    // tagsAll adds the provider's default tags, which AWS reports among the pool's own. The stack's own tag is the
    // program's, not a setting, and the settings read back from AWS leave it out.
    if (view.tagsAll !== undefined) {
        view.tags = view.tagsAll;
    }
    if (view.tags !== undefined) {
        view.tags = withoutStackTag(view.tags as Record<string, string>);
    }
    return Object.fromEntries(Object.entries(view).filter(([, value]) =>
        !(value !== null && typeof value === "object" && secretSignatureKey in value)));
}
