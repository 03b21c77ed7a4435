import type { TurnContext } from '../conversation/types.js';
import type { VenueRepo } from '../db/repos/venue-repo.js';
import type { VenueDomain } from './ports.js';

/**
 * The communes a person may act for as an official, or undefined for everyone else. Real channels
 * use the officials table (granted by an admin); in the browser simulator the "official" role sees
 * every commune, so a demo works without the CLI.
 */
export function officialScope(domain: VenueDomain, repo: VenueRepo): (ctx: TurnContext) => Promise<string[] | undefined> {
  return async (ctx) => {
    if (ctx.event.channel === 'web') return ctx.person.role === 'official' ? domain.communes.map((c) => c.id) : undefined;
    return repo.officialCommunes(ctx.event.channel, ctx.event.chatId);
  };
}
