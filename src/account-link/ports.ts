export interface ChatAddress {
  readonly channel: string;
  readonly botId: string;
  readonly chatId: string;
}

/** What typing a link code did: nothing is linked yet, the chat (or Mini App) that showed the code must confirm. */
export type RedeemOutcome =
  /** `issuer`: the chat that showed the code, asked to confirm (a Mini App session asks in the app, see `pending`). */
  | { readonly kind: 'requested'; readonly issuer: ChatAddress }
  | { readonly kind: 'already' }
  | { readonly kind: 'own-code' }
  | { readonly kind: 'unknown' };

/** What the issuing chat's answer did. `requester`: the chat that typed the code, told the outcome. */
export type ConfirmOutcome =
  | { readonly kind: 'linked'; readonly requester: ChatAddress & { readonly channelName: string } }
  | { readonly kind: 'declined'; readonly requester: ChatAddress }
  | { readonly kind: 'nothing' };

/** One chat of a person, for "which of my chats are linked". */
export interface LinkedChat {
  readonly channel: string;
}

/**
 * Storage for account linking. Kept as a port so the linking rules (code format, expiry, attempt
 * limits, wording) are testable and free of the database library.
 */
export interface LinkStore {
  /** Stores a fresh code for the contact, replacing its earlier ones. False: the code is taken, pick another. */
  issue(contactId: number, code: string, expiresAt: Date): Promise<boolean>;
  /** Records a code typed in another chat as a request to link; the first request holds the code. */
  redeem(code: string, contactId: number, now: Date): Promise<RedeemOutcome>;
  /** The chat waiting for this issuer's answer (a live code with a request on it), if any. */
  pending(issuerContactId: number, now: Date): Promise<{ readonly channel: string } | undefined>;
  /** The issuing chat's answer to the pending request on its code: links (and spends the code) or drops it. */
  confirm(issuerContactId: number, accept: boolean, now: Date): Promise<ConfirmOutcome>;
  /** Separates this chat from its person (or, from the primary chat, separates every linked chat); returns how many. */
  unlink(contactId: number): Promise<number>;
  chatsOf(contactId: number): Promise<LinkedChat[]>;
}


