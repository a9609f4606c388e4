import * as fs from "fs";
import * as path from "path";

/*
 * The files the commands write (a promoted stack file, a baseline, an adopted stack file) are written so that
 * nothing is lost or half-written:
 * - under a lock for the whole read-edit-write, so two commands on one file take turns: proper-lockfile's (4.1.2),
 *   a `<file>.lock` directory made with mkdir (atomic on local and network file systems alike), refreshed by its
 *   holder so that the lock of a killed process goes stale and is taken over instead of blocking forever;
 * - all at once, by write-file-atomic (7.0.1, the last for Node 20): a temporary file beside the target, flushed,
 *   renamed over it with the replaced file's mode and owner, written through a symbolic link to its target.
 * Kept here, as neither library does it: refusing a read-only file, something that is not a regular file and a link
 * to nothing (write-file-atomic would replace the link with a file), and messages that name the file and the cause.
 */

/** A file the command cannot write or lock (permissions, space, a read-only file, a busy lock): exit code 2. */
export class FileWriteError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "FileWriteError";
    }
}

const causes: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    EROFS: "read-only file system",
    ENOENT: "no such file or directory",
    ENOTDIR: "a part of the path is not a directory",
    EISDIR: "it is a directory",
    EIO: "input/output error",
    EMFILE: "too many open files",
};

/** An error from the file system, as a FileWriteError naming the path and the cause; anything else as it is. */
function fileSystemError(action: string, file: string, error: unknown): unknown {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) {
        return error;
    }
    return new FileWriteError(`cannot ${action} ${file}: ${causes[code] ?? (error as Error).message} (${code})`);
}

function statIfExists(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") {
            return undefined;
        }
        throw fileSystemError("read", file, error);
    }
}

/** Where a write to `file` lands: the target of a symbolic link (the link stays as it is), else the file. */
function writeTarget(file: string): string {
    let link: fs.Stats;
    try {
        link = fs.lstatSync(file);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") {
            return path.resolve(file);
        }
        throw fileSystemError("read", file, error);
    }
    if (!link.isSymbolicLink()) {
        return path.resolve(file);
    }
    try {
        return fs.realpathSync(file);
    } catch {
        throw new FileWriteError(`${file} is a symbolic link to ${fs.readlinkSync(file)}, which does not exist: ` +
            "create that file, or remove the link");
    }
}

/** The file as messages name it: as given, and where a link points. */
function described(file: string, target: string): string {
    return target === path.resolve(file) ? file : `${file} (a link to ${target})`;
}

/** Refuses what must not be replaced: something that is not a regular file, or a file without write permission. */
function checkReplaceable(shown: string, existing: fs.Stats | undefined): void {
    if (existing === undefined) {
        return;
    }
    if (!existing.isFile()) {
        throw new FileWriteError(`cannot write ${shown}: it is not a regular file`);
    }
    // Checked on the mode, not with access(): root may write anything, but a read-only file says "leave me".
    if ((existing.mode & 0o222) === 0) {
        throw new FileWriteError(`${shown} is read-only (mode ${(existing.mode & 0o777).toString(8).padStart(3, "0")}): ` +
            "make it writable (chmod u+w) for the command to replace it");
    }
}

/** Writes the text to the target all at once (checked replaceable when its lock was taken). */
function replaceFile(target: string, shown: string, text: string): void {
    try {
        writeFileAtomic().sync(target, text);
    } catch (error) {
        throw fileSystemError("write", shown, error);
    }
}

/** A file held under the lock: its text as read once, and the one way to replace it. */
export interface LockedFile {
    /** The file's text, read once when the lock was taken; undefined when the file does not exist yet. */
    readonly text: string | undefined;
    /** Replaces the file, all at once. */
    write(text: string): void;
}

// Loaded by the commands that write only: every command imports this module for FileWriteError (cli/command.ts).
function lockfile(): typeof import("proper-lockfile") {
    return require("proper-lockfile");
}

function writeFileAtomic(): typeof import("write-file-atomic") {
    return require("write-file-atomic");
}

// Wait up to about a minute for another command's turn; a lock not refreshed for 10 s is stale.
const lockOptions = {
    realpath: false,
    stale: 10_000,
    update: 2_000,
    retries: { retries: 600, factor: 1.2, minTimeout: 20, maxTimeout: 100 },
};

/** The directory a file goes in must exist and be writable (the lock would otherwise retry its error for a minute). */
function checkDirectory(target: string, shown: string): void {
    try {
        fs.accessSync(path.dirname(target), fs.constants.W_OK);
        if (!fs.statSync(path.dirname(target)).isDirectory()) {
            throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
        }
    } catch (error) {
        throw fileSystemError("write", shown, error);
    }
}

/**
 * Runs a read-edit-write of one file under its lock: `edit` gets the file's text, read once, and may write it.
 * Another command editing the same file waits for its turn.
 */
export async function editFileLocked<T>(file: string, edit: (locked: LockedFile) => Promise<T>): Promise<T> {
    const target = writeTarget(file);
    const shown = described(file, target);
    checkDirectory(target, shown);
    let compromised: Error | undefined;
    let release: () => Promise<void>;
    try {
        release = await lockfile().lock(target, { ...lockOptions, onCompromised: (error) => { compromised = error; } });
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
            throw new FileWriteError(`${shown} is being written by another command, which has held ${target}.lock for ` +
                "over a minute: wait for it to finish, or remove that directory if no command is running");
        }
        throw fileSystemError("lock", shown, error);
    }
    try {
        let text: string | undefined;
        const existing = statIfExists(target);
        if (existing) {
            checkReplaceable(shown, existing);
            try {
                text = fs.readFileSync(target, "utf8");
            } catch (error) {
                throw fileSystemError("read", shown, error);
            }
        }
        return await edit({
            text,
            write: (newText) => {
                if (compromised) {
                    throw new FileWriteError(`${shown} was not written: its lock was lost (${compromised.message}); run the command again`);
                }
                replaceFile(target, shown, newText);
            },
        });
    } finally {
        await release().catch(() => undefined);
    }
}

/** Writes a whole file under its lock, all at once. */
export async function writeFileLocked(file: string, text: string): Promise<void> {
    await editFileLocked(file, async (locked) => locked.write(text));
}

/**
 * Runs a read-edit-write of several files, each under its lock, taken in the order given (give them sorted, so
 * that two commands never wait on each other): `edit` gets each file as editFileLocked does. Every file is
 * checked replaceable when its lock is taken, before `edit` runs, so a read-only file stops the command before
 * any file is written.
 */
export async function editFilesLocked<T>(files: readonly string[], edit: (locked: readonly LockedFile[]) => Promise<T>): Promise<T> {
    const lockFrom = (index: number, held: readonly LockedFile[]): Promise<T> => index === files.length
        ? edit(held)
        : editFileLocked(files[index], (locked) => lockFrom(index + 1, [...held, locked]));
    return lockFrom(0, []);
}
