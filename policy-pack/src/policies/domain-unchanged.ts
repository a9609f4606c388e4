import { POLICY_NAMES } from "../catalogue";
import { fixedInputPolicy } from "./common";

/** A deployed domain keeps its name, pool and whether it has a certificate (rows of the table): each change replaces it. */
export const domainUnchanged = fixedInputPolicy(
    POLICY_NAMES.domainUnchanged,
    "A deployed domain keeps its name and user pool, and stays a prefix or a custom domain: the provider replaces it for any of these changes (ForceNew; adding or removing a certificate), and every sign-in, token and logout URL under it stops answering. A custom domain's certificate may change to another ARN in place.",
);
