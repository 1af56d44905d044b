import { newPasswordSchema } from '../../core/auth/password';
import { CliError } from './errors';

/*
 * Where a new password comes from, in this order: stdin (`--password-stdin`, for scripts and pipes),
 * SERVER_PASSWORD (for scripts that cannot pipe), or a prompt typed twice with no echo. Never an
 * argument: arguments are visible to every user of the machine in the process list.
 */

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // Only the line ending a pipe or heredoc adds; spaces may be part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: string) => {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new CliError('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readNewPassword(options: { stdin: boolean }): Promise<string> {
  let password: string;
  if (options.stdin) password = await readStdin();
  else if (process.env.SERVER_PASSWORD) password = process.env.SERVER_PASSWORD;
  else if (process.stdin.isTTY) {
    password = await promptHidden('New password: ');
    const again = await promptHidden('Repeat it: ');
    if (again !== password) throw new CliError('The two passwords differ. Nothing was changed.');
  } else {
    throw new CliError('No password given: pipe it with --password-stdin, set SERVER_PASSWORD, or run this in a terminal to be asked.', 2);
  }
  const checked = newPasswordSchema.safeParse(password);
  if (!checked.success) throw new CliError(`${checked.error.issues[0]!.message} Nothing was changed.`);
  return password;
}
