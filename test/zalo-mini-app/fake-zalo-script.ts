/** What a browser test scripts for the fake Zalo bridge before the page loads (Playwright `addInitScript`). */
export interface FakeZaloScript {
  /** What getAccessToken() resolves with; unset: it fails like a Zalo error. */
  accessToken?: string;
  /** Whether the person accepts Zalo's "follow this OA" confirmation. */
  followAccepts?: boolean;
}
