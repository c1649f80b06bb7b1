# syntax=docker/dockerfile:1
# Signatory image: the API by default; the worker with `node dist/apps/worker/src/main.js`.
# Node 22 LTS; package.json's engines also admits Node 20.19+, which CI runs
# (docs/operations.md, "Node versions").

# --- build: compile the apps, then drop the dev dependencies -------------------------
FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 12 compiles from source when its prebuilt binary cannot be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build \
 && npm prune --omit=dev

# --- runtime -------------------------------------------------------------------------
FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Writable state for the unprivileged user: FILES_DIR (a volume in docker-compose.yml)
# and VAR_DIR (only used when SMTP_URL is unset, for .eml files).
RUN mkdir -p /data/files /app/var \
 && chown node:node /data/files /app/var
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
