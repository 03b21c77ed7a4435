import type { FastifyPluginAsync } from 'fastify';
import type { VenueRepo } from '../db/repos/venue-repo.js';
import type { VenueDomain } from '../venue-ops/ports.js';
import { codePageTexts } from './texts.js';

export interface CodePageDeps {
  readonly domain: VenueDomain;
  readonly repo: VenueRepo;
  /** t.me username of the Telegram bot, when Telegram is on. */
  telegramBotUsername(): Promise<string | undefined>;
  /** Links that open the Zalo OA / Zalo bot chat, when configured. */
  readonly zaloLinks: readonly { label: string; href: string }[];
  /** Whether the browser simulator is on: the page then also offers a check-in in the browser. */
  readonly simulator: boolean;
  /** The Zalo Mini App, when configured: Zalo's own scanner is sent straight to it (one tap). */
  readonly zaloMiniApp?: { opensInside(userAgent: string | undefined): boolean; linkFor(token: string): string } | undefined;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#eef2f5;color:#17212b}main{max-width:480px;margin:0 auto;padding:24px 18px;background:#fff;min-height:100vh}h1{font-size:22px;margin:0 0 6px}p{line-height:1.5}.muted{color:#5b6670;font-size:14px}a.btn{display:block;text-align:center;padding:14px;margin:12px 0;border-radius:10px;background:#0b6bcb;color:#fff;text-decoration:none;font-size:17px}a.btn.zalo{background:#0068ff}.code{font-size:26px;letter-spacing:3px;font-weight:700}</style></head><body><main>${body}</main></body></html>`;
}

/**
 * GET /c/<token>: what a phone camera opens. A small Vietnamese page naming the venue, with buttons
 * that open the bots straight into a check-in. Bad, revoked or suspended codes get a clear page;
 * the page never shows anything about visits.
 */
export function codePagePlugin(deps: CodePageDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { token: string } }>('/c/:token', async (req, reply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      const codeId = deps.domain.verifyToken(req.params.token);
      const found = codeId ? await deps.repo.codeWithVenue(codeId) : undefined;
      if (!found) {
        return reply.code(404).send(page(codePageTexts.maKhongHopLe, codePageTexts.h1MaQrKhongHop));
      }
      const { venue, code } = found;
      if (code.status !== 'active') {
        return reply.code(410).send(page(codePageTexts.maDaDuocThay, codePageTexts.h1H1PMaQr(esc(venue.name))));
      }
      if (venue.status !== 'active') {
        return reply.send(page(codePageTexts.tamNgung, codePageTexts.h1H1PDiaDiem(esc(venue.name))));
      }
      const token = req.params.token;
      // Opened by Zalo's scanner (its in-app browser): straight into the Mini App, already on this venue.
      if (deps.zaloMiniApp?.opensInside(req.headers['user-agent'])) return reply.redirect(deps.zaloMiniApp.linkFor(token), 302);
      const username = await deps.telegramBotUsername();
      const buttons = [
        ...(deps.zaloMiniApp ? [codePageTexts.aClassBtnZaloHref(esc(deps.zaloMiniApp.linkFor(token)))] : []),
        ...(username ? [codePageTexts.aClassBtnHrefHttps(esc(username), esc(deps.domain.payloadFor(token)))] : []),
        ...deps.zaloLinks.map((l) => `<a class="btn zalo" href="${esc(l.href)}">${esc(l.label)}</a>`),
        ...(deps.simulator ? [codePageTexts.aClassBtnHrefChat(esc(deps.domain.payloadFor(token)))] : []),
      ];
      const commune = deps.domain.communeById(venue.communeId)?.name ?? '';
      return reply.send(
        page(
          codePageTexts.khaiBao(venue.name),
          `${codePageTexts.kicker}<h1>${esc(venue.name)}</h1><p>${esc(venue.address)}${commune ? `, ${esc(commune)}` : ''}${code.label ? `<br>${esc(code.label)}` : ''}</p>
${buttons.join('\n') || codePageTexts.pTroLyChuaDuoc}
${codePageTexts.orType(esc(code.manualCode))}
${codePageTexts.privacy}`,
        ),
      );
    });
  };
}
