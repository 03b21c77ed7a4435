import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS_DIR, KnowledgeBaseError, loadKnowledgeBase } from '../../src/faq/loader.js';
import { createFaqService } from '../../src/faq/service.js';

const SHIPPED = ['vaccine-cost', 'hotline', 'pregnancy'];

describe('reloading topics without a restart', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faq-topics-'));
    for (const id of SHIPPED) await writeFile(join(dir, `${id}.md`), await readFile(join(DEFAULT_TOPICS_DIR, `${id}.md`)));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('picks up a changed topic file', async () => {
    const faq = await createFaqService({ dir });
    expect(faq.match('tiêm vắc xin có mất tiền không').answer?.text).toMatch(/miễn phí/);
    const path = join(dir, 'vaccine-cost.md');
    const source = await readFile(path, 'utf8');
    await writeFile(path, source.replace(/\n---\n[\s\S]*$/, '\n---\nNội dung mới đã cập nhật.\nXem thêm: https://example.gov.vn\n'));
    expect(await faq.reload()).toEqual({ topics: 3 });
    expect(faq.match('tiêm vắc xin có mất tiền không').answer?.text).toMatch(/^Nội dung mới đã cập nhật/);
  });

  it('picks up an added topic file', async () => {
    const faq = await createFaqService({ dir });
    await writeFile(join(dir, 'booster.md'), await readFile(join(DEFAULT_TOPICS_DIR, 'booster.md')));
    expect(await faq.reload()).toEqual({ topics: 4 });
    expect(faq.topics().map((t) => t.id)).toContain('booster');
  });

  it('keeps the previous knowledge base when a file is broken, and names the file', async () => {
    const faq = await createFaqService({ dir });
    const before = faq.match('đường dây nóng bộ y tế').answer?.text;
    expect(before).toMatch(/1900 9095/);
    await writeFile(join(dir, 'hotline.md'), '---\nid: hotline\ntitle: thiếu trường\n---\nBody\n');
    const err = await faq.reload().then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(KnowledgeBaseError);
    expect((err as KnowledgeBaseError).message).toMatch(/hotline\.md/);
    expect((err as KnowledgeBaseError).message).toMatch(/examples/);
    expect((err as KnowledgeBaseError).retryable).toBe(false);
    expect(faq.topics()).toHaveLength(3);
    expect(faq.match('đường dây nóng bộ y tế').answer?.text).toBe(before);
  });

  it('rejects a header syntax error with its line, a wrong id and a duplicate id', async () => {
    await writeFile(join(dir, 'bad.md'), '---\nid: bad\nnot a header line\n---\nx\n');
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/bad\.md: line 3/);
    await writeFile(join(dir, 'bad.md'), (await readFile(join(dir, 'hotline.md'), 'utf8')));
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/bad\.md: id "hotline" must match the file name/);
  });

  it('fails clearly on an empty or missing folder', async () => {
    await expect(loadKnowledgeBase(join(dir, 'nope'))).rejects.toThrow(/cannot read the topics folder/);
    const empty = await mkdtemp(join(tmpdir(), 'faq-empty-'));
    await expect(loadKnowledgeBase(empty)).rejects.toThrow(/no topic files/);
    await rm(empty, { recursive: true });
  });
});
