/**
 * Environment variables as the auth and launch code reads them. Narrower than `NodeJS.ProcessEnv`
 * (which Next's types make demand NODE_ENV), so tests can pass a plain object; `process.env` fits.
 */
export type Env = Record<string, string | undefined>;
