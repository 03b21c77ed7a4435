import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { startTestService, type TestService } from '../harness/service.js';
import { capture } from '../harness/cli-io.js';


let ts: TestService;
let env: Record<string, string>;
let id: number;
beforeAll(async () => {
  ts = await startTestService({ workers: false });
  env = { DATABASE_URL: ts.databaseUrl, QUEUE_PREFIX: ts.rt.config.QUEUE_PREFIX };
  const sim = ts.rt.adapters.byChannel('web')!;
  const contact = await ts.rt.repos.contacts.upsertFromEvent({ channel: 'web', botId: sim.botId, chatId: 'cli-chat', userId: 'cli-user', at: new Date(), body: { type: 'text', text: 'x' } });
  id = (await ts.rt.registrations.repo.create({ contactId: contact.id, fullName: 'Đoàn Thị Lan', phone: '0905000999', idKind: 'cccd', idNumber: '051160000999', communeId: 'duc-pho/pho-minh', address: 'Thôn 2', preferredDate: '2099-01-01' })).id;
});
afterAll(async () => {
  await ts?.stop();
});

describe('officials manage registrations from the command line', () => {
  it('registrations:appoint sets the appointment in Vietnam time and schedules the reminders', async () => {
    const c = capture();
    expect(await runCli(['registrations:appoint', '--ids', `${id},999999`, '--at', '2099-01-02 08:30', '--place', 'Trạm y tế Phổ Minh'], env, c.io)).toBe(1);
    expect(JSON.parse(c.out[0]!)).toMatchObject({ at: '08:30 ngày 02/01/2099', updated: [id], reminders: 3, notUpdated: [999999] });
    const [row] = await ts.rt.registrations.repo.byContact((await ts.rt.registrations.repo.reminderTarget(id))!.contactId);
    expect(row!.appointmentAt!.toISOString()).toBe('2099-01-02T01:30:00.000Z');
    expect(await runCli(['registrations:appoint', '--ids', 'x', '--at', 'tomorrow'], env, capture().io)).toBe(2);
  });

  it('registrations:export prints the commune CSV with a BOM', async () => {
    const c = capture();
    expect(await runCli(['registrations:export', '--commune', 'pho minh'], env, c.io)).toBe(0);
    expect(c.out[0]!.startsWith('\uFEFFSố,Họ tên')).toBe(true);
    expect(c.out[0]).toContain('Đoàn Thị Lan');
    expect(c.out[0]).toContain('Trạm y tế Phổ Minh');
    expect(await runCli(['registrations:export', '--commune', 'atlantis'], env, capture().io)).toBe(2);
  });
});
