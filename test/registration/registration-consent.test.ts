import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../harness/service.js';
import { choicesOf, SimChat, textOf } from '../harness/sim-chat.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true, env: { REGISTRATION_RETENTION_DAYS: '45' } });
});
afterAll(async () => {
  await ts?.stop();
});

/** Every table of the database whose rows (as text) contain `needle`, with how many rows. */
async function tablesMentioning(needle: string): Promise<Record<string, number>> {
  const rows = (await ts.rt.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as { table_name: string }[];
  const found: Record<string, number> = {};
  for (const { table_name } of rows) {
    const [hit] = (await ts.rt.db.execute(sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text like ${'%' + needle + '%'}`)) as unknown as { n: number }[];
    if (hit && hit.n > 0) found[table_name] = hit.n;
  }
  return found;
}

const CCCD = '051190001234';
const PHONE = '0935777888';

describe('registration consent comes first', () => {
  it('asks for consent before any personal question, quoting the configured retention', async () => {
    const chat = new SimChat(ts, 'resident');
    const ask = await chat.send('đăng ký tiêm');
    expect(textOf(ask)).toMatch(/số CCCD/);
    expect(textOf(ask)).toMatch(/45 ngày/);
    expect(textOf(ask)).toMatch(/Nghị định 13\/2023/);
    expect(textOf(ask)).not.toMatch(/Họ và tên/);
    expect(choicesOf(ask).map((c) => c.label)).toEqual(expect.arrayContaining(['Đồng ý', 'Không đồng ý']));
    expect(textOf(await chat.send({ choice: 'rg:agree' }))).toMatch(/cho ai/);
    expect(textOf(await chat.send({ choice: 'rg:who:self' }))).toMatch(/Họ và tên/);
  });

  it('keeps no CCCD or phone number typed before consent in any table, and a refusal ends the flow', async () => {
    const chat = new SimChat(ts, 'resident');
    await chat.send('/dangkytiem');
    // Eager residents type their details straight away: the consent question is asked again, nothing is kept.
    const again = textOf(await chat.send(`Nguyễn Văn Tám, ${CCCD}, ${PHONE}`));
    expect(again).toMatch(/Đồng ý/);
    expect(again).not.toContain(CCCD);
    expect(again).not.toContain(PHONE);
    expect(await tablesMentioning(CCCD)).toEqual({});
    expect(await tablesMentioning(PHONE)).toEqual({});

    expect(textOf(await chat.send({ choice: 'rg:refuse' }))).toMatch(/không lưu/);
    // The flow is over: a CCCD now is not taken as an answer to a registration question, nor kept as a question.
    expect(textOf(await chat.send(CCCD))).not.toMatch(/bảo hiểm y tế/);
    expect(await tablesMentioning(CCCD)).toEqual({});
    expect(await tablesMentioning('Nguyễn Văn Tám')).toEqual({});
    const states = (await ts.rt.db.execute(sql`select s.state::text as s from conversation_states s join contacts c on c.id = s.contact_id where c.chat_id like ${'%' + chat.session + '%'}`)) as unknown as { s: string }[];
    expect(states).toHaveLength(1);
    expect(states[0]!.s).not.toMatch(/"registration"/);
  });

  it('after consent keeps the answers only in the conversation state, expiring within 2 h, until "Gửi đăng ký"', async () => {
    const chat = new SimChat(ts, 'resident');
    await chat.send('dang ky tiem');
    expect(textOf(await chat.send('dong y'))).toMatch(/cho ai/);
    expect(textOf(await chat.send({ choice: 'rg:who:self' }))).toMatch(/Họ và tên/);
    await chat.send('Phạm Thị Mười');
    // After consent the answers live in the conversation state (expiring), not yet in the registrations.
    await chat.send('1/2/1970');
    expect(await tablesMentioning('Phạm Thị Mười')).toEqual({ conversation_states: 1 });
    const [form] = (await ts.rt.db.execute(sql`select extract(epoch from expires_at - now())::int as s from conversation_states where state::text like '%Phạm Thị Mười%'`)) as unknown as { s: number }[];
    expect(form!.s).toBeGreaterThan(3600);
    expect(form!.s).toBeLessThanOrEqual(2 * 3600);
  });
});
