import type { PolicyResource } from "@pulumi/policy";

/** The URNs the stack declares for resources of a type: their own, and every alias they carry. */
function declaredUrns(resources: readonly PolicyResource[], type: string): Set<string> {
    const present = new Set<string>();
    for (const r of resources) {
        if (r.type !== type) continue;
        present.add(r.urn);
        for (const a of r.opts?.aliases ?? []) present.add(a);
    }
    return present;
}

/** The logical name at the end of a URN. */
export function nameOfUrn(urn: string): string {
    const i = urn.lastIndexOf("::");
    return i >= 0 ? urn.slice(i + 2) : urn;
}

/** The deployed resources a baseline records that the stack no longer declares, under their URN or as an alias. */
export function undeclared<T>(recorded: Record<string, T>, resources: readonly PolicyResource[], type: string): [string, T][] {
    const present = declaredUrns(resources, type);
    return Object.entries(recorded).filter(([urn]) => !present.has(urn));
}

/** The message for a deployed resource a protected stack no longer declares: what it is, why it matters, what instead. */
export function removedMessage(urn: string, what: string, why: readonly string[], instead: string, readmeSection: string): string {
    const type = urn.slice(urn.lastIndexOf("$") + 1, urn.lastIndexOf("::")).split(":").pop();
    return [
        `${type} "${nameOfUrn(urn)}" (${urn}), ${what}, is deployed in this protected stack but the stack no longer declares it under that URN.`,
        `  deployed: ${urn}`,
        "  new:      (absent)",
        `  why: ${why.join(" ")}`,
        `  instead: ${instead}; see ${readmeSection}.`,
    ].join("\n");
}
