import boundaries from "eslint-plugin-boundaries";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers (docs/ARCHITECTURE.md): imports run downward only, entry points → web → services → adapters
// → core. Tests and dev tools (tools/) may reach anything; product code never reaches tools/.
const LAYERS = {
  core: ["core"],
  adapter: ["core"],
  service: ["core", "adapter", "service"],
  web: ["core", "adapter", "service", "web"],
  entry: ["core", "adapter", "service", "web", "entry"],
};

// Each outside system is reached through one adapter folder; nothing else imports its client library.
const OWNED = {
  "lib/adapters/aws": ["@aws-sdk/*"],
  "lib/adapters/db": ["drizzle-orm", "drizzle-orm/*", "pg", "@electric-sql/pglite", "@electric-sql/pglite/*"],
  "lib/adapters/redis": ["bullmq", "ioredis"],
};
const NOT_PRODUCT = ["tools/**", "e2e/**", "**/*.test.ts", "**/*.spec.ts", "*.config.*"];
const ownedElsewhere = (owner) =>
  Object.entries(OWNED)
    .filter(([dir]) => dir !== owner)
    .map(([dir, group]) => ({ group, message: `Only ${dir} imports this library.` }));
const ownership = [
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: [...Object.keys(OWNED).map((dir) => `${dir}/**`), ...NOT_PRODUCT],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...ownedElsewhere(null),
            { group: ["**/tools/*", "@/tools/*"], message: "Product code never imports tools/." },
          ],
        },
      ],
    },
  },
  ...Object.keys(OWNED).map((dir) => ({
    files: [`${dir}/**/*.ts`],
    ignores: NOT_PRODUCT,
    rules: { "no-restricted-imports": ["error", { patterns: ownedElsewhere(dir) }] },
  })),
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "bench-results/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { typescript: { alwaysTryTypes: true } },
      "boundaries/include": ["lib/**/*", "app/**/*", "components/**/*", "tools/**/*", "*.ts"],
      "boundaries/elements": [
        { type: "core", pattern: "lib/core" },
        { type: "adapter", pattern: "lib/adapters/*", capture: ["name"] },
        { type: "service", pattern: "lib/services" },
        { type: "web", pattern: "lib/web" },
        { type: "entry", pattern: ["lib/cli", "lib/launch", "app", "components"] },
        { type: "tool", pattern: "tools" },
      ],
      "boundaries/files": [{ category: "test", pattern: "**/*.{test,int.test}.{ts,tsx}" }],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          message:
            "{{from.type}} code may not import {{to.type}} code: imports run downward only (docs/ARCHITECTURE.md).",
          policies: [
            ...Object.entries(LAYERS).map(([type, allowed]) => ({
              from: { element: { type } },
              allow: { to: { element: { types: { anyOf: allowed } } } },
            })),
            { from: { element: { type: "tool" } }, allow: { to: { element: { type: "*" } } } },
            { from: { file: { categories: "test" } }, allow: { to: { element: { type: "*" } } } },
          ],
        },
      ],
    },
  },
  ...ownership,
];

export default config;
