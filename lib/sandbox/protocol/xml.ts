/**
 * A tiny XML writer for the two query protocols. Values are strings built bottom-up; an undefined
 * value drops its element, as AWS omits absent members.
 */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export type Scalar = string | number | boolean | undefined;

/** `<name>escaped value</name>`, or "" when the value is undefined. */
export function leaf(name: string, value: Scalar): string {
  if (value === undefined) return "";
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<name>children</name>` where children is already XML; "" when undefined. */
export function node(name: string, children: string | undefined): string {
  if (children === undefined) return "";
  return `<${name}>${children}</${name}>`;
}

/** A wrapped list: `<name><member>..</member>...</name>`; always written, empty lists included. */
export function list<T>(name: string, member: string, items: readonly T[], render: (item: T) => string): string {
  return `<${name}>${items.map((i) => `<${member}>${render(i)}</${member}>`).join("")}</${name}>`;
}

/** A list of plain strings. */
export function stringList(name: string, member: string, items: readonly string[]): string {
  return list(name, member, items, escapeXml);
}

/** ISO-8601 with milliseconds, as AWS writes timestamps. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
