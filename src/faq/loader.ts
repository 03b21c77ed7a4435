import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../domain/errors.js';
import { FrontMatterError, parseFrontMatter, type FrontMatterValue } from './front-matter.js';
import type { KnowledgeBase, Topic } from './types.js';

/** Shipped topics, next to this module, so the service and the CLI need no configuration. */
export const DEFAULT_TOPICS_DIR = fileURLToPath(new URL('./topics/', import.meta.url));

/** Hard limit; the shipped topics aim for 700 characters (a chat bubble), checked by the tests. */
export const MAX_BODY_CHARS = 1000;

/**
 * A topic file is wrong (bad header, missing field, duplicate id). Retrying does not help: the
 * file must be fixed. The message names the file so the person editing it knows where to look.
 */
export class KnowledgeBaseError extends AppError {
  constructor(readonly file: string, detail: string) {
    super('faq_topic_invalid', `${file}: ${detail}`, { retryable: false });
    this.name = 'KnowledgeBaseError';
  }
}

const REQUIRED = ['id', 'title', 'examples', 'keywords', 'source_url', 'source_title', 'source_date'] as const;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** Reads every `*.md` file in `dir` into a validated knowledge base; throws on the first bad file. */
export async function loadKnowledgeBase(dir: string = DEFAULT_TOPICS_DIR): Promise<KnowledgeBase> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch (cause) {
    throw new KnowledgeBaseError(dir, `cannot read the topics folder (${(cause as Error).message})`);
  }
  if (names.length === 0) throw new KnowledgeBaseError(dir, 'no topic files (*.md) found');
  const topics: Topic[] = [];
  const byId = new Map<string, Topic>();
  for (const name of names) {
    const path = join(dir, name);
    const topic = parseTopic(await readFile(path, 'utf8'), displayPath(path));
    const clash = byId.get(topic.id);
    if (clash) throw new KnowledgeBaseError(topic.file, `id "${topic.id}" is also used by ${clash.file}`);
    byId.set(topic.id, topic);
    topics.push(topic);
  }
  return { topics, byId, loadedAt: new Date() };
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** Parses and validates one topic file's text; `file` is used in error messages only. */
export function parseTopic(source: string, file: string): Topic {
  let doc;
  try {
    doc = parseFrontMatter(source.normalize('NFC'));
  } catch (err) {
    if (err instanceof FrontMatterError) throw new KnowledgeBaseError(file, err.message);
    throw err;
  }
  const h = doc.header;
  const missing = REQUIRED.filter((k) => h[k] === undefined);
  if (missing.length > 0) throw new KnowledgeBaseError(file, `missing header field(s): ${missing.join(', ')}`);
  const fail = (detail: string): never => {
    throw new KnowledgeBaseError(file, detail);
  };
  const id = text(h, 'id', fail);
  if (!ID.test(id)) fail(`id "${id}" must be lower-case words joined by "-"`);
  if (basename(file, '.md') !== id) fail(`id "${id}" must match the file name`);
  const examples = list(h, 'examples', fail);
  if (examples.length < 3) fail('needs at least 3 examples');
  const keywords = list(h, 'keywords', fail);
  if (keywords.length < 1) fail('needs at least 1 keyword');
  const requires = h.requires === undefined ? [] : list(h, 'requires', fail);
  const excludes = h.excludes === undefined ? [] : list(h, 'excludes', fail);
  const requiresAlso = h.requires_also === undefined ? [] : list(h, 'requires_also', fail);
  if (requiresAlso.length > 0 && requires.length === 0) fail('"requires_also" needs a "requires" list');
  const sourceUrl = text(h, 'source_url', fail);
  if (!/^https?:\/\/\S+$/.test(sourceUrl)) fail(`source_url "${sourceUrl}" must be an http(s) URL`);
  const sourceDate = text(h, 'source_date', fail);
  if (!DATE.test(sourceDate)) fail(`source_date "${sourceDate}" must be YYYY, YYYY-MM or YYYY-MM-DD`);
  if (doc.body === '') fail('the answer (text after the header) is empty');
  if (doc.body.length > MAX_BODY_CHARS) fail(`the answer is ${doc.body.length} characters, limit ${MAX_BODY_CHARS}`);
  return {
    id,
    title: text(h, 'title', fail),
    examples,
    keywords,
    requires,
    requiresAlso,
    excludes,
    sourceUrl,
    sourceTitle: text(h, 'source_title', fail),
    sourceDate,
    body: doc.body,
    file,
  };
}

type Fail = (detail: string) => never;

function text(h: Record<string, FrontMatterValue>, key: string, fail: Fail): string {
  const v = h[key];
  if (typeof v !== 'string' || v.trim() === '') return fail(`"${key}" must be a non-empty text`);
  return v.trim();
}

function list(h: Record<string, FrontMatterValue>, key: string, fail: Fail): string[] {
  const v = h[key];
  if (!Array.isArray(v)) return fail(`"${key}" must be a list`);
  return v.map((s) => s.trim()).filter((s) => s !== '');
}
