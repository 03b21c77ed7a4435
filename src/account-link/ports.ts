/** What redeeming a link code did. */
export type RedeemOutcome =
  /** `issuer`: the chat that showed the code, told about the new link in case it was not its owner's doing. */
  | { readonly kind: 'linked'; readonly issuer: { readonly channel: string; readonly botId: string; readonly chatId: string } }
  | { readonly kind: 'already' }
  | { readonly kind: 'own-code' }
  | { readonly kind: 'unknown' };

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
  /** Spends a code typed in another chat: links that chat (and its data) to the issuer's person. */
  redeem(code: string, contactId: number, now: Date): Promise<RedeemOutcome>;
  /** Separates this chat from its person (or, from the primary chat, separates every linked chat); returns how many. */
  unlink(contactId: number): Promise<number>;
  chatsOf(contactId: number): Promise<LinkedChat[]>;
}

/** Counts failed redeem attempts per chat over a window, so six-digit codes cannot be guessed. */
export interface AttemptCounter {
  /** Records one failure and returns the failures in the current window. */
  fail(chatContactId: number): Promise<number>;
  failures(chatContactId: number): Promise<number>;
}
