import { runAsProcess } from "./command";
import { deployCommand } from "./deploy";

/** `npm run preview -- --stack <name> [pulumi preview options]`: the guarded `pulumi preview` (cli/deploy.ts). */
export const main = deployCommand("preview");

if (require.main === module) {
    runAsProcess(main);
}
