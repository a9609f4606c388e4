import * as fs from "fs";
import * as path from "path";

/**
 * Writes a file all at once: the text goes to a temporary file beside it (same file system, and the mode of the
 * file it replaces), flushed to disk, then renamed over it. A reader sees the old file or the new one, never a
 * part, and a failure leaves the old file as it was.
 */
export function writeFileAtomically(file: string, text: string): void {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    const mode = fs.existsSync(file) ? fs.statSync(file).mode : 0o666;
    try {
        const descriptor = fs.openSync(temporary, "wx", mode);
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
