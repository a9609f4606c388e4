import { z } from "zod";

/*
 * SESv2 CreateConfigurationSet, ConfigurationSetName: "The name can contain up to 64 alphanumeric characters,
 * including letters, numbers, hyphens (-) and underscores (_) only."
 */
const configurationSetNamePattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The name of an SES configuration set. */
export const configurationSetName = z.string().regex(configurationSetNamePattern,
    { error: "expected an SES configuration set name: 1 to 64 letters, digits, - or _" });
