import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SendError } from '../../src/channels/contract.js';
import { PhotoError } from '../../src/checkin/resolver.js';
import { ConfigError } from '../../src/config/schema.js';
import { AppError } from '../../src/domain/errors.js';
import { createLogger } from '../../src/log.js';
import { throttledErrorLog } from '../../src/log-throttle.js';
import { isTransient } from '../../src/pipeline/turn-errors.js';
import { BroadcastInputError } from '../../src/broadcasts/ports.js';
import { TracingInputError } from '../../src/tracing/ports.js';
import { ZaloTokenError } from '../../bots/zalo-oa/tokens.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === 'node_modules' || name === 'app') return []; // the Mini App's browser code is a separate program
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('errors', () => {
  it('every error class we raise is an AppError that says whether a retry helps', () => {
    const cases: [AppError, boolean][] = [
      [new SendError('retry', 'HTTP 502'), true],
      [new SendError('rate-limited', '429'), true],
      [new SendError('auth', '401'), false],
      [new SendError('unreachable', 'blocked'), false],
      [new PhotoError('too-large', 'big'), false],
      [new ConfigError([{ key: 'PORT', message: 'bad' }]), false],
      [new BroadcastInputError('no commune'), false],
      [new TracingInputError('bad_window', 'bad'), false],
      [new ZaloTokenError('HTTP 503', true), true],
    ];
    for (const [err, retryable] of cases) {
      expect(err).toBeInstanceOf(AppError);
      expect(err.retryable, err.name).toBe(retryable);
      expect(isTransient(err), err.name).toBe(retryable);
      expect(err.code).toMatch(/^[a-z_]+$/);
    }
  });

  it('no error is swallowed by an empty handler in the service', () => {
    const offenders: string[] = [];
    for (const file of [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'bots'))]) {
      const text = readFileSync(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (/\.on\(\s*'error'\s*,\s*\(\)\s*=>\s*\{\s*\}\s*\)/.test(line) || /\.catch\(\(\)\s*=>\s*(\{\s*\}|undefined)\)/.test(line)) {
          // Terminating a decoder thread that is being replaced may fail only because it already died.
          if (/worker\.terminate\(\)/.test(line)) return;
          offenders.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });

  it('logs a flood of connection errors once a minute, with a count and without payloads', () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const log = createLogger('warn', sink);
    const report = throttledErrorLog(log, 'Redis connection problem', { queue: 'inbound' }, 50);
    const failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED', payload: { text: 'Tôi tên Lan' } });
    for (let i = 0; i < 100; i++) report(failure);
    expect(lines).toHaveLength(1);
    const start = Date.now();
    while (Date.now() - start < 60) {
      /* let the window pass */
    }
    report(failure);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ msg: 'Redis connection problem', queue: 'inbound', suppressed: 99, err: { code: 'ECONNREFUSED' } });
    expect(JSON.stringify(lines)).not.toContain('Tôi tên Lan');
  });
});
