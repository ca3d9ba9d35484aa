// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A well-formedness check for DUIS XML, run before duis-parser (whose fast-xml-parser is
 * lenient: `<a><b></a>` parses). It covers what DUIS messages use: an optional XML declaration,
 * comments, processing instructions, one root element, start/end/empty tags with quoted
 * attributes (no duplicates), text and CDATA, the five predefined entities and character
 * references. A DOCTYPE is refused: DUIS has none, and refusing it keeps entity expansion out.
 *
 * It reports the first problem with its 1-based line and column.
 */

export interface WellFormednessProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;
const PREDEFINED = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);
const WS = /[ \t\r\n]/;

function position(xml: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < xml.length; i++) {
    if (xml[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Problem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function checkReferences(text: string, at: number, where: string): void {
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    const end = text.indexOf(';', i);
    const ref = end === -1 ? '' : text.slice(i + 1, end);
    const ok =
      end !== -1 &&
      (PREDEFINED.has(ref) || /^#[0-9]{1,7}$/.test(ref) || /^#x[0-9A-Fa-f]{1,6}$/.test(ref));
    if (!ok) {
      const shown = end === -1 || end - i > 12 ? text.slice(i, i + 8) : text.slice(i, end + 1);
      throw new Problem(
        /^&[A-Za-z_][\w.-]*;$/.test(shown)
          ? `unknown entity ${shown} in ${where} (only &lt; &gt; &amp; &apos; &quot; and character references)`
          : `a bare "&" in ${where} must be written &amp;`,
        at + i,
      );
    }
  }
}

function readName(xml: string, i: number, what: string): { name: string; end: number } {
  if (i >= xml.length || !NAME_START.test(xml[i]!)) {
    throw new Problem(`expected ${what} name, found ${i >= xml.length ? 'the end of the text' : JSON.stringify(xml[i])}`, i);
  }
  let j = i + 1;
  while (j < xml.length && NAME_CHAR.test(xml[j]!)) j++;
  return { name: xml.slice(i, j), end: j };
}

function skipWs(xml: string, i: number): number {
  while (i < xml.length && WS.test(xml[i]!)) i++;
  return i;
}

/** Returns the first well-formedness problem, or null when the text is well-formed XML. */
export function checkWellFormed(xml: string): WellFormednessProblem | null {
  try {
    scan(xml);
    return null;
  } catch (e) {
    if (e instanceof Problem) return { message: e.message, ...position(xml, e.offset) };
    throw e;
  }
}

function scan(xml: string): void {
  const stack: { name: string; offset: number }[] = [];
  let rootClosed = false;
  let rootSeen = false;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const start = i;
  if (xml.trim().length === 0) throw new Problem('the document is empty', 0);

  while (i < xml.length) {
    if (xml[i] !== '<') {
      const next = xml.indexOf('<', i);
      const end = next === -1 ? xml.length : next;
      const text = xml.slice(i, end);
      if (stack.length === 0) {
        const firstNonWs = text.search(/[^ \t\r\n]/);
        if (firstNonWs !== -1) {
          throw new Problem(
            rootSeen ? 'text after the root element' : 'text before the root element (expected "<")',
            i + firstNonWs,
          );
        }
      } else {
        checkReferences(text, i, `the text of <${stack[stack.length - 1]!.name}>`);
      }
      i = end;
      continue;
    }
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end === -1) throw new Problem('unterminated processing instruction or XML declaration ("?>" missing)', i);
      const target = readName(xml, i + 2, 'processing-instruction target');
      if (target.name.toLowerCase() === 'xml' && i !== start) {
        throw new Problem('the XML declaration must come first in the document', i);
      }
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end === -1) throw new Problem('unterminated comment ("-->" missing)', i);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) throw new Problem('CDATA outside the root element', i);
      const end = xml.indexOf(']]>', i + 9);
      if (end === -1) throw new Problem('unterminated CDATA section ("]]>" missing)', i);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<!', i)) {
      throw new Problem('a DOCTYPE or other declaration is not allowed in DUIS', i);
    }
    if (xml.startsWith('</', i)) {
      const { name, end } = readName(xml, i + 2, 'closing tag');
      const close = skipWs(xml, end);
      if (xml[close] !== '>') throw new Problem(`closing tag </${name} is not closed with ">"`, close);
      const open = stack.pop();
      if (!open) throw new Problem(`closing tag </${name}> has no open element`, i);
      if (open.name !== name) {
        const p = position(xml, open.offset);
        throw new Problem(
          `closing tag </${name}> does not match the open element <${open.name}> (opened at line ${p.line}, column ${p.column})`,
          i,
        );
      }
      if (stack.length === 0) rootClosed = true;
      i = close + 1;
      continue;
    }
    // start tag
    if (rootClosed) throw new Problem('a second root element (a document has exactly one)', i);
    const { name, end } = readName(xml, i + 1, 'element');
    const seen = new Set<string>();
    let j = end;
    for (;;) {
      const afterWs = skipWs(xml, j);
      if (afterWs >= xml.length) throw new Problem(`start tag <${name} is not closed with ">"`, i);
      const c = xml[afterWs];
      if (c === '>') {
        stack.push({ name, offset: i });
        rootSeen = true;
        i = afterWs + 1;
        break;
      }
      if (c === '/') {
        if (xml[afterWs + 1] !== '>') throw new Problem(`expected "/>" to end the empty element <${name}>`, afterWs);
        rootSeen = true;
        if (stack.length === 0) rootClosed = true;
        i = afterWs + 2;
        break;
      }
      if (afterWs === j) throw new Problem(`expected whitespace before an attribute of <${name}>`, j);
      const attr = readName(xml, afterWs, `attribute (in <${name}>)`);
      if (seen.has(attr.name)) throw new Problem(`attribute ${attr.name} appears twice in <${name}>`, afterWs);
      seen.add(attr.name);
      let k = skipWs(xml, attr.end);
      if (xml[k] !== '=') throw new Problem(`expected "=" after attribute ${attr.name} of <${name}>`, k);
      k = skipWs(xml, k + 1);
      const quote = xml[k];
      if (quote !== '"' && quote !== "'") {
        throw new Problem(`expected a quoted value for attribute ${attr.name} of <${name}>`, k);
      }
      const close = xml.indexOf(quote, k + 1);
      if (close === -1) throw new Problem(`unterminated value of attribute ${attr.name} of <${name}>`, k);
      const value = xml.slice(k + 1, close);
      const lt = value.indexOf('<');
      if (lt !== -1) throw new Problem(`"<" in the value of attribute ${attr.name} of <${name}>`, k + 1 + lt);
      checkReferences(value, k + 1, `attribute ${attr.name} of <${name}>`);
      j = close + 1;
    }
  }
  const open = stack[stack.length - 1];
  if (open) {
    const p = position(xml, open.offset);
    throw new Problem(`element <${open.name}> opened at line ${p.line}, column ${p.column} is never closed`, xml.length);
  }
  if (!rootSeen) throw new Problem('no root element', xml.length);
}
