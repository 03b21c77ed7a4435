/**
 * Zalo's in-app browser names itself in the user agent: "... Zalo android/251010850 ZaloTheme/light
 * ZaloLanguage/vi" on Android, "... Zalo iOS/536 ZaloTheme/light ..." on iPhones (user agents as
 * logged by public projects; Zalo documents no format, so this is a recognised pattern, not a
 * contract). The words must stand alone: "zalo" inside another product's name does not count.
 */
const ZALO_IN_APP = /(?:^|[\s;(])Zalo(?:\s+(?:android|iOS)\/[\w.]+|Theme\/\w+)/i;

export function isZaloInAppBrowser(userAgent: string | undefined): boolean {
  return !!userAgent && ZALO_IN_APP.test(userAgent);
}

/** The documented deep link that opens a Mini App with a parameter (miniapp.zaloplatforms.com, navigation mechanisms). */
export function miniAppLink(appId: string, venueToken: string): string {
  return `https://zalo.me/s/${encodeURIComponent(appId)}/?v=${encodeURIComponent(venueToken)}`;
}

/** What the `/c/<token>` page needs to hand a Zalo user to the Mini App. */
export interface MiniAppHandOver {
  opensInside(userAgent: string | undefined): boolean;
  linkFor(venueToken: string): string;
}

export function miniAppHandOver(appId: string): MiniAppHandOver {
  return { opensInside: isZaloInAppBrowser, linkFor: (token) => miniAppLink(appId, token) };
}
