/**
 * A tiny XML writer for the two query protocols. Values are strings built bottom-up; an undefined
 * value drops its element, as AWS omits absent members.
 */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;

/**
 * Escapes the five XML specials. Every value of every answer goes through here (a fleet page is thousands
 * of leaves), and almost none holds a special character: one test, then one pass with a lookup only when needed.
 */
export function escapeXml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ENTITIES[c]!) : text;
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
export function list<T>(
  name: string,
  member: string,
  items: readonly T[],
  render: (item: T) => string,
): string {
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
