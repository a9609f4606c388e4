import { clients } from "./app-client";
import { CatalogueEntry, entriesOf } from "./derive";
import { stack } from "./stack";

/** The key prefix of a client's settings: `clients[].`. */
const clientKeyPrefix = `${Object.entries(stack.entries).find(([, entry]) => entry === clients)![0]}[].`;

/** The catalogue's settings read back from a pool's description, and those read back from a client's. */
export function settingsByDescription(): { readonly pool: CatalogueEntry[]; readonly client: CatalogueEntry[] } {
    const entries = entriesOf(stack).filter(({ setting }) => setting.describe !== undefined);
    return {
        pool: entries.filter(({ key }) => !key.startsWith(clientKeyPrefix)),
        client: entries.filter(({ key }) => key.startsWith(clientKeyPrefix)),
    };
}
