import { texts } from './texts.js';

declare const __QUETMA_API__: string;

/** A refusal or failure to show as is: `message` is Vietnamese; `retryable` says whether "Thử lại" can help. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly retryable: boolean) {
    super(message);
  }
}

export interface Venue { name: string; address: string; commune: string | null; label: string | null }
export interface CheckIn { checkedIn: boolean; outcome: 'checked-in' | 'repeat' | 'checked-out'; venue: Venue; at: string; message: string }
export interface Member { id: number; name: string; birthYear: number | null; relation: string | null }
export interface Visit { venue: string; dependent: string | null; checkedInAt: string; checkedOutAt: string | null }
export interface Me { openVisit: { venue: string; since: string } | null; alerts: { reachable: boolean; channels: string[] }; oaId: string | null }

const NETWORK = texts.network;
const NO_TOKEN = texts.noToken;

async function call<T>(path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${__QUETMA_API__}/api/miniapp/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError(NETWORK, 0, true);
  }
  const json = (await res.json().catch(() => ({}))) as { error?: { message?: string; retryable?: boolean } };
  if (!res.ok) throw new ApiError(json.error?.message ?? NETWORK, res.status, json.error?.retryable ?? res.status >= 500);
  return json as T;
}

/** The quetma server's Mini App API; every call but `venue` carries the person's Zalo access token. */
export function api(accessToken: () => Promise<string>) {
  const authed = async <T>(path: string, body: Record<string, unknown> = {}) => {
    let token: string;
    try {
      token = await accessToken();
    } catch {
      throw new ApiError(NO_TOKEN, 0, true);
    }
    return call<T>(path, { ...body, accessToken: token });
  };
  return {
    venue: (token: string) => call<{ venue: Venue; retentionDays: number }>(`venues/${encodeURIComponent(token)}`),
    checkIn: (venueToken: string, who: { selfToo: boolean; dependentIds: number[] }) =>
      authed<CheckIn>('checkin', { venueToken, ...who, requestId: `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}` }),
    checkOut: () => authed<{ checkedOut: string[]; message: string }>('checkout'),
    history: () => authed<{ visits: Visit[]; note: string }>('history'),
    deleteHistory: () => authed<{ deleted: number; message: string }>('history/delete'),
    family: () => authed<{ members: Member[] }>('family'),
    addMember: (m: { name: string; birthYear: number | null; relation: string | null }) => authed<{ member: Member }>('family/add', m),
    removeMember: (id: number) => authed<{ removed: boolean }>('family/remove', { id }),
    me: () => authed<Me>('me'),
    linkCode: () => authed<{ code: string; message: string; expiresInMinutes: number }>('link-code'),
    /** A chat that typed this app's link code and waits for "Đồng ý?" (null: none yet). */
    linkPending: () => authed<{ pending: { channel: string; message: string } | null }>('link/pending'),
    answerLink: (accept: boolean) => authed<{ linked: boolean; message: string }>('link/confirm', { accept }),
  };
}

export type Api = ReturnType<typeof api>;
