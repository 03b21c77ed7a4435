import type { ChannelAdapter } from '../channels/contract.js';

/** The adapters that are switched on, looked up by (channel, bot id). */
export class AdapterRegistry {
  private readonly byKey = new Map<string, ChannelAdapter>();

  constructor(adapters: readonly ChannelAdapter[]) {
    for (const a of adapters) this.byKey.set(key(a.channel, a.botId), a);
  }

  get(channel: string, botId: string): ChannelAdapter | undefined {
    return this.byKey.get(key(channel, botId));
  }

  byChannel(channel: string): ChannelAdapter | undefined {
    return [...this.byKey.values()].find((a) => a.channel === channel);
  }

  all(): ChannelAdapter[] {
    return [...this.byKey.values()];
  }
}

const key = (channel: string, botId: string) => `${channel}\u0000${botId}`;
