import type { OfficialRole } from '../../src/officials/types.js';
import type { TestService } from './service.js';
import { textOf, type SimChat } from './sim-chat.js';

/** Makes a simulator chat an official the only way there is: an invite (as `officials:invite` prints) typed in the chat. */
export async function becomeOfficial(ts: TestService, chat: SimChat, opts: { communes?: readonly string[]; role?: OfficialRole } = {}): Promise<string> {
  const communeIds = (opts.communes ?? []).map((c) => ts.rt.venues.domain.searchCommunes(c)[0]!.id);
  const { code } = await ts.rt.officials.invite({ role: opts.role ?? 'official', communeIds, by: null, via: 'cli', now: new Date() });
  const reply = textOf(await chat.send(code));
  if (!/được cấp quyền/.test(reply)) throw new Error(`invite not accepted: ${reply}`);
  return reply;
}
