import { runAsProcess } from "./command";
import { deployCommand } from "./deploy";

/** `npm run up -- --stack <name> [pulumi up options]`: the guarded `pulumi up` (cli/deploy.ts). */
export const main = deployCommand("up");

if (require.main === module) {
    runAsProcess(main);
}
