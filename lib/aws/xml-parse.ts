/**
 * The XML reader behind the ElastiCache and EC2 clients (see query-protocol.ts). The SDK's own reader builds
 * every tag name and text one character at a time (`text += x[i++]`): a 200 KB DescribeCacheClusters page
 * cost ~5 ms of CPU and a 40 KB DescribeCacheParameters page ~1 ms, plus the garbage, and an organization's
 * audit reads ~80 MB of it, so it was the largest share of the estate audit's CPU. This one makes the same
 * decisions on the same input but cuts with indexOf/slice, and returns exactly what the SDK's
 * `XmlShapeDeserializer.parseXml` returns (the element tree with text-node objects folded to their text),
 * which xml-parse.test.ts checks against the SDK on every response shape the audit reads.
 */

type XmlValue = string | XmlObject;
interface XmlObject {
  [key: string]: XmlValue | XmlValue[];
}

const TEXT = "#text";
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z][a-zA-Z0-9]{0,30}));/g;
// The SDK's table, a plain object as there (an unknown name becomes "").
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * A text of the document as a string of its own. V8 makes a slice of 13+ characters a view into the whole
 * answer, so one kept cluster id would keep its 200 KB page alive (the estate audit's peak RSS grew by
 * ~120 MB). Prepending a character and slicing it off again copies the text into a string of its length.
 */
