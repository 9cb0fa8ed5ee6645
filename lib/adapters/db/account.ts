/** The account of runs recorded before targets carried one (the JSON files): the only one there was. */
export const DEFAULT_ACCOUNT_ID = "123456789012";
