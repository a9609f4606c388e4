/**
 * The AWS region a resource lives in. @pulumi/aws 7 (terraform-provider-aws 6, "Enhanced Region Support",
 * https://hashicorp.github.io/terraform-provider-aws/enhanced-region-support) gives every regional resource a
 * `region` input; the effective region is that input, else the region of the resource's provider (an explicit
 * provider's `region` input, or the stack's `aws:region` for the default provider, else AWS_REGION /
 * AWS_DEFAULT_REGION in the provider's environment). The region is part of the resource's identity: a change of
 * the effective region makes the provider create the resource anew in the new region.
 */
import { describe, FixedSettingsReadError } from "./normalize";
import { MaybeUnknown, isUnknown, readKnown } from "./unknown";

/** The provider of a resource as the engine hands it to a policy (@pulumi/policy PolicyProviderResource). */
export interface ProviderOfResource {
    type: string;
    urn: string;
    name: string;
    props: Record<string, any>;
}

/** `arn:aws:<service>:<region>:…` → the region; undefined for anything else or an ARN without one. */
export function regionOfArn(arn: unknown): string | undefined {
    const m = typeof arn === "string" ? /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z0-9-]+):/.exec(arn) : null;
    return m ? m[1] : undefined;
}

/** A user pool id (`ap-northeast-2_AbCdEf123`) → its region. */
export function regionOfPoolId(id: unknown): string | undefined {
    const m = typeof id === "string" ? /^([a-z]{2}(?:-[a-z]+)+-\d+)_[0-9A-Za-z]+$/.exec(id) : null;
    return m ? m[1] : undefined;
}

function nonEmptyString(v: unknown): string | undefined {
    return typeof v === "string" && v !== "" ? v : undefined;
}

/** The environment the policy runs in: the engine starts it with the Pulumi CLI's environment, as the provider. */
function environmentRegion(): string | undefined {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
    return nonEmptyString(env.AWS_REGION) ?? nonEmptyString(env.AWS_DEFAULT_REGION);
}

/**
 * The region a resource is being deployed to, from its own `region` input, else its provider's; UNKNOWN during
 * preview when either is not known yet; undefined when the engine sent no provider (nothing to judge by).
 */
export function regionFromInputs(props: Record<string, any>, provider: ProviderOfResource | undefined): MaybeUnknown<string | undefined> {
    const own = readKnown(() => props.region as unknown);
    if (isUnknown(own)) return own;
    if (own !== undefined && own !== null) {
        return requireRegion(own, "region");
    }
    if (provider === undefined) return undefined;
    const fromProvider = readKnown(() => provider.props.region as unknown);
    if (isUnknown(fromProvider)) return fromProvider;
    if (fromProvider !== undefined && fromProvider !== null && fromProvider !== "") {
        return requireRegion(fromProvider, `provider ${provider.urn} region`);
    }
    return environmentRegion();
}

function requireRegion(v: unknown, where: string): string {
    if (typeof v !== "string" || v === "") {
        throw new FixedSettingsReadError(`${where}: expected a region name, got ${describe(v)}`);
    }
    return v;
}

/** The region change of a deployed resource, if the new region is known and differs. */
export function regionChange(what: string, deployed: string, next: MaybeUnknown<string | undefined>) {
    if (isUnknown(next) || next === undefined || next === deployed) return undefined;
    return {
        setting: "region",
        deployed,
        proposed: next,
        reason:
            `a ${what} lives in one region: the provider would create a new one in ${next} and delete the deployed one in ${deployed} ` +
            "(terraform-provider-aws 6 Enhanced Region Support: a change of the resource's effective region replaces it)",
    };
}
