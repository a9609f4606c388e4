import { Document, isScalar, isSeq, visit } from "yaml";
import { configNamespace } from "../config";
import { readsAsPlainString } from "../stack-files/go-yaml";
import type { Adoption } from "./adopt";

const mergeTag = "tag:yaml.org,2002:merge";

export interface AdoptedStackFileInput {
    readonly adoption: Adoption;
    readonly poolId: string;
    readonly region: string;
    readonly capturedAt: Date;
}

const shown = (value: unknown) => JSON.stringify(value) ?? "nothing";

/** One line per gap or pending change, for the file's header and the command's report. */
export function describeGaps(adoption: Adoption): string[] {
    return [
        ...adoption.gaps.map((gap) => `${gap.setting} = ${JSON.stringify(gap.live)}: ${gap.why}`),
        ...adoption.pendingChanges.map((change) =>
            `${change.resource} ${change.setting}: live ${shown(change.live)}, the program would send ${shown(change.program)}`),
    ];
}

/** Pulumi.<stack>.yaml reproducing a live pool, with what it cannot express in its header. */
export function adoptedStackFile({ adoption, poolId, region, capturedAt }: AdoptedStackFileInput): string {
    const config: Record<string, unknown> = { "aws:region": region };
    for (const [key, value] of Object.entries(adoption.settings)) {
        config[`${configNamespace}:${key}`] = value;
    }
    // YAML 1.1 quotes what a 1.1 reader would not read as a string (`yes`, `0777`); the Pulumi CLI reads with
    // Go's yaml.v3, so a string that it would read otherwise (`0o17` is 15, `<<` merges) is quoted too.
    // (The 1.1 schema's merge tag would write a `<<` key plain whatever its type: it is left out.)
    const document = new Document({ config }, { version: "1.1", customTags: (tags) => tags.filter((tag) => typeof tag === "string" ? tag !== "merge" : tag.tag !== mergeTag) });
    visit(document, {
        Scalar(_key, node) {
            if (typeof node.value === "string" && !readsAsPlainString(node.value)) {
                node.type = "QUOTE_DOUBLE";
            }
        },
        // Short lists of plain values on one line, as in the other stack files: `with: [username]`.
        Seq(_key, node) {
            if (isSeq(node) && node.items.every(isScalar)) {
                node.flow = true;
            }
        },
    });
    const gaps = describeGaps(adoption);
    document.commentBefore = [
        ` Adopted from user pool ${poolId} in ${region} by \`npm run adopt\` on ${capturedAt.toISOString()}.`,
        " Reproduces the live pool, its app clients and its SES sender if any; `import` makes the next `pulumi up`",
        " adopt them without replacing anything (keep it until that update has run). protect: the pool holds users.",
        ...(gaps.length > 0
            ? [" NOT REPRODUCED (the config model cannot express these; pulumi up would change them):", ...gaps.map((gap) => `   - ${gap}`)]
            : []),
    ].join("\n");
    return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
