import { POLICY_NAMES } from "../catalogue";
import { fixedInputPolicy } from "./common";

const WHY = "A deployed pool keeps the relying party id of its passkeys (webAuthnConfiguration.relyingPartyId, which follows a custom domain): " +
    "the provider updates it in place, and every passkey users registered under the deployed id stops working.";

/** In a protected stack, a change of the passkeys' relying party id is refused (a row of the table). */
export const passkeysKept = fixedInputPolicy(POLICY_NAMES.passkeysKept, `In a protected stack (config protectedStacks): ${WHY}`,
    { stacks: "protected", rowsOf: POLICY_NAMES.passkeysKept });

/** Elsewhere the same change is a warning: a test stack's passkeys are its testers'. */
export const passkeysKeptAdvisory = fixedInputPolicy(POLICY_NAMES.passkeysKeptAdvisory, `In a stack that is not protected, a warning: ${WHY}`,
    { stacks: "unprotected", rowsOf: POLICY_NAMES.passkeysKept });
