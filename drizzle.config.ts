import { defineConfig } from "drizzle-kit";

/** `npm run db:generate`: the SQL migration for what changed in lib/adapters/db/schema.ts (no database needed). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/adapters/db/schema.ts",
  out: "./lib/adapters/db/migrations",
});
