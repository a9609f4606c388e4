import * as awsProviderConfig from "@pulumi/aws/config/vars";
import { configNamespace } from "./problems";
import { importedPoolRegionProblem, regionProblem } from "./regions";
import { closestMatch, didYouMean } from "./suggestions";
import { defaultTagsProblem } from "./tags";

/*
 * Every key of a stack's config is `<namespace>:<key>`. Pulumi hands the program all of them, and a key under a
 * namespace nobody reads is silently ignored: `cognito-userpool:userPool` would drop the whole pool's settings
 * for the defaults. So the program reads only these namespaces and refuses any other.
 */
const awsProviderKeys: readonly string[] = Object.keys(awsProviderConfig);

/** The namespaces the program reads, and who reads them. */
export const knownNamespaces: Readonly<Record<string, string>> = {
    [configNamespace]: "this project",
    aws: "the AWS provider",
    // pulumi:tags, pulumi:disable-default-providers, pulumi:autonaming ...: read by the Pulumi engine.
    pulumi: "Pulumi",
};

function namespaceProblem(key: string): string | undefined {
    const colon = key.indexOf(":");
    const [namespace, name] = colon < 0 ? ["", key] : [key.slice(0, colon), key.slice(colon + 1)];
    if (namespace in knownNamespaces) {
        if (namespace === "aws" && !awsProviderKeys.includes(name)) {
            const match = closestMatch(name, awsProviderKeys);
            return `${key}: unknown key of the AWS provider${didYouMean(match && `aws:${match}`)}`;
        }
        return undefined;
    }
    const namespaces = Object.keys(knownNamespaces);
    const match = closestMatch(namespace, namespaces);
    const read = namespaces.map((known) => `${known} (${knownNamespaces[known]})`).join(", ");
    return `${key}: unknown config namespace "${namespace}": nothing here reads it (namespaces read: ${read})` +
        didYouMean(match && `${match}:${name}`);
}

/** Problems across a stack's whole config, all namespaces together (`namespace:key` → value as Pulumi hands it over). */
export function configKeyProblems(values: Readonly<Record<string, string>>): string[] {
    return [
        ...Object.keys(values).map(namespaceProblem),
        regionProblem(values),
        importedPoolRegionProblem(values),
        defaultTagsProblem(values),
    ].filter((problem): problem is string => problem !== undefined);
}
