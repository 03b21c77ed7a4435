import type { BroadcastDeps } from './deps.js';
import { createBroadcast } from './create.js';
import { previewBroadcast } from './compose.js';
import { approveBroadcast, broadcastProgress, cancelBroadcast, listBroadcasts, pauseBroadcast, resumeBroadcast } from './control.js';
import { tickBroadcasts } from './engine.js';
import { readLinkToken } from './links.js';
import { broadcastResults, broadcastResultsCsv, recordButtonTap, recordReceipt } from './results.js';
import type { Actor, Via } from './ports.js';
import { campaignOutcomes, createCampaign, stopCampaign, tickCampaigns } from './campaigns.js';

export type { Actor, Via, BroadcastOfficial } from './ports.js';
export type { BroadcastDeps, BroadcastSettings } from './deps.js';

/**
 * Campaign broadcasts, as the chat flow, the CLI and the HTTP API call them: one bound object per
 * runtime, each method one use-case (`src/broadcasts/*.ts`). Every method takes the actor, whose
 * communes bound what they may target and see.
 */
export function createBroadcasts(deps: BroadcastDeps) {
  return {
    deps,
    preview: async (actor: Actor, input: unknown) => (await previewBroadcast(deps, actor, input)).preview,
    create: (actor: Actor, via: Via, input: unknown) => createBroadcast(deps, actor, via, input),
    list: (actor: Actor) => listBroadcasts(deps, actor),
    progress: (actor: Actor, id: number) => broadcastProgress(deps, actor, id),
    approve: (actor: Actor, via: Via, id: number) => approveBroadcast(deps, actor, via, id),
    pause: (actor: Actor, via: Via, id: number) => pauseBroadcast(deps, actor, via, id),
    resume: (actor: Actor, via: Via, id: number) => resumeBroadcast(deps, actor, via, id),
    cancel: (actor: Actor, via: Via, id: number) => cancelBroadcast(deps, actor, via, id),
    results: (actor: Actor, id: number) => broadcastResults(deps, actor, id),
    resultsCsv: (actor: Actor, id: number) => broadcastResultsCsv(deps, actor, id),
    /** A tap on a tracked button link: records it and returns where to redirect, or null. */
    tap: async (token: string) => {
      const id = readLinkToken(deps.settings.linkSecret, token);
      return id === null ? null : recordButtonTap(deps, id);
    },
    receipt: (channel: string, platformMessageIds: string | readonly string[], kind: 'delivered' | 'seen', at: Date) => recordReceipt(deps, channel, platformMessageIds, kind, at),
    createCampaign: (actor: Actor, via: Via, input: unknown) => createCampaign(deps, actor, via, input),
    stopCampaign: (actor: Actor, id: number) => stopCampaign(deps, actor, id),
    campaignOutcomes: (id: number) => campaignOutcomes(deps, id),
    tick: async () => {
      await tickBroadcasts(deps);
      await tickCampaigns(deps);
    },
  };
}

export type Broadcasts = ReturnType<typeof createBroadcasts>;

/** Runs the engine every `everyMs` (one tick at a time); errors wait for the next tick. */
export function startBroadcastEngine(b: Broadcasts, everyMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = b
      .tick()
      .catch((err: unknown) => b.deps.log.warn({ err: (err as Error).message }, 'broadcast tick failed; retrying'))
      .finally(() => (running = null));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
