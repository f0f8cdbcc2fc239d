/**
 * A strict XML well-formedness checker and tree builder, enough for manifest.xml: elements,
 * attributes, text, CDATA, comments, processing instructions, character and the five predefined
 * entity references, and namespace prefixes. No DTDs: a manifest has none, and a DOCTYPE would
 * only hide entities the Office parser may not expand the same way.
 *
 * Written here because the online validator cannot run offline and office-addin-manifest's parser
 * (xml2js) accepts documents that Office rejects (it does not check prefixes, for one).
 */

export interface XmlElement {
  /** Qualified name as written, e.g. `bt:Image`. */
  name: string;
  /** Namespace URI the element's prefix (or the default namespace) resolves to; "" for none. */
  namespace: string;
  /** The name without its prefix. */
  localName: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside this element (entities expanded, CDATA included). */
  text: string;
  line: number;
  column: number;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${message}`);
    this.name = "XmlError";
  }
}

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

// XML 1.0 (fifth edition) NameStartChar and NameChar.
const NAME_START = "A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
// The ranges are code points, not combined characters: the lint rule cannot tell from a built string.
// eslint-disable-next-line no-misleading-character-class
const QNAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*(?::[${NAME_START}][${NAME_CHAR}]*)?$`);
// eslint-disable-next-line no-misleading-character-class
const NAME_AT = new RegExp(`[${NAME_START}:][${NAME_CHAR}:]*`, "y");
// Control characters XML 1.0 does not allow anywhere, not even escaped in text.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

interface OpenElement {
  element: XmlElement;
  scope: Map<string, string>;
}

