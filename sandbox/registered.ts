/* What the program registered, as the sandbox handles it; no AWS SDK here, so that it loads before cognito-local starts. */

/** The resource types the sandbox creates in cognito-local. */
export const createdTypes = {
    userPool: "aws:cognito/userPool:UserPool",
    client: "aws:cognito/userPoolClient:UserPoolClient",
    group: "aws:cognito/userGroup:UserGroup",
} as const;

/** Offline ids (the mock cloud's) → the local ones, applied to any value by text. */
export class IdMap {
    private readonly ids = new Map<string, string>();

    set(offlineId: string, localId: string): void {
        this.ids.set(offlineId, localId);
    }

    /** The value with every offline id replaced by its local id (longest first, so no id is cut short). */
    apply<T>(value: T): T {
        if (value === undefined) {
            return value;
        }
        let text = JSON.stringify(value);
        for (const [offline, local] of [...this.ids].sort(([a], [b]) => b.length - a.length)) {
            text = text.split(offline).join(local);
        }
        return JSON.parse(text);
    }
}
