# The API image for the production shape (docker-compose.yml): compiled JavaScript on the
# current Node.js LTS, production dependencies only, external PostgreSQL and Meilisearch,
# configured by environment variables only. test/build/production-install.test.ts
# installs and starts the package the same way.

FROM node:26-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:26-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Neither the embedded stores (optional dependencies) nor the test tools (development
# ones) belong in the image, and no install script runs.
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY migrations ./migrations
USER node
EXPOSE 3000
ENV HOST=0.0.0.0 PORT=3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself, not npm: SIGTERM from the container runtime reaches the server.
CMD ["node", "dist/cli/main.js", "serve"]
