import * as pulumi from "@pulumi/pulumi";
import { configNamespace } from "./rules/problems";
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
        projectDir: process.cwd(),
        secretKeys: loadSecretKeys(),
    });
}

/**
 * The keys of this project's config whose values are secrets: stack values written `secure:`, which the engine
 * decrypts and hands to the program with the list of secret keys (PULUMI_CONFIG_SECRET_KEYS; @pulumi/pulumi 3.248
 * runtime/config.ts `isConfigSecret`, which `Config.get` uses to warn that a secret was read as plaintext). A key
 * is secret as a whole: one `secure:` value anywhere under `sms` makes `sms` secret.
 */
export function loadSecretKeys(): string[] {
    const { isConfigSecret } = pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean };
    if (typeof isConfigSecret !== "function") {
        // Fail closed: without the list, a secret would reach the state as plaintext.
        throw new Error("@pulumi/pulumi no longer exposes runtime.isConfigSecret: the program cannot tell which config values are secrets");
    }
    const prefix = `${configNamespace}:`;
    return Object.keys(pulumi.runtime.allConfig())
        .filter((key) => key.startsWith(prefix) && isConfigSecret(key))
        .map((key) => key.slice(prefix.length));
}
