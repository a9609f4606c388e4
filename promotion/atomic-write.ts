import * as fs from "fs";
import * as path from "path";

/**
 * Replaces a file's contents all at once: the text goes to a temporary file beside it (same file system, same
 * mode), flushed to disk, then renamed over the file. A reader sees the old file or the new one, never a part.
 */
export function writeFileAtomically(file: string, text: string): void {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    const { mode } = fs.statSync(file);
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
