import { AppError } from '../core/contract/result';
import type { Backend } from './backend';
import type { ServiceContext } from './services/context';

/*
 * The CLI signs in like anyone else: `--user NAME` and the password from CONSOLE_PASSWORD (scripts) or a
 * prompt with no echo (a terminal). Never an argument: the process list shows arguments to everyone.
 */

export class CliSignInError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: string) => {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new CliSignInError('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

const HOW = (command: string) =>
  `Sign in: npm run console -- ${command} --user <your name in the console>, and type the password when asked (or set CONSOLE_PASSWORD=… for scripts).`;

/**
 * Signs the CLI in and answers a service context acting as that user, or throws a CliSignInError that says
 * exactly what to do (no users yet, no --user, no password, wrong password, rate limited, disabled).
 */
export async function signInForCli(backend: Backend, ctx: ServiceContext, user: string | undefined, command: string): Promise<ServiceContext> {
  const info = await backend.invoke('session.get', {});
  if (info.ok && !(info.value as { setUp: boolean }).setUp) {
    throw new CliSignInError(
      'This console has no users yet. Open it first (npm start, or npm run web) and finish the first-run setup, which creates the first supervisor and their password; then run this again with --user NAME.',
    );
  }
  if (!user) throw new CliSignInError(`Who is importing? ${HOW(command)}`, 2);
  let password = process.env.CONSOLE_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) throw new CliSignInError(`No password: set CONSOLE_PASSWORD, or run this in a terminal to be asked. ${HOW(command)}`, 2);
    password = await promptHidden(`Password for ${user}: `);
  }
  const session = { token: null as string | null };
  const r = await backend.invoke('session.signIn', { login: user, password }, session);
  if (!r.ok) {
    if (r.error.code === 'DB_LOCKED') throw new AppError('DB_LOCKED', r.error.message);
    if (r.error.code === 'UNAUTHENTICATED') throw new CliSignInError(`Not signed in: the name “${user}” and that password do not match. ${HOW(command)}`);
    throw new CliSignInError(`Not signed in: ${r.error.message}`);
  }
  const userId = backend.auth.resolve(ctx.db, session.token);
  return { ...ctx, userId, session };
}
