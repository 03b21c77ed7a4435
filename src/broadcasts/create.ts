import { broadcastEvents, broadcasts } from '../db/schema/broadcasts.js';
import type { BroadcastDeps } from './deps.js';
import { previewBroadcast, type Preview } from './compose.js';
import { actorId, BroadcastInputError, type Actor, type Via } from './ports.js';

export interface Created {
  readonly id: number;
  readonly status: 'awaiting-approval' | 'scheduled';
  readonly preview: Preview;
}

/**
 * Saves a broadcast after the same checks as its preview. It waits for a district admin when it
 * reaches more people than the threshold or the whole area; otherwise the engine starts it at its
 * time. The creation is recorded in the broadcast's history and the audit log in one transaction.
 */
export async function createBroadcast(deps: BroadcastDeps, actor: Actor, via: Via, input: unknown): Promise<Created> {
  const { preview, composed } = await previewBroadcast(deps, actor, input);
  if (preview.problems.length > 0) throw new BroadcastInputError(preview.problems.join(' '));
  const status = preview.needsApproval ? 'awaiting-approval' : 'scheduled';
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(broadcasts)
      .values({
        officialId: actorId(actor),
        text: composed.text,
        imageUrl: composed.imageUrl ?? null,
        button: composed.button ?? null,
        communeIds: [...preview.communeIds],
        audience: composed.audience,
        schedule: composed.schedule,
        status,
        estimatedRecipients: preview.recipients,
        approvalReason: preview.approvalReason,
        createdAt: deps.clock.now(),
        updatedAt: deps.clock.now(),
      })
      .returning({ id: broadcasts.id });
    const detail = { recipients: preview.recipients, communes: preview.communeIds.length, audience: composed.audience, status };
    await tx.insert(broadcastEvents).values({ broadcastId: row!.id, officialId: actorId(actor), via, action: 'created', detail, at: deps.clock.now() });
    await deps.audit?.record(tx, { officialId: actorId(actor), via, action: 'broadcasts.create', communeId: preview.communeIds.length === 1 ? preview.communeIds[0]! : null, subject: `broadcast:${row!.id}`, detail });
    return row!.id;
  });
  deps.log.info({ broadcastId: id, status, recipients: preview.recipients }, 'broadcast created');
  return { id, status, preview };
}
