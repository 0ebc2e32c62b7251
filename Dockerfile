# Production image: the API, the web app and the SMTP server in one Node process.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 DATA_DIR=/data PORT=3000 SMTP_PORT=2525
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web ./web
# The operations scripts (npm run backup, restore, audit, projections:rebuild) start with it.
COPY --from=build /app/scripts ./scripts
# Docker seeds a new named volume from the image's directory, owner included: without /data in the
# image the volume is root's and the node user's first write (secret.key, inbox.db) fails.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
EXPOSE 3000 2525
USER node
CMD ["node", "dist/src/main.js"]
