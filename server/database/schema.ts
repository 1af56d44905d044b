// Every table of the server's PostgreSQL database (drizzle-kit reads this file).
export * from './schema-shared';
export * from './schema-auth';
export * from './schema-sync';
