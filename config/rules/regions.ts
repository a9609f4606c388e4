import { Region } from "@pulumi/aws/types/enums";
import { z } from "zod";
import { configNamespace } from "./problems";
import { parseConfigValue } from "./numbers";
import { regionOfUserPoolId } from "./resource-ids";
import { closestMatch, didYouMean } from "./suggestions";

/*
 * The regions the installed @pulumi/aws knows (its aws.Region enum, generated from the provider's region list):
 * kept current by upgrading @pulumi/aws. The provider itself skips its region check unless
 * `aws:skipRegionValidation` is false (@pulumi/aws config/vars.js: `?? true`), so a mistyped region would fail
 * only at the first API call, half-way through an update. A stack in a region newer than the installed
 * @pulumi/aws sets `aws:skipRegionValidation: true` to pass this check too.
 */
export const knownRegions: readonly string[] = Object.values(Region);

const expectedRegion = "expected an AWS region the installed @pulumi/aws knows, like us-east-1";

/** A region named in the settings (the SNS region of SMS). */
export const awsRegion = z.string().superRefine((region, ctx) => {
    if (!knownRegions.includes(region)) {
        ctx.addIssue({ code: "custom", input: region, message: expectedRegion + didYouMean(closestMatch(region, knownRegions)) });
    }
});

/** The stack's `aws:region`, checked unless the stack sets `aws:skipRegionValidation: true`. */
export function regionProblem(values: Readonly<Record<string, string>>): string | undefined {
    const region = values["aws:region"];
    if (region === undefined || values["aws:skipRegionValidation"] === "true" || knownRegions.includes(region)) {
        return undefined;
    }
    return `aws:region: got ${JSON.stringify(region)}; ${expectedRegion} (for a newer region set aws:skipRegionValidation: true)` +
        didYouMean(closestMatch(region, knownRegions));
}

/**
 * A pool to adopt must be in the stack's region: Pulumi imports it through the provider of `aws:region`, and an
 * import that finds nothing fails the update half-way. (A pool id starts with its region: DescribeUserPool.)
 */
export function importedPoolRegionProblem(values: Readonly<Record<string, string>>): string | undefined {
    const stackRegion = values["aws:region"];
    const adopt = parseConfigValue(values[`${configNamespace}:import`] ?? "{}") as { userPool?: unknown } | null;
    const poolId = adopt?.userPool;
    if (stackRegion === undefined || typeof poolId !== "string" || !poolId.includes("_")) {
        return undefined;
    }
    const poolRegion = regionOfUserPoolId(poolId);
    if (poolRegion === stackRegion || !knownRegions.includes(poolRegion)) {
        return undefined;
    }
    return `${configNamespace}:import.userPool: got ${JSON.stringify(poolId)}; a pool in ${poolRegion} cannot be ` +
        `adopted by this stack, which deploys to ${stackRegion} (aws:region)`;
}
