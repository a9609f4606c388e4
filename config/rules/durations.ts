export type DurationUnit = "minutes" | "hours" | "days";

export interface ParsedDuration {
    readonly amount: number;
    readonly unit: DurationUnit;
    readonly minutes: number;
}

const durationPattern = /^([1-9][0-9]*)(m|h|d)$/;

const units: Record<string, { unit: DurationUnit; minutes: number }> = {
    m: { unit: "minutes", minutes: 1 },
    h: { unit: "hours", minutes: 60 },
    d: { unit: "days", minutes: 24 * 60 },
};

/** Parses `30d` into its amount, unit and length in minutes; undefined when malformed. */
export function parseDuration(text: string): ParsedDuration | undefined {
    const match = durationPattern.exec(text);
    if (!match) {
        return undefined;
    }
    const { unit, minutes } = units[match[2]];
    const amount = Number(match[1]);
    return { amount, unit, minutes: amount * minutes };
}

/** Writes a length in minutes the way a reader would, for messages: `15m`, `1d`, `3650d`. */
export function formatMinutes(minutes: number): string {
    if (minutes % (24 * 60) === 0) {
        return `${minutes / (24 * 60)}d`;
    }
    if (minutes % 60 === 0) {
        return `${minutes / 60}h`;
    }
    return `${minutes}m`;
}

/** The reverse of parseDuration: `60m` for 60 minutes; undefined for a unit config cannot write (seconds). */
export function formatDuration(amount: number, unit: string): string | undefined {
    const letter = Object.entries(units).find(([, known]) => known.unit === unit)?.[0];
    return letter === undefined ? undefined : `${amount}${letter}`;
}
