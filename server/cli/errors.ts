/** A failure the command line reports as one sentence and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 1: the command failed; 2: it was called wrongly (usage). */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** What a database that cannot be opened or reached means for the person at the terminal. */
export function describeDbError(error: unknown, where: string): string | undefined {
  const e = error as { code?: string; message?: string };
  switch (e?.code) {
    case 'ECONNREFUSED':
      return `Cannot reach PostgreSQL at ${where}: nothing is listening there. Start it, or fix DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach PostgreSQL at ${where}: the host name does not resolve. Fix DATABASE_URL.`;
    case '28P01':
    case '28000':
      return `PostgreSQL at ${where} refused the user or password in DATABASE_URL.`;
    case '3D000':
      return `PostgreSQL at ${where} has no such database: create it first (createdb), or fix DATABASE_URL.`;
    default:
      return undefined;
  }
}
