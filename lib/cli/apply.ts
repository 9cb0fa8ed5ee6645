/**
 * `npm run apply -- plan.json`: applies a plan file through the app's own apply (see APPLY_USAGE in
 * apply-args.ts). Exit codes: 0 every target ended Ready, 1 any did not, 2 error.
 */
import { createInterface } from "node:readline/promises";
import { EXIT_APPLY_ERROR, runApplyCli } from "./run-apply";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

runApplyCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: process.stdin.isTTY === true,
  ask,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `The apply crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = EXIT_APPLY_ERROR;
  },
);
