import * as pulumi from "@pulumi/pulumi";
import type { StackSettings } from "./schema";
import { parseStackConfig } from "./settings";

/**
 * This stack's settings, from all the config Pulumi hands the program (every namespace: a key under one the
 * program does not read is refused). Throws before anything is registered.
 */
export function loadStackSettings(): StackSettings {
    return parseStackConfig(pulumi.runtime.allConfig(), {
        project: pulumi.getProject(),
        stack: pulumi.getStack(),
    });
}
