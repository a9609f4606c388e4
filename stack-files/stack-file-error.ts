/*
 * Its own module, so that a command can tell this error apart without loading the YAML parser (the sandbox starts
 * cognito-local before it reads any file).
 */

/** A project or stack file that is missing, unreadable, or that the Pulumi CLI would refuse. */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}
