import type { FastifyPluginAsync } from 'fastify';
import type { MediaStore } from '../db/repos/media-repo.js';

/** GET /media/<id>: serves generated images and posters to platforms that fetch media by URL. */
export function mediaPlugin(media: MediaStore): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { id: string } }>('/media/:id', async (req, reply) => {
      if (!/^[A-Za-z0-9_-]{16,64}$/.test(req.params.id)) return reply.code(404).send({ error: { code: 'not_found', message: 'no such media', retryable: false } });
      const found = await media.find(req.params.id);
      if (!found) return reply.code(404).send({ error: { code: 'not_found', message: 'no such media or it expired', retryable: false } });
      reply.header('content-type', found.mime).header('cache-control', 'private, max-age=3600');
      if (found.filename) reply.header('content-disposition', `inline; filename="${found.filename.replace(/[^\w.-]/g, '_')}"`);
      return reply.send(found.bytes);
    });
  };
}
