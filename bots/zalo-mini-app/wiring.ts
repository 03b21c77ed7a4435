import { CheckInService } from '../../src/checkin/checkin-service.js';
import { checkInUseCases } from '../../src/checkin/use-cases.js';
import { LinkRepo } from '../../src/db/repos/link-repo.js';
import { VisitRepo } from '../../src/db/repos/visit-repo.js';
import type { Runtime } from '../../src/runtime.js';
import { ZaloGraphClient } from './graph.js';
import type { MiniAppApiDeps } from './routes.js';

/** The OA id inside `ZALO_OA_CHAT_URL` (https://zalo.me/<OA id>), for followOA/openChat in the app. */
export function oaIdFromChatUrl(chatUrl: string | undefined): string | undefined {
  if (!chatUrl) return undefined;
  return /^https?:\/\/(?:www\.)?zalo\.me\/(\d{5,30})\/?$/.exec(chatUrl)?.[1];
}

/** The Mini App API's dependencies, from the runtime; undefined when `ZALO_MINI_APP_ID` is unset (channel off). */
export function miniAppDeps(rt: Runtime): MiniAppApiDeps | undefined {
  const appId = rt.config.ZALO_MINI_APP_ID;
  if (!appId) return undefined;
  const { domain, resolver } = rt.venues;
  const store = new VisitRepo(rt.db);
  const service = new CheckInService(store, (id) => domain.communeById(id)?.district);
  return {
    appId,
    graph: new ZaloGraphClient({ root: rt.config.ZALO_GRAPH_ROOT, appSecret: rt.config.ZALO_APP_SECRET ?? '' }),
    contacts: rt.repos.contacts,
    links: new LinkRepo(rt.db),
    visits: checkInUseCases({ service, store, resolver }),
    clock: rt.clock,
    communeName: (id) => domain.communeById(id)?.name,
    oaId: oaIdFromChatUrl(rt.config.ZALO_OA_CHAT_URL),
    retentionDays: rt.config.VISIT_RETENTION_DAYS,
    async notify(to, text) {
      const receipt = await rt.outbox.add(rt.db, [{ to, priority: 'reply', parts: [{ type: 'text', text }] }]);
      await rt.outbox.afterCommit(receipt);
    },
  };
}
