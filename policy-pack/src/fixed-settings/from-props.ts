import { FixedSettingsReadError, describe } from "./normalize";
import { type FixedInputRow, USER_POOL_CLIENT_TYPE, USER_POOL_TYPE, fixedInputsOf, settingsFromInputs } from "./table";
import { ClientFixedSettings, PoolFixedSettings } from "./types";
import { MaybeUnknown, isUnknown, readKnown } from "./unknown";

export { EMAIL_IDENTITY_TYPE, USER_POOL_CLIENT_TYPE, USER_POOL_TYPE } from "./table";

type Props = Record<string, any>;

/** Each field of `T` as a policy sees it in resource inputs: UNKNOWN during preview. */
type FromProps<T> = { [K in keyof T]-?: MaybeUnknown<T[K]> };

/**
 * A pool's fixed settings as a policy sees them in resource inputs, each row of the table read by its reader.
 * `name` is undefined when the program leaves it to Pulumi's auto-naming (which keeps a deployed name).
 */
export type PoolSettingsFromProps = FromProps<Omit<PoolFixedSettings, "name">> & { name: MaybeUnknown<string | undefined> };

/** A client's fixed settings as a policy sees them; `userPoolId` is the pool's physical id. */
export type ClientSettingsFromProps = FromProps<Omit<ClientFixedSettings, "name">> & {
    name: MaybeUnknown<string | undefined>;
    userPoolId: MaybeUnknown<string | undefined>;
};

function optionalString(v: unknown, where: string): string | undefined {
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "string") throw new FixedSettingsReadError(`${where}: expected a string, got ${describe(v)}`);
    return v;
}

/** One row's value in resource inputs, UNKNOWN while the engine does not know it yet. */
function readRow(row: FixedInputRow, props: Props): MaybeUnknown<unknown> {
    return readKnown(() => row.fromInputs(props, row.input));
}

function settingsFromProps(type: string, props: Props): Record<string, unknown> {
    return {
        name: readKnown(() => optionalString(props.name, "name")),
        ...settingsFromInputs(type, (row) => readRow(row, props)),
    };
}

/** Reads a UserPool's fixed settings from its inputs (policy `args.props`, or state `inputs`/`outputs`). */
export function poolSettingsFromProps(props: Props): PoolSettingsFromProps {
    return settingsFromProps(USER_POOL_TYPE, props) as PoolSettingsFromProps;
}

/** Reads a UserPoolClient's fixed settings from its inputs; an absent generateSecret stays absent (null). */
export function clientSettingsFromProps(props: Props): ClientSettingsFromProps {
    const userPoolId = fixedInputsOf(USER_POOL_CLIENT_TYPE).find(row => row.input === "userPoolId");
    return {
        ...settingsFromProps(USER_POOL_CLIENT_TYPE, props),
        userPoolId: userPoolId ? readRow(userPoolId, props) : undefined,
    } as ClientSettingsFromProps;
}

/** Absent, not undefined, for a field whose value is undefined: a baseline from state then equals one from AWS. */
function withoutUndefined<T extends object>(settings: T): T {
    return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as T;
}

function unknownFields(read: object): string[] {
    return Object.entries(read).filter(([, v]) => isUnknown(v)).map(([k]) => k);
}

/** The same settings with every value known, or an error naming the unknown ones. */
export function requireKnownPool(read: PoolSettingsFromProps, where: string): PoolFixedSettings {
    const unknown = unknownFields(read);
    if (unknown.length > 0) {
        throw new FixedSettingsReadError(`${where}: ${unknown.join(", ")} not known`);
    }
    if (read.name === undefined) {
        throw new FixedSettingsReadError(`${where}.name: the pool has no name`);
    }
    return withoutUndefined(read as PoolFixedSettings);
}

export function requireKnownClient(read: ClientSettingsFromProps, where: string): ClientFixedSettings & { userPoolId?: string } {
    const unknown = unknownFields(read);
    if (unknown.length > 0) {
        throw new FixedSettingsReadError(`${where}: ${unknown.join(", ")} not known`);
    }
    const known = read as ClientFixedSettings & { userPoolId?: string; name?: string };
    return withoutUndefined({ ...known, name: known.name ?? "" });
}
