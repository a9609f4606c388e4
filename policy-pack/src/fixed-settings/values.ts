/** Values Cognito accepts, as the fixed-settings readers check them. */
export const ATTRIBUTE_DATA_TYPES = ["String", "Number", "DateTime", "Boolean"] as const;
export type AttributeDataType = (typeof ATTRIBUTE_DATA_TYPES)[number];

/** Values Cognito accepts in `UsernameAttributes` (sign in with these instead of a user name). */
export const USERNAME_ATTRIBUTE_VALUES = ["email", "phone_number"] as const;
/** Values Cognito accepts in `AliasAttributes` (sign in with these as well as the user name). */
export const ALIAS_ATTRIBUTE_VALUES = ["email", "phone_number", "preferred_username"] as const;
