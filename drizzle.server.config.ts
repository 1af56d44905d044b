import { defineConfig } from 'drizzle-kit';

// The central server's PostgreSQL schema: `npx drizzle-kit generate --config drizzle.server.config.ts`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/database/schema.ts',
  out: './server/database/migrations',
});
