import { stackName, UsageError } from "./args";
import { capturePulumi, PulumiCliError } from "./pulumi-cli";

/** The stack option of every command that works on one stack: `--stack <name>`, or `-s <name>` as Pulumi writes it. */
export const stackOptionSpec = { type: "string", short: "s" } as const;

const howToName = "name one with --stack <name> (-s <name>), or select one with `pulumi stack select <name>`";

/**
 * The stack a command works on: the one given with --stack (-s), else the one the Pulumi CLI has selected for this
 * project, as every `pulumi` command defaults to it. Asked with `pulumi stack --show-name` ("Display only the stack
 * name", pulumi/pulumi v3.248.0 pkg/cmd/pulumi/stack/stack.go), with --non-interactive so that the CLI answers "no
 * stack selected" instead of offering to create one (stack_load.go ChooseStack). Without the CLI on PATH, or with
 * no stack selected, a UsageError says how to name one.
 */
export async function stackToUse(given: string | undefined, projectDir: string): Promise<string> {
    if (given !== undefined) {
        return stackName(given, "--stack");
    }
    let answer;
    try {
        answer = await capturePulumi(["stack", "--show-name", "--non-interactive"], projectDir);
    } catch (error) {
        if (error instanceof PulumiCliError) {
            throw new UsageError(`no --stack given, and no Pulumi CLI on PATH to ask which stack is selected: ${howToName}`);
        }
        throw error;
    }
    // A fully qualified name (org/project/stack) when the CLI is asked for those: the stack file is named by the stack part.
    const name = answer.stdout.trim().split("/").pop() ?? "";
    if (answer.code !== 0 || name === "") {
        const said = (answer.stderr || answer.stdout).trim().split("\n")[0] || `exit ${answer.code}`;
        throw new UsageError(`no --stack given, and \`pulumi stack --show-name\` names no selected stack (${said}): ${howToName}`);
    }
    return stackName(name, "the selected stack (pulumi stack --show-name)");
}
