import { BaselineError, FixedSettingsReadError } from "cognito-user-pool-policies";
import { AwsAccessError, DuplicateClientNameError } from "../aws/errors";
import { StackStateError } from "./stack-state";

/** The failures of reading a stack's state or its live pool that the commands report as a message, not a stack. */
export function isReadFailure(error: unknown): error is Error {
    return error instanceof AwsAccessError || error instanceof StackStateError || error instanceof FixedSettingsReadError ||
        error instanceof BaselineError || error instanceof DuplicateClientNameError;
}
