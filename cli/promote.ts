import * as path from "path";
import { writeFileAtomically } from "./atomic-write";
import { promotionRefusals } from "../promotion/guard";
import { preparePromotion } from "../promotion/promotion";
import { parseOptions, stackName, UsageError } from "./args";
import { CommandIO, ExitCode, reportingBadInput, runAsProcess } from "./command";
import { readPolicyConfigFile } from "./policy-config-file";
import { renderPromotionText } from "./promote-text";

const promoteUsage = `usage: npm run promote -- --from <stack> --to <stack> [--baseline <policy-config file>] [--write]

Lists the effective settings that differ between two stacks; --write copies them into Pulumi.<to>.yaml.
Refused when the result would fail config validation or change a fixed setting of the target's baseline.
Exit code: 0 listed or written, 1 refused (the file untouched), 2 bad usage, stack file, config or baseline.`;

const options = {
    from: { type: "string" },
    to: { type: "string" },
    baseline: { type: "string" },
    write: { type: "boolean" },
    help: { type: "boolean" },
} as const;

export async function main(argv: readonly string[], io: CommandIO): Promise<ExitCode> {
    return reportingBadInput(io, promoteUsage, async () => {
        const args = parseOptions(argv, options);
        if (args.help) {
            io.stdout(`${promoteUsage}\n`);
            return 0;
        }
        const from = stackName(args.from, "--from");
        const to = stackName(args.to, "--to");
        if (from === to) {
            throw new UsageError("--from and --to name the same stack");
        }
        const policyConfig = args.baseline === undefined ? undefined : readPolicyConfigFile(path.resolve(args.baseline));
        const promotion = preparePromotion(io.projectDir, from, to);
        io.stdout(renderPromotionText(promotion));
        const file = path.basename(promotion.targetFile);
        if (promotion.edits.length === 0) {
            io.stdout(`Nothing to promote: ${file} is left as it is.\n`);
            return 0;
        }

        const refusals = await promotionRefusals(io.projectDir, promotion, policyConfig?.config, policyConfig?.baseline);
        if (refusals.length > 0) {
            io.stderr(`Refused: ${file} ${args.write ? "is left untouched" : "would be left untouched"}, because\n` +
                refusals.map((refusal) => `  - ${refusal.split("\n").join("\n    ")}`).join("\n") + "\n");
            return 1;
        }
        const unchecked = promotion.diff.fixedAtCreation.length > 0 && policyConfig?.baseline === undefined
            ? `Not checked against a baseline: if ${to} is deployed, run \`npm run plan -- --stack ${to} --baseline <file>\` ` +
              "before deploying; a changed fixed setting replaces the pool or client.\n"
            : "";
        if (!args.write) {
            io.stdout(`${unchecked}Dry run: --write would copy ${promotion.edits.length} values from ${from} into ${file}.\n`);
            return 0;
        }
        writeFileAtomically(promotion.targetFile, promotion.promotedText);
        io.stdout(`${unchecked}Wrote ${promotion.edits.length} values from ${from} into ${file}.\n`);
        return 0;
    });
}

if (require.main === module) {
    runAsProcess(main);
}
