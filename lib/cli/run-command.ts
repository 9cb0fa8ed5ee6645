/**
 * The shared shell of every `npm run` command: quiet the SDK's Node-version notice (it would land in
 * --json output on stderr-merging shells and is not actionable here), run the command with the
 * process's streams, and turn its answer into the exit code. A throw is a bug, not an AWS problem:
 * say so plainly and keep the stack for whoever reports it.
 */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

export function runCommand(
  name: string,
  run: (args: string[], env: NodeJS.ProcessEnv, io: CommandIo) => Promise<number>,
  opts: { crashCode: number; exitAtOnce?: boolean },
): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const io: CommandIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
  // exitAtOnce: clients such as BullMQ's may leave timers behind once the answer is printed.
  const finish = (code: number) => (opts.exitAtOnce ? process.exit(code) : (process.exitCode = code));
  run(process.argv.slice(2), process.env, io).then(finish, (err: unknown) => {
    process.stderr.write(
      `The ${name} crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    finish(opts.crashCode);
  });
}
