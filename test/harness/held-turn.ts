import type { Feature, TurnResult } from '../../src/conversation/types.js';

/**
 * A command whose turn does not end until the test says so: stands in for a slow poster render or
 * a hard photo, so a test can look at the chat while a turn is still in progress.
 */
export function heldCommand(command: string, texts: readonly string[]): { feature: Feature; release: () => void } {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const feature: Feature = {
    name: `held-${command}`,
    commands: {
      [command]: async (): Promise<TurnResult> => {
        await held;
        return { replies: texts.map((text) => ({ type: 'text' as const, text })), state: {} };
      },
    },
  };
  return { feature, release };
}
