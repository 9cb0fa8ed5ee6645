import "server-only";
/**
 * The app's door to the estate (./estate.ts): the same one list and cache the CLI and the scheduler use,
 * kept out of client bundles.
 */
export {
  accountSettings,
  baseAccountId,
  clearEstate,
  findAccount,
  getEstate,
  OWN_CREDENTIALS,
  type AccountLookup,
  type AccountSettings,
  type Estate,
  type EstateAccount,
} from "./estate";
