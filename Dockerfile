# quetma service image: Node 20 on Debian bookworm, production dependencies only.
# Build: docker build -t quetma .   Run: see compose.yaml (Postgres + Redis beside it).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# tsx runs the TypeScript sources directly, so no compile step; sharp and resvg ship prebuilt binaries.
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/quetma
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json drizzle.config.ts ./
COPY src ./src
COPY bots ./bots
COPY migrations ./migrations
RUN mkdir -p /var/lib/quetma && chown node:node /var/lib/quetma
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains: readiness turns 503, intake closes, workers finish their current jobs.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]
