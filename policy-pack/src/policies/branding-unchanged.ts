import { POLICY_NAMES } from "../catalogue";
import { fixedInputPolicy } from "./common";

/**
 * A deployed branding style keeps its client, pool and assets (rows of the table): each change replaces it. Advisory:
 * a style holds nothing a user would miss, and the provider makes it again at once (fixed-settings/table.ts, RESTYLED).
 */
export const brandingUnchanged = fixedInputPolicy(
    POLICY_NAMES.brandingUnchanged,
    "A deployed managed login branding style keeps its client, user pool and assets: the provider replaces it for any of these changes (RequiresReplace), deleting it before it makes the new one, so for a moment the client's managed login pages have no style. Nothing a user holds is lost: advisory. Its settings change in place.",
);
