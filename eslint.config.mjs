import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
    // Only lib/adapters/aws may talk to the AWS SDK: everything else uses the app's own types.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/adapters/aws/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@aws-sdk/*"], message: "Only lib/adapters/aws imports the AWS SDK." }] },
      ],
    },
  },
];

export default config;
