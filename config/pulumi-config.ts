import * as pulumi from "@pulumi/pulumi";
import type { StackSettings } from "./schema";
import { parseStackSettings, rawSettingsFromPulumiConfig } from "./settings";

/** This stack's settings, from the config Pulumi hands the program. Throws before anything is registered. */
export function loadStackSettings(): StackSettings {
    return parseStackSettings(rawSettingsFromPulumiConfig(pulumi.runtime.allConfig()), {
        project: pulumi.getProject(),
        stack: pulumi.getStack(),
    });
}
