/**
 * Every command's flags are parsed the same way: strictly (an unknown flag or a missing value is an error, not
 * something to guess at), and a parse error comes back as the message to print above the usage (exit 2)
 * instead of a thrown exception. What the values mean is each command's zod schema's business.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The values typed from the options, exactly as a strict parseArgs call types them. */
export type FlagValues<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O; strict: true }>
>["values"];

export type ParsedFlags<O extends Options> =
  { ok: true; values: FlagValues<O>; positionals: string[] } | { ok: false; message: string };

/** `argv` against `options`; positional arguments only where the command takes them (`npm run apply FILE`). */
export function parseFlags<O extends Options>(
  argv: string[],
  options: O,
  opts: { positionals?: boolean } = {},
): ParsedFlags<O> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options,
      strict: true,
      allowPositionals: opts.positionals ?? false,
    });
    return { ok: true, values, positionals };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
