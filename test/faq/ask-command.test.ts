import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askCommand } from '../../src/cli/commands/ask.js';
import type { CliContext } from '../../src/cli/command.js';

function fakeContext() {
  const out: string[] = [];
  const err: string[] = [];
  const ctx = {
    io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) },
    config: {} as CliContext['config'],
    runtime: () => Promise.reject(new Error('ask must not open the runtime')),
  } satisfies CliContext;
  return { ctx, out, err };
}

describe('npm run cli -- ask', () => {
  it('prints one JSON line with id, score and answer', async () => {
    const { ctx, out } = fakeContext();
    expect(await askCommand.run(['dk tiem o dau vay'], ctx)).toBe(0);
    expect(out).toHaveLength(1);
    const line = JSON.parse(out[0] as string);
    expect(line.id).toBe('register-portal');
    expect(typeof line.score).toBe('number');
    expect(line.answer).toMatch(/tiemchungcovid19\.gov\.vn/);
  });

  it('prints id null and an honest answer out of scope', async () => {
    const { ctx, out } = fakeContext();
    await askCommand.run(['giá', 'vàng', 'hôm', 'nay'], ctx);
    const line = JSON.parse(out[0] as string);
    expect(line.id).toBeNull();
    expect(line.decision).toBe('unknown');
    expect(line.answer).toMatch(/chưa có thông tin/);
  });

  it('answers every line of a JSONL file and reports bad lines without stopping', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ask-'));
    const file = join(dir, 'q.jsonl');
    await writeFile(file, ['{"q": "otp không về"}', 'not json', '', '{"x": 1}', '{"q": "bóng đá"}'].join('\n'));
    const { ctx, out } = fakeContext();
    expect(await askCommand.run(['--jsonl', file], ctx)).toBe(1);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].id).toBe('otp-not-received');
    expect(lines[1]).toEqual({ line: 2, error: 'not valid JSON' });
    expect(lines[2].line).toBe(4);
    expect(lines[2].error).toMatch(/"q"/);
    expect(lines[3].id).toBeNull();
    await rm(dir, { recursive: true });
  });

  it('returns the usage exit code without a question or file', async () => {
    const { ctx, err } = fakeContext();
    expect(await askCommand.run([], ctx)).toBe(2);
    expect(await askCommand.run(['--jsonl'], ctx)).toBe(2);
    expect(err.join('\n')).toMatch(/usage/);
  });
});
