import { AppError } from '../domain/errors.js';

/**
 * A tiny front-matter reader for topic files: a `---` fenced header of `key: value` lines,
 * `key:` followed by `  - item` lines, or `key: [a, b]`, then the Markdown body. A full YAML
 * library would be a new dependency for a dozen fields; this subset is all topics need, and it
 * reports the line of any mistake so an official editing a topic sees what to fix.
 */
export type FrontMatterValue = string | string[];

export interface ParsedDocument {
  readonly header: Record<string, FrontMatterValue>;
  readonly body: string;
}

export class FrontMatterError extends AppError {
  constructor(message: string, readonly line: number) {
    super('front_matter', `line ${line}: ${message}`, { retryable: false });
    this.name = 'FrontMatterError';
  }
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?:\s+(.*))?$/;
const ITEM_LINE = /^\s+-\s+(.*)$/;

export function parseFrontMatter(source: string): ParsedDocument {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') throw new FrontMatterError('file must start with a "---" line', 1);
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) throw new FrontMatterError('header is not closed by a "---" line', lines.length);
  const header = parseHeader(lines.slice(1, end));
  const body = lines.slice(end + 1).join('\n').trim();
  return { header, body };
}

function parseHeader(lines: string[]): Record<string, FrontMatterValue> {
  const header: Record<string, FrontMatterValue> = {};
  let listKey: string | null = null;
  lines.forEach((raw, i) => {
    const lineNo = i + 2;
    if (raw.trim() === '' || raw.trim().startsWith('#')) return;
    const item = ITEM_LINE.exec(raw);
    if (item) {
      const list = listKey === null ? undefined : header[listKey];
      if (!Array.isArray(list)) throw new FrontMatterError('list item without a "key:" line above it', lineNo);
      list.push(unquote(item[1] ?? '', lineNo));
      return;
    }
    const kv = KEY_LINE.exec(raw);
    if (!kv) throw new FrontMatterError(`expected "key: value", got "${raw.trim()}"`, lineNo);
    const key = kv[1] as string;
    if (key in header) throw new FrontMatterError(`duplicate key "${key}"`, lineNo);
    const value = (kv[2] ?? '').trim();
    listKey = null;
    if (value === '') {
      header[key] = [];
      listKey = key;
    } else if (value.startsWith('[')) {
      header[key] = parseInlineList(value, lineNo);
    } else {
      header[key] = unquote(value, lineNo);
    }
  });
  return header;
}

function parseInlineList(value: string, lineNo: number): string[] {
  if (!value.endsWith(']')) throw new FrontMatterError('inline list must end with "]"', lineNo);
  const inner = value.slice(1, -1);
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of inner) {
    if (quote) {
      if (ch === quote) quote = null;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ',') {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quote) throw new FrontMatterError('unclosed quote in inline list', lineNo);
  if (current.trim() !== '') items.push(current);
  return items.map((s) => unquote(s.trim(), lineNo)).filter((s) => s !== '');
}

function unquote(value: string, lineNo: number): string {
  const v = value.trim();
  const q = v[0];
  if (q === '"' || q === "'") {
    if (v.length < 2 || v[v.length - 1] !== q) throw new FrontMatterError(`unclosed quote in ${v}`, lineNo);
    return v.slice(1, -1);
  }
  return v;
}
