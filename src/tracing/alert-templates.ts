import type { Caller } from './ports.js';
import { isAdmin, TracingForbiddenError } from './ports.js';
import { checkTemplate, DEFAULT_TEMPLATE } from './alert-template.js';
import { inTransaction, type TracingDeps } from './deps.js';

/** The template in force; the shipped default becomes version 1 the first time one is needed. */
export async function currentTemplate(deps: TracingDeps): Promise<{ version: number; body: string }> {
  const found = await deps.repo.templates.currentTemplate();
  if (found) return found;
  const version = await deps.repo.templates.addTemplate(DEFAULT_TEMPLATE, null);
  return { version, body: DEFAULT_TEMPLATE };
}

/** A district admin saves a new version of the alert template (older versions stay, alerts record theirs). */
export async function setAlertTemplate(deps: TracingDeps, caller: Caller, body: string): Promise<{ version: number }> {
  if (!isAdmin(caller)) throw new TracingForbiddenError('only a district admin may change the alert template');
  const text = checkTemplate(body);
  await currentTemplate(deps);
  const version = await deps.repo.templates.addTemplate(text, caller.official?.id ?? null);
  await inTransaction(deps.db, (tx) => deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.template', communeId: null, subject: `template:${version}` }));
  return { version };
}

export async function listAlertTemplates(deps: TracingDeps): Promise<{ version: number; body: string; createdAt: string }[]> {
  await currentTemplate(deps);
  return (await deps.repo.templates.templates()).map((t) => ({ version: t.version, body: t.body, createdAt: t.createdAt.toISOString() }));
}
