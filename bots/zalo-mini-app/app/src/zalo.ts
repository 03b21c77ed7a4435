import { followOA, getAccessToken, getRouteParams, nativeStorage, openChat } from 'zmp-sdk';

/**
 * The one place the app touches zmp-sdk. Everything Zalo-specific the app needs goes through this
 * small bridge, so the browser tests replace this module alone (test/zalo-mini-app/fake-zalo-bridge.ts)
 * and drive the real app in Chromium.
 */
export interface ZaloBridge {
  /** Parameters the Mini App was opened with (`https://zalo.me/s/<id>/?v=<token>` gives `{v}`). */
  routeParams(): Record<string, string>;
  /** The person's access token; since zmp-sdk 2.35.0 no consent popup (it only identifies the user). */
  accessToken(): Promise<string>;
  /** Asks to follow the OA (Zalo shows its own confirmation); false when the person declined. */
  followOA(oaId: string): Promise<boolean>;
  /** Opens the OA chat with a message typed in; the person still presses send. */
  openOAChat(oaId: string, message: string): Promise<void>;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const zalo: ZaloBridge = {
  routeParams: () => getRouteParams(),
  accessToken: () => getAccessToken(),
  async followOA(oaId) {
    try {
      await followOA({ id: oaId });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === -201) return false;
      throw err;
    }
  },
  openOAChat: (oaId, message) => openChat({ type: 'oa', id: oaId, message }),
  getItem: (key) => nativeStorage.getItem(key) || null,
  setItem: (key, value) => nativeStorage.setItem(key, value),
};
