import * as path from "path";
import { editFileLocked } from "./atomic-write";
import { readStackText, stackFilePath } from "../stack-files/reader";
import type { PolicyPackConfig } from "../offline/run-policies";
import type { Baseline } from "cognito-user-pool-policies";
import { promotionRefusals } from "../promotion/guard";
import { preparePromotion, Promotion } from "../promotion/promotion";
import { stackName, UsageError } from "./args";
import { CommandIO, ExitCode, optionsCommand, runAsProcess } from "./command";
import { readPolicyConfigFile } from "./policy-config-file";
import { promoteShared } from "./promote-shared";
import { renderPromotionText } from "./promote-text";
import { counted } from "../config/rules/problems";

const promoteUsage = `usage: npm run promote -- --from <stack> --to <stack> [--baseline <policy-config file>] [--write] [--accept-weaker]
       npm run promote -- --shared [--write]

--from/--to: says what Pulumi.<to>.yaml would get from <from>: each promotable setting that differs, as <to>'s
value → the promoted value (per-environment settings stay as <to> has them); --write writes them.
Refused when the result would fail config validation, change a fixed setting of the target's baseline, or
weaken a protected target (MFA, deletion protection, token lifetimes, password policy) without --accept-weaker.
--shared: Pulumi.yaml states once (value:) each shared setting every stack file sets alike, and the stack files
drop it; files of the earlier layout (every setting under userPool) are split into top-level keys first. No
stack's config changes; --write writes the files.
Exit code: 0 listed or written, 1 refused (the files untouched), 2 bad usage, stack file, config or baseline.`;

const options = {
    from: { type: "string" },
    to: { type: "string" },
    baseline: { type: "string" },
    write: { type: "boolean" },
    "accept-weaker": { type: "boolean" },
    shared: { type: "boolean" },
    help: { type: "boolean" },
} as const;

export const main = optionsCommand(promoteUsage, options, async (args, io) => {
    if (args.shared) {
        const others = (["from", "to", "baseline", "accept-weaker"] as const).filter((option) => args[option] !== undefined && args[option] !== false);
        if (others.length > 0) {
            throw new UsageError(`--shared takes no ${others.map((option) => `--${option}`).join(", ")}: it moves values between the files, ` +
                "and no stack's config changes");
        }
        return promoteShared(io, args.write === true);
    }
    const from = stackName(args.from, "--from");
    const to = stackName(args.to, "--to");
    if (from === to) {
        throw new UsageError("--from and --to name the same stack");
    }
    const policyConfig = args.baseline === undefined ? undefined : readPolicyConfigFile(path.resolve(args.baseline));
    const request: Request = {
        from,
        to,
        sourceText: readStackText(io.projectDir, from),
        policyConfig: policyConfig?.config,
        baseline: policyConfig?.baseline,
        acceptWeaker: args["accept-weaker"] === true,
    };
    if (!args.write) {
        return promote(request, readStackText(io.projectDir, to), undefined, io);
    }
    // The target is read once and written under its lock: a promotion running beside this one waits its turn.
    return editFileLocked(stackFilePath(io.projectDir, to), (target) =>
        promote(request, target.text ?? readStackText(io.projectDir, to), (text) => target.write(text), io));
});

interface Request {
    readonly from: string;
    readonly to: string;
    readonly sourceText: string;
    readonly policyConfig?: PolicyPackConfig;
    readonly baseline?: Baseline;
    readonly acceptWeaker: boolean;
}

/** Why the weaker changes may not be written into a protected target; none once accepted. */
function weakeningRefusals(promotion: Promotion, acceptWeaker: boolean): string[] {
    if (!promotion.targetProtected || acceptWeaker) {
        return [];
    }
    return promotion.weakenings.map(({ difference, why }) =>
        `${difference.key}: ${JSON.stringify(difference.to)} → ${JSON.stringify(difference.from)} weakens ${promotion.to}, ` +
        `a protected stack (${why}); pass --accept-weaker to write it all the same`);
}

/** Lists the promotion, checks it, and writes it when given the means to (--write). */
async function promote(request: Request, targetText: string, write: ((text: string) => void) | undefined, io: CommandIO): Promise<ExitCode> {
    const { from, to } = request;
    const promotion = preparePromotion(io.projectDir, from, to, { source: request.sourceText, target: targetText });
    io.stdout(renderPromotionText(promotion));
    const file = path.basename(promotion.targetFile);
    if (promotion.edits.length === 0) {
        io.stdout(`Nothing to promote: ${file} is left as it is.\n`);
        return 0;
    }

    const refusals = [
        ...weakeningRefusals(promotion, request.acceptWeaker),
        ...await promotionRefusals(io.projectDir, promotion, request.policyConfig, request.baseline),
    ];
    if (refusals.length > 0) {
        io.stderr(`Refused: ${file} ${write ? "is left untouched" : "would be left untouched"}, because\n` +
            refusals.map((refusal) => `  - ${refusal.split("\n").join("\n    ")}`).join("\n") + "\n");
        return 1;
    }
    const unchecked = promotion.diff.fixedAtCreation.length > 0 && request.baseline === undefined
        ? `Not checked against a baseline: if ${to} is deployed, run \`npm run plan -- --stack ${to} --baseline <file>\` ` +
          "before deploying; a changed fixed setting replaces the pool or client.\n"
        : "";
    if (!write) {
        io.stdout(`${unchecked}Dry run: --write would copy ${counted(promotion.edits.length, "value")} from ${from} into ${file}.\n`);
        return 0;
    }
    write(promotion.promotedText);
    io.stdout(`${unchecked}Wrote ${counted(promotion.edits.length, "value")} from ${from} into ${file}.\n`);
    return 0;
}

if (require.main === module) {
    runAsProcess(main);
}
