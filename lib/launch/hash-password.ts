/**
 * Prints the bcrypt hash of a password for QUEUEREADY_USERS / QUEUEREADY_USERS_FILE:
 *   npx tsx lib/launch/hash-password.ts            (asks, without echo)
 *   printf '%s' "$PASSWORD" | npx tsx lib/launch/hash-password.ts
 * The password is never taken as an argument: arguments end up in shell history and `ps`.
 */
import bcrypt from "bcryptjs";
import { readPassword } from "./read-password";

/** Cost 12: about a quarter second per sign-in here, slow enough to make offline guessing expensive. */
const COST = 12;
const MIN_LENGTH = 12;

async function main(): Promise<void> {
  const password = await readPassword("Password: ");
  if (password.length < MIN_LENGTH) {
    console.error(`Use at least ${MIN_LENGTH} characters.`);
    process.exit(2);
  }
  if (bcrypt.truncates(password)) {
    console.error("bcrypt only uses the first 72 bytes of a password; use a shorter one.");
    process.exit(2);
  }
  const hash = await bcrypt.hash(password, COST);
  console.log(hash);
  if (process.stderr.isTTY) {
    console.error(
      `\nUse it in QUEUEREADY_USERS, e.g. [{"username":"alice","role":"operator","passwordHash":"${hash}"}]`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
