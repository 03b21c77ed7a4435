import type { CodeResolver, Resolution } from '../checkin/resolver.js';
import type { VenueInfo } from '../checkin/types.js';
import type { VenueRepo } from '../db/repos/venue-repo.js';
import type { VenueDomain } from './ports.js';

/**
 * Resolves what a resident sent to one of our venue codes: our URL (alone or inside other text),
 * a deep-link payload, a typed manual code, or the texts decoded from a photo (ours picked among
 * others). The token's signature is checked before any database lookup, so guessed or altered
 * tokens cost nothing and reveal nothing.
 */
export class VenueCodeResolver implements CodeResolver {
  constructor(
    private readonly domain: VenueDomain,
    private readonly repo: VenueRepo,
  ) {}

  async fromText(text: string): Promise<Resolution> {
    const c = this.domain.classify(text);
    if (c.kind === 'ours') return this.fromTokens(c.tokens);
    const manual = this.domain.normaliseManualCode(text);
    if (manual) {
      const found = await this.repo.codeByManual(manual);
      return found ? { kind: 'venue', venue: found.venue, code: found.code } : { kind: 'invalid' };
    }
    // A code with a typo is still meant as a code: say so, never hand it to the FAQ.
    if (c.kind === 'other-text' && this.domain.looksLikeManualCode(text)) return { kind: 'invalid', typed: text.trim() };
    // Plain chat text is not a code: let other features answer it. A URL or payment string is.
    return c.kind === 'other-text' ? { kind: 'none' } : { kind: 'not-ours', what: c.kind };
  }

  async fromPayload(payload: string): Promise<Resolution> {
    const token = this.domain.tokenFromPayload(payload);
    return token ? this.fromTokens([token]) : { kind: 'invalid' };
  }

  async fromToken(token: string): Promise<Resolution> {
    return this.fromTokens([token]);
  }

  async fromDecoded(texts: readonly string[]): Promise<Resolution> {
    let firstOther: Resolution | undefined;
    const found: { venue: VenueInfo; codeId: string; text: string; r: Resolution }[] = [];
    for (const text of texts) {
      const c = this.domain.classify(text);
      if (c.kind === 'ours') {
        const r = await this.fromTokens(c.tokens);
        if (r.kind === 'venue' && !found.some((f) => f.codeId === r.code.id)) found.push({ venue: r.venue, codeId: r.code.id, text, r });
        else if (r.kind !== 'venue') firstOther ??= r;
      } else {
        firstOther ??= { kind: 'not-ours', what: c.kind };
      }
    }
    if (found.length > 1) return { kind: 'venues', options: found.map(({ venue, text }) => ({ venue, text })) };
    return found[0]?.r ?? firstOther ?? { kind: 'none' };
  }

  private async fromTokens(tokens: readonly string[]): Promise<Resolution> {
    for (const token of tokens) {
      const codeId = this.domain.verifyToken(token);
      if (!codeId) continue;
      const found = await this.repo.codeWithVenue(codeId);
      if (found) return { kind: 'venue', venue: found.venue, code: found.code };
    }
    return { kind: 'invalid' };
  }
}
