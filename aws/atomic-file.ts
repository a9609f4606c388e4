import * as fs from "fs";
import * as path from "path";

/**
 * Writes a file all at once, whether it exists or not: the text goes to a temporary file beside it, flushed,
 * then renamed over it, so a reader (or a CI step) never sees half a file.
 */
export function writeFileAtomically(file: string, text: string): void {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
        const descriptor = fs.openSync(temporary, "w");
        try {
            fs.writeFileSync(descriptor, text);
            fs.fsyncSync(descriptor);
        } finally {
            fs.closeSync(descriptor);
        }
        fs.renameSync(temporary, file);
    } catch (error) {
        fs.rmSync(temporary, { force: true });
        throw error;
    }
}
