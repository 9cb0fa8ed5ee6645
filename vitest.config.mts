import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws unless bundled with the react-server condition; tests run server code directly.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "tools/**/*.test.ts",
      "components/**/*.test.ts",
      "app/**/*.test.ts",
      "deploy/**/*.test.ts",
    ],
    environment: "node",
    // The SDK nags about Node 22 on every client; CI runs Node 20 on purpose (the README says which Node).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    // Integration tests start their own sandbox on a free port; keep them off each other's toes.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
