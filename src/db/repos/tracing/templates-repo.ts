import { desc } from 'drizzle-orm';
import type { Db } from '../../client.js';
import { alertTemplates } from '../../schema/tracing.js';

/** Versions of the district's alert template (older versions stay: alerts record the one they used). */
export class AlertTemplatesRepo {
  constructor(private readonly db: Db) {}

  async currentTemplate(): Promise<{ version: number; body: string } | undefined> {
    const [row] = await this.db.select({ version: alertTemplates.version, body: alertTemplates.body }).from(alertTemplates).orderBy(desc(alertTemplates.version)).limit(1);
    return row;
  }

  async addTemplate(body: string, by: number | null): Promise<number> {
    const [row] = await this.db.insert(alertTemplates).values({ body, createdBy: by }).returning({ version: alertTemplates.version });
    return row!.version;
  }

  async templates(limit = 20): Promise<{ version: number; body: string; createdBy: number | null; createdAt: Date }[]> {
    return this.db.select().from(alertTemplates).orderBy(desc(alertTemplates.version)).limit(limit);
  }
}
