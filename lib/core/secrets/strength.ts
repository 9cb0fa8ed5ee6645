/**
 * How strong a configured secret (a session secret, a webhook's or a plan file's HMAC key) must be, in
 * one place: every caller refuses what this calls weak, in its own words. Pure: values come from the caller.
 */

/** 32 bytes: the HMAC-SHA256 key length, and what `openssl rand -base64 32` draws. */
export const MIN_SECRET_BYTES = 32;

/**
 * Fewest distinct characters a key must have: `openssl rand -hex 32` (64 characters out of 16) has fewer
 * than 10 about once in 10^16 draws, while `aaaa…`, `abab…` or a word repeated fail.
 */
export const MIN_DISTINCT_CHARACTERS = 10;

export type SecretWeakness =
  | { kind: "short"; bytes: number }
  | { kind: "low-variety"; distinct: number }
  | { kind: "repeated"; unit: number };

/** The secret's length in bytes as it is used: UTF-8, spaces around it trimmed. */
export function secretBytes(value: string): number {
  return Buffer.byteLength(value.trim(), "utf8");
}

/** The shortest unit the value is a repetition of (`abcabcabc` → 3), or its own length. */
function period(value: string): number {
  for (let p = 1; p <= value.length / 2; p++) {
    let repeats = true;
    for (let i = p; i < value.length && repeats; i++) repeats = value[i] === value[i - p];
    if (repeats) return p;
  }
  return value.length;
}

/**
 * Why `value` is too weak to sign with, or null. Length is always checked; `variety` also refuses a
 * value with few distinct characters or made of one short unit repeated (`0123…f0123…f`).
 */
export function secretWeakness(value: string, opts: { variety?: boolean } = {}): SecretWeakness | null {
  const trimmed = value.trim();
  const bytes = secretBytes(trimmed);
  if (bytes < MIN_SECRET_BYTES) return { kind: "short", bytes };
  if (!opts.variety) return null;
  const distinct = new Set(trimmed).size;
  if (distinct < MIN_DISTINCT_CHARACTERS) return { kind: "low-variety", distinct };
  const unit = period(trimmed);
  if (unit < trimmed.length) return { kind: "repeated", unit };
  return null;
}

/** One sentence naming the variable and what is wrong, never its value. */
export function describeWeakness(name: string, weakness: SecretWeakness, howToMake: string): string {
  switch (weakness.kind) {
    case "short":
      return (
        `${name} is ${weakness.bytes} byte${weakness.bytes === 1 ? "" : "s"} long (spaces trimmed); ` +
        `it needs at least ${MIN_SECRET_BYTES} random bytes: ${howToMake}`
      );
    case "low-variety":
      return (
        `${name} has only ${weakness.distinct} distinct characters, too few for a random key ` +
        `(at least ${MIN_DISTINCT_CHARACTERS}): ${howToMake}`
      );
    case "repeated":
      return `${name} is a ${weakness.unit}-character unit repeated, not a random key: ${howToMake}`;
  }
}
