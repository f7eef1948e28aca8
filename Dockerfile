# The API image for the production shape (docker-compose.yml): external PostgreSQL and
# Meilisearch, configured by environment variables only.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# The embedded stores and the test tools are not needed in production images.
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund --ignore-scripts
COPY bin ./bin
COPY src ./src
COPY migrations ./migrations
COPY tsconfig.json ./
USER node
EXPOSE 3000
ENV HOST=0.0.0.0 PORT=3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/tarjotin.js", "serve"]
