/**
 * The account every stored row belongs to until the app knows several: the sandbox's account id. Rows carry
 * it from the start, so multi-account support adds values, not a migration.
 */
export const DEFAULT_ACCOUNT_ID = "123456789012";