/** Parses `source` or throws an XmlError naming the line and column of the first problem. */
export function parseXml(source: string): XmlElement {
  return new Parser(source).document();
}

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  document(): XmlElement {
    const bad = FORBIDDEN_CHAR.exec(this.src);
    if (bad) this.fail(`character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} is not allowed in XML`, bad.index);
    if (this.src.startsWith("\uFEFF")) this.pos = 1;
    if (this.src.startsWith("<?xml", this.pos) && /\s/.test(this.src.charAt(this.pos + 5))) this.xmlDeclaration();
    this.misc();
    if (this.pos >= this.src.length) this.fail("the document has no root element");
    if (this.src.startsWith("<!DOCTYPE", this.pos)) this.fail("DOCTYPE declarations are not supported in a manifest");
    if (this.src.charAt(this.pos) !== "<") this.fail("text before the root element");
    const root = this.element(new Map([["xml", XML_NAMESPACE], ["", ""]]));
    this.misc();
    if (this.pos < this.src.length) {
      this.fail(this.src.charAt(this.pos) === "<" ? "a second root element or markup after the root element" : "text after the root element");
    }
    return root;
  }

  private xmlDeclaration(): void {
    const end = this.src.indexOf("?>", this.pos);
    if (end < 0) this.fail("unterminated XML declaration");
    const body = this.src.slice(this.pos + 5, end);
    const declaration = /^\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/;
    if (!declaration.test(body)) this.fail("malformed XML declaration");
    const encoding = /encoding\s*=\s*["']([^"']+)["']/.exec(body);
    if (encoding && encoding[1].toUpperCase() !== "UTF-8") this.fail(`the manifest is read as UTF-8 but declares encoding ${encoding[1]}`);
    this.pos = end + 2;
  }

  /** Comments, processing instructions and white space between top-level constructs. */
  private misc(): void {
    for (;;) {
      this.skipSpace();
      if (this.src.startsWith("<!--", this.pos)) this.comment();
      else if (this.src.startsWith("<?", this.pos)) this.processingInstruction();
      else return;
    }
  }

  private comment(): void {
    const start = this.pos;
    const end = this.src.indexOf("-->", this.pos + 4);
    if (end < 0) this.fail("unterminated comment", start);
    const body = this.src.slice(this.pos + 4, end);
    const dashes = body.indexOf("--");
    if (dashes >= 0) this.fail('"--" is not allowed inside a comment', this.pos + 4 + dashes);
    if (body.endsWith("-")) this.fail('a comment may not end with "--->"', end - 1);
    this.pos = end + 3;
  }

  private processingInstruction(): void {
    const start = this.pos;
    this.pos += 2;
    const target = this.name("processing instruction target");
    if (target.toLowerCase() === "xml") this.fail("the XML declaration is only allowed at the very start of the document", start);
    const end = this.src.indexOf("?>", this.pos);
    if (end < 0) this.fail("unterminated processing instruction", start);
    if (end > this.pos && !/\s/.test(this.src.charAt(this.pos))) this.fail("white space expected after the processing instruction target");
    this.pos = end + 2;
  }

  private element(parentScope: Map<string, string>): XmlElement {
    const start = this.pos;
    this.pos++; // "<"
    const name = this.name("element name");
    if (!QNAME.test(name)) this.fail(`"${name}" is not a valid qualified name`, start + 1);
    const attributes: Record<string, string> = {};
    const attributeAt: Record<string, number> = {};
    let selfClosing = false;
    for (;;) {
      const hadSpace = this.skipSpace();
      const c = this.src.charAt(this.pos);
      if (c === ">") {
        this.pos++;
        break;
      }
      if (this.src.startsWith("/>", this.pos)) {
        this.pos += 2;
        selfClosing = true;
        break;
      }
      if (this.pos >= this.src.length) this.fail(`unterminated start tag <${name}>`, start);
      if (!hadSpace) this.fail("white space expected between attributes");
      const attrStart = this.pos;
      const attr = this.name("attribute name");
      if (!QNAME.test(attr)) this.fail(`"${attr}" is not a valid qualified name`, attrStart);
      if (Object.prototype.hasOwnProperty.call(attributes, attr)) this.fail(`attribute ${attr} appears twice on <${name}>`, attrStart);
      this.skipSpace();
      if (this.src.charAt(this.pos) !== "=") this.fail(`"=" expected after attribute ${attr}`);
      this.pos++;
      this.skipSpace();
      attributes[attr] = this.attributeValue();
      attributeAt[attr] = attrStart;
    }

    const scope = new Map(parentScope);
    for (const [attr, value] of Object.entries(attributes)) {
      if (attr === "xmlns") scope.set("", value);
      else if (attr.startsWith("xmlns:")) {
        const prefix = attr.slice(6);
        if (value === "") this.fail(`namespace prefix ${prefix} may not be bound to an empty URI`, attributeAt[attr]);
        if (prefix === "xmlns" || (prefix === "xml") !== (value === XML_NAMESPACE) || value === XMLNS_NAMESPACE) {
          this.fail(`reserved namespace prefix or URI in ${attr}`, attributeAt[attr]);
        }
        scope.set(prefix, value);
      }
    }
    const expanded = new Set<string>();
    for (const attr of Object.keys(attributes)) {
      if (attr === "xmlns" || attr.startsWith("xmlns:")) continue;
      const colon = attr.indexOf(":");
      if (colon < 0) continue;
      const prefix = attr.slice(0, colon);
      const uri = scope.get(prefix);
      if (uri === undefined) this.fail(`namespace prefix ${prefix} of attribute ${attr} is not declared`, attributeAt[attr]);
      const key = `{${uri}}${attr.slice(colon + 1)}`;
      if (expanded.has(key)) this.fail(`attribute ${attr} appears twice on <${name}> under another prefix`, attributeAt[attr]);
      expanded.add(key);
    }
    const colon = name.indexOf(":");
    const prefix = colon < 0 ? "" : name.slice(0, colon);
    const namespace = scope.get(prefix);
    if (namespace === undefined) this.fail(`namespace prefix ${prefix} of element <${name}> is not declared`, start + 1);

    const { line, column } = this.position(start);
    const element: XmlElement = { name, namespace, localName: name.slice(colon + 1), attributes, children: [], text: "", line, column };
    if (selfClosing) return element;
    this.content({ element, scope });
    return element;
  }

  private content(open: OpenElement): void {
    const { element, scope } = open;
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`<${element.name}> opened at ${element.line}:${element.column} is never closed`);
      if (this.src.startsWith("</", this.pos)) {
        const closeAt = this.pos;
        this.pos += 2;
        const closing = this.name("end tag name");
        this.skipSpace();
        if (this.src.charAt(this.pos) !== ">") this.fail(`">" expected to end </${closing}>`);
        this.pos++;
        if (closing !== element.name) {
          this.fail(`</${closing}> does not match <${element.name}> opened at ${element.line}:${element.column}`, closeAt);
        }
        return;
      }
      if (this.src.startsWith("<!--", this.pos)) this.comment();
      else if (this.src.startsWith("<![CDATA[", this.pos)) {
        const end = this.src.indexOf("]]>", this.pos + 9);
        if (end < 0) this.fail("unterminated CDATA section");
        element.text += this.src.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else if (this.src.startsWith("<?", this.pos)) this.processingInstruction();
      else if (this.src.startsWith("<!", this.pos)) this.fail("markup declarations are not allowed inside an element");
      else if (this.src.charAt(this.pos) === "<") element.children.push(this.element(scope));
      else element.text += this.characterData();
    }
  }

  private characterData(): string {
    let out = "";
    while (this.pos < this.src.length) {
      const c = this.src.charAt(this.pos);
      if (c === "<") break;
      if (c === "&") {
        out += this.reference();
        continue;
      }
      if (this.src.startsWith("]]>", this.pos)) this.fail('"]]>" is not allowed in text');
      out += c;
      this.pos++;
    }
    return out;
  }

  private attributeValue(): string {
    const quote = this.src.charAt(this.pos);
    if (quote !== '"' && quote !== "'") this.fail("attribute value must be quoted");
    this.pos++;
    let out = "";
    for (;;) {
      if (this.pos >= this.src.length) this.fail("unterminated attribute value");
      const c = this.src.charAt(this.pos);
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c === "<") this.fail('"<" is not allowed in an attribute value');
      if (c === "&") {
        out += this.reference();
        continue;
      }
      // Attribute value normalisation: literal white space becomes a space.
      out += /[\t\n\r]/.test(c) ? " " : c;
      this.pos++;
    }
  }

  private reference(): string {
    const start = this.pos;
    const match = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][A-Za-z0-9._-]*);/y;
    match.lastIndex = this.pos;
    const m = match.exec(this.src);
    if (!m) this.fail('"&" must start an entity or character reference such as &amp;', start);
    this.pos = match.lastIndex;
    const ref = m[1];
    if (ref.startsWith("#")) {
      const code = ref.startsWith("#x") ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const allowed =
        code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) this.fail(`&${ref}; refers to a character XML does not allow`, start);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) this.fail(`undefined entity &${ref}; (only &lt; &gt; &amp; &quot; &apos; exist without a DTD)`, start);
    return value;
  }

  private name(what: string): string {
    NAME_AT.lastIndex = this.pos;
    const m = NAME_AT.exec(this.src);
    if (!m) this.fail(`${what} expected`);
    this.pos = NAME_AT.lastIndex;
    return m[0];
  }

  private skipSpace(): boolean {
    const from = this.pos;
    while (this.pos < this.src.length && " \t\r\n".includes(this.src.charAt(this.pos))) this.pos++;
    return this.pos > from;
  }

  private position(offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (this.src.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  }

  private fail(message: string, at: number = this.pos): never {
    const { line, column } = this.position(at);
    throw new XmlError(message, line, column);
  }
}

/** Direct children of `element` with this qualified name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The one direct child with this name; throws when there is none or more than one. */
export function onlyChild(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) {
    throw new Error(`<${element.name}> at ${element.line}:${element.column} has ${found.length} <${name}> children, expected 1`);
  }
  return found[0];
}

/** Every element below `element` (depth first, document order), not including itself. */
export function descendants(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(element);
  return out;
}
