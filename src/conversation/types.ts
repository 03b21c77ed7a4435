import type { ChannelCapabilities, Choice, InboundEvent, OutboundPart } from '../channels/contract.js';

/** A reply as the conversation logic writes it; `render` fits it to a platform afterwards. */
export type Reply = OutboundPart;

/** A guided flow in progress (venue registration, pre-registration...), owned by one feature. */
export interface FlowState {
  readonly name: string;
  readonly step: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * What we remember about a conversation between turns. `choices` are the options last offered, so
 * that "2" typed on a platform without buttons (or sent by the Zalo OA chat menu) maps to a choice.
 */
export interface ConversationState {
  readonly flow?: FlowState;
  readonly choices?: readonly Choice[];
}

/**
 * Who is talking. `contactId` is the person: the primary contact that owns their data, shared by
 * every chat they linked. `chatContactId` is this chat, for what belongs to one conversation
 * (a question whose answer must come back here, the link codes it issued).
 */
export interface Person {
  readonly contactId: number;
  readonly chatContactId: number;
  readonly role: string;
  readonly displayName?: string | undefined;
}

export interface TurnContext {
  readonly event: InboundEvent;
  readonly person: Person;
  readonly state: ConversationState;
  readonly now: Date;
  readonly capabilities: ChannelCapabilities;
  /** Id of the stored inbound update: features make their writes idempotent on it. */
  readonly inboundId: number;
}

/**
 * Messages to someone other than the person of the turn (a question forwarded to the commune's
 * officials, an official's answer going back). They are written in the same transaction as the
 * turn's own replies, so a retried turn never forwards twice and a crash never loses one.
 */
export interface Notice {
  /** The receiving chat; `botId` names the bot that serves it (a deployment may run several per channel). */
  readonly to: { readonly channel: string; readonly chatId: string; readonly botId?: string };
  readonly replies: readonly Reply[];
}

export interface TurnResult {
  readonly replies: readonly Reply[];
  readonly notices?: readonly Notice[];
  /** The state to keep; omit `flow` to end a flow. */
  readonly state: ConversationState;
  /** When the kept state stops mattering (an abandoned flow expires). Null: keep. */
  readonly stateExpiresAt?: Date | null;
  /**
   * The turn did what the person came for (a question answered, a question forwarded...). Hooks
   * that add something of their own to a turn (the one-time commune question) follow only such
   * turns: never an error, a refusal or an "I did not understand". Unset means not completed.
   */
  readonly completed?: boolean;
}

/** Handler signature used by features for commands, choices, flows and free text. */
export type TurnHandler = (ctx: TurnContext, arg: string) => Promise<TurnResult | null>;

/**
 * A feature plugs into the core without the core knowing it (venues, check-in, FAQ...). Every hook
 * is optional; returning null from a handler means "not mine", and the core tries the next one.
 */
export interface Feature {
  readonly name: string;
  /** Slash commands without the slash, e.g. { diadiem: handler }. */
  readonly commands?: Readonly<Record<string, TurnHandler>>;
  /** Choice data prefixes this feature answers, e.g. 'venue:'; also main-menu entries like 'menu:venue'. */
  readonly choices?: Readonly<Record<string, TurnHandler>>;
  /** Text and choices while this feature's flow (state.flow.name === name) is active. */
  readonly flow?: TurnHandler;
  /** `/start <payload>` deep links. */
  readonly startPayload?: TurnHandler;
  /** Free text no command matched. */
  readonly text?: TurnHandler;
  /**
   * Words that answer something this feature sent the person ("đã nhận" to an exposure alert),
   * tried before small talk, which would otherwise take "ok đã nhận" for politeness. Null when the
   * words answer nothing of this feature's.
   */
  readonly answer?: TurnHandler;
  /** A photo or image file. */
  readonly image?: TurnHandler;
  /**
   * Sees every finished turn and may add to it (the one-time "which commune do you live in?"
   * question after a turn that ended quietly). Must return the result unchanged when not concerned.
   */
  readonly afterTurn?: (ctx: TurnContext, result: TurnResult) => Promise<TurnResult>;
}