function own(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** The text between `start` and `end`, entities decoded, detached from the document. */
function textOf(x: string, start: number, end: number): string {
  const raw = x.slice(start, end);
  return raw.indexOf("&") === -1 ? own(raw) : decode(raw);
}

function decode(s: string): string {
  if (s.indexOf("&") === -1) return s;
  return s.replace(ENTITY, entity);
}

function entity(_: string, hex?: string, dec?: string, named?: string): string {
  if (hex) return String.fromCharCode(parseInt(hex, 16));
  if (dec) return String.fromCharCode(parseInt(dec, 10));
  return ENTITIES[named!] ?? "";
}

/**
 * A name like `__proto__` or `constructor` meets the SDK reader's `in` checks and special cases; no AWS
 * answer has one, so such a document is left to the SDK's reader (see parseAwsXml), whatever it makes of it.
 */
const isObjectKey = (name: string) => name in Object.prototype;

/** A whitespace-only text that spans lines is indentation, not content. */
const isIndent = (t: string) => t.trim() === "" && t.includes("\n");

/** An element whose value is an object with text collapses to that text one level up (the SDK's fold). */
const folded = (v: XmlValue): XmlValue =>
  typeof v === "object" && v[TEXT] !== undefined ? (v[TEXT] as string) : v;

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;
const [LT, GT, SLASH, BANG, QUESTION] = ["<", ">", "/", "!", "?"].map((c) => c.charCodeAt(0)) as [
  number,
  number,
  number,
  number,
  number,
];

class Reader {
  i = 0;
  readonly z: number;
  readonly x: string;
  constructor(xml: string) {
    // XML line-end normalization, as the SDK does before reading.
    this.x = xml.includes("\r") ? xml.replace(/\r\n?/g, "\n") : xml;
    this.z = this.x.length;
  }

  fail(what: string): never {
    throw new Error(`XML parse error: ${what} at offset ${this.i}.`);
  }

  skipSpace(): void {
    while (this.i < this.z && isSpace(this.x.charCodeAt(this.i))) this.i++;
  }

  readTo(stop: string): string {
    const end = this.x.indexOf(stop, this.i);
    if (end === -1) this.fail(`expected "${stop}"`);
    const out = this.x.slice(this.i, end);
    this.i = end + stop.length;
    return out;
  }

  /** Reads up to (not including) the first character of `stops`. */
  readName(stops: string): string {
    const start = this.i;
    while (this.i < this.z && !stops.includes(this.x[this.i]!)) this.i++;
    return this.x.slice(start, this.i);
  }

  root(): { tag: string; value: XmlValue } {
    const x = this.x;
    while (this.i < this.z) {
      this.skipSpace();
      if (this.i >= this.z) break;
      if (x.startsWith("<?", this.i)) this.readTo("?>");
      else if (x.startsWith("<!--", this.i)) this.readTo("-->");
      else if (x.slice(this.i, this.i + 9).toLowerCase() === "<!doctype") this.skipDoctype();
      else if (x[this.i] === "<") return this.element();
      else this.fail("unexpected content");
    }
    return this.fail("no root element");
  }

  skipDoctype(): void {
    this.i += 9;
    let depth = 0;
    for (; this.i < this.z; this.i++) {
      const c = this.x[this.i];
      if (c === "[") depth++;
      else if (c === "]") depth--;
      else if (c === ">" && depth === 0) return void this.i++;
    }
    this.fail("unclosed DOCTYPE");
  }

  attributes(): XmlObject | undefined {
    let attrs: XmlObject | undefined;
    while (this.i < this.z) {
      this.skipSpace();
      if (this.x[this.i] === ">" || this.x[this.i] === "/") break;
      const name = this.readName("= \t\r\n>/?");
      this.skipSpace();
      if (this.x[this.i] !== "=") break;
      this.i++;
      this.skipSpace();
      const quote = this.x[this.i]!;
      this.i++;
      let end = this.x.indexOf(quote, this.i);
      if (end === -1) end = this.z;
      const value = textOf(this.x, this.i, end);
      this.i = end + 1;
      if (isObjectKey(name)) this.fail(`the attribute name ${name}`);
      (attrs ??= {})[name] = value;
    }
    return attrs;
  }

  element(): { tag: string; value: XmlValue } {
    const x = this.x;
    this.i++;
    const tag = this.readTagName();
    if (isObjectKey(tag)) this.fail(`the element name ${tag}`);
    const attrs = this.attributes();
    if (this.i >= this.z) this.fail("unexpected end of input");
    if (x.charCodeAt(this.i) === SLASH) {
      if (x.charCodeAt(++this.i) !== GT) this.fail("expected > at the end of a self-closing tag");
      this.i++;
      return { tag, value: attrs ?? "" };
    }
    if (x.charCodeAt(this.i) !== GT) this.fail("expected > at the end of an opening tag");
    this.i++;
    if (!attrs) {
      // The common leaf, `<Name>text</Name>` or `<Name></Name>`, without the general case's lists.
      const end = x.indexOf("<", this.i);
      if (end !== -1 && x.charCodeAt(end + 1) === SLASH) {
        const text = textOf(x, this.i, end);
        this.i = end;
        this.closeTag(tag);
        return { tag, value: isIndent(text) ? "" : text };
      }
    }
    // Most elements hold one text or nothing: arrays are made only when needed. (No closure here: tsx
    // wraps every function it creates at run time in a naming call, which cost more than the parse.)
    let texts: string[] | undefined;
    let children: { tag: string; value: XmlValue }[] | undefined;
    while (this.i < this.z) {
      if (x.charCodeAt(this.i) === LT) {
        const next = x.charCodeAt(this.i + 1);
        if (next === SLASH) break;
        if (next === BANG && x.startsWith("<!--", this.i)) this.readTo("-->");
        else if (next === BANG && x.startsWith("<![CDATA[", this.i)) {
          this.i += 9;
          (texts ??= []).push(own(this.readTo("]]>")));
        } else if (next === QUESTION) this.readTo("?>");
        else (children ??= []).push(this.element());
      } else {
        let end = x.indexOf("<", this.i);
        if (end === -1) end = this.z;
        (texts ??= []).push(textOf(x, this.i, end));
        this.i = end;
      }
    }
    this.closeTag(tag);
    return { tag, value: this.valueOf(attrs, texts, children) };
  }

  readTagName(): string {
    const start = this.i;
    for (; this.i < this.z; this.i++) {
      const c = this.x.charCodeAt(this.i);
      if (c === GT || c === SLASH || isSpace(c)) break;
    }
    return this.x.slice(start, this.i);
  }

  /** `</tag>` (spaces allowed around the name, as the SDK's reader allows). */
  closeTag(tag: string): void {
    const x = this.x;
    if (x.charCodeAt(this.i) !== LT || x.charCodeAt(this.i + 1) !== SLASH)
      this.fail(`missing closing tag </${tag}>`);
    this.i += 2;
    const end = this.i + tag.length;
    if (x.startsWith(tag, this.i) && x.charCodeAt(end) === GT) {
      this.i = end + 1;
      return;
    }
    if (this.readTo(">").trim() !== tag) this.fail(`mismatched closing tag for <${tag}>`);
  }

  valueOf(
    attrs: XmlObject | undefined,
    texts: string[] | undefined,
    children: { tag: string; value: XmlValue }[] | undefined,
  ): XmlValue {
    if (!attrs && !children) {
      if (!texts) return "";
      const text = texts.length === 1 ? texts[0]! : texts.join("");
      return isIndent(text) ? "" : text;
    }
    const obj: XmlObject = {};
    for (const text of texts ?? []) {
      if (isIndent(text)) continue;
      obj[TEXT] = TEXT in obj ? (obj[TEXT] as string) + text : text;
    }
    for (const child of children ?? []) {
      const value = folded(child.value);
      const prior = obj[child.tag];
      if (prior === undefined) obj[child.tag] = value;
      else if (Array.isArray(prior)) prior.push(value);
      else obj[child.tag] = [prior, value];
    }
    if (attrs) Object.assign(obj, attrs);
    return obj;
  }
}

/**
 * What the SDK's `XmlShapeDeserializer.parseXml(xml)` returns for `xml`: the root element's value, every
 * element that has text alongside attributes or children replaced by that text one level up. Throws on XML
 * it cannot read (the caller then lets the SDK's reader have the last word and its error message).
 */
export function parseAwsXml(xml: string): unknown {
  if (!xml.length) return {};
  const { tag, value } = new Reader(xml).root();
  if (typeof value === "object" && value[TEXT]) {
    value[tag] = value[TEXT] as string;
    delete value[TEXT];
  }
  return value;
}
