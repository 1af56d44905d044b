import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaqExportFile } from '../core/contract/views-faq';
import { exportFaqCommand, type Output } from '../electron/cli-faq';
import { cleanup, tempDir, TEST_PASSWORD } from './helpers';
import { draftFrom, faqWorld, publish, workedTicket } from './faq-helpers';

afterEach(cleanup);

/** Two published entries in two categories (one with English), one draft, one retired. */
/** faqWorld's supervisor (test/faq-helpers.ts). */
const SUPERVISOR = '周敏';

async function library() {
  const w = await faqWorld();
  const { h, sup, agent, cu } = w;
  const pay = await draftFrom(h, await workedTicket(h, { customerId: cu.id, subject: '提现多久到账？' }), {
    answer: '工作日 13:00 前提交的提现当天到账。\n节假日顺延。',
    questionEn: 'How long does a withdrawal take?',
    answerEn: 'Withdrawals made before 13:00 on a working day arrive the same day.',
    keywords: ['提现', '到账'],
  });
  await publish(h, pay.entry.id, sup, agent);
  const sec = await draftFrom(h, await workedTicket(h, { customerId: cu.id, subject: '如何修改支付密码？', category: 'account_security' }), {
    answer: '打开「我的 → 安全中心 → 修改支付密码」，按提示验证身份。',
  });
  await publish(h, sec.entry.id, sup, agent);
  await draftFrom(h, await workedTicket(h, { customerId: cu.id, subject: '草稿不应导出' }));
  const gone = await draftFrom(h, await workedTicket(h, { customerId: cu.id, subject: '已下线的问题' }));
  await publish(h, gone.entry.id, sup, agent);
  await w.asSupervisor();
  await h.ok('faq.transition', { id: gone.entry.id, action: 'retire' });
  await w.asAgent();
  return { ...w, pay, sec };
}

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(l), error: (l) => errors.push(l) };
}

describe('faq.export', () => {
  it('exports the published entries in every format, both languages where both exist', async () => {
    const { h } = await library();
    const md = await h.ok<FaqExportFile>('faq.export', { format: 'md', locales: ['zh-CN', 'en'] });
    expect(md).toMatchObject({ count: 2, mimeType: 'text/markdown; charset=utf-8', fileName: 'faq-all-zh-en-20261123.md' });
    expect(md.content).toContain('# 常见问题');
    expect(md.content).toContain('提现多久到账？');
    expect(md.content).toContain('How long does a withdrawal take?');
    expect(md.content).not.toContain('草稿不应导出');
    expect(md.content).not.toContain('已下线的问题');

    const html = await h.ok<FaqExportFile>('faq.export', { format: 'HTML', locales: ['zh-CN', 'en'] });
    expect(html.fileName).toMatch(/\.html$/);
    expect(html.content).toMatch(/^<!doctype html>/);
    expect(html.content).toContain('class="toc"');
    expect(html.content).toContain('如何修改支付密码？');
    expect(html.content).not.toMatch(/<script|<link|src="http/);

    const csv = await h.ok<FaqExportFile>('faq.export', { format: 'csv', locales: ['zh-CN', 'en'] });
    const lines = csv.content.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,revision,locale,category,question,answer,keywords,published_at');
    expect(lines).toHaveLength(1 + 3); // two Chinese rows, one English
    expect(csv.content.startsWith('\uFEFF')).toBe(true);

    const json = JSON.parse((await h.ok<FaqExportFile>('faq.export', { format: 'json', locales: ['en'] })).content) as unknown;
    expect(JSON.stringify(json)).toContain('Withdrawals made before 13:00');
    expect(JSON.stringify(json)).not.toContain('修改支付密码');
  });

  it('exports one category, and says clearly when the selection is empty or the format unknown', async () => {
    const { h } = await library();
    const one = await h.ok<FaqExportFile>('faq.export', { format: 'markdown', locales: ['zh-CN'], category: 'account_security' });
    expect(one).toMatchObject({ count: 1, fileName: 'faq-account_security-zh-20261123.md' });
    expect(one.content).toContain('常见问题 · 账户安全');
    expect(one.content).not.toContain('提现');

    expect(await h.err('faq.export', { format: 'md', locales: ['zh-CN'], category: 'offers_points' })).toMatchObject({
      code: 'BAD_INPUT',
      details: { reason: 'none_in_category' },
    });
    expect(await h.err('faq.export', { format: 'md', locales: ['en'], category: 'account_security' })).toMatchObject({
      code: 'BAD_INPUT',
      details: { reason: 'none_in_language' },
    });
    const xls = await h.err('faq.export', { format: 'xls', locales: ['zh-CN'] });
    expect(xls).toMatchObject({ code: 'BAD_INPUT', details: { field: 'format' } });
    expect(xls.message).toContain('md, html, csv, json');
    expect((await h.err('faq.export', { format: 'md', locales: [] })).code).toBe('BAD_INPUT');
    expect((await h.err('faq.export', { format: 'md', locales: ['fr'] })).code).toBe('BAD_INPUT');
    expect((await h.err('faq.export', { format: 'md', locales: ['zh-CN'], category: 'no_such' })).code).toBe('BAD_INPUT');
  });

  it('with nothing published, says so', async () => {
    const { h, cu } = await faqWorld();
    await draftFrom(h, await workedTicket(h, { customerId: cu.id }));
    const e = await h.err('faq.export', { format: 'html', locales: ['zh-CN', 'en'] });
    expect(e).toMatchObject({ code: 'BAD_INPUT', details: { reason: 'none_published' } });
    expect(e.message).toMatch(/no FAQ entry is published/);
  });
});

describe('npm run console -- export-faq', () => {
  // The CLI signs in like the console: as the supervisor the FAQ world is set up by.
  beforeEach(() => {
    process.env.CONSOLE_PASSWORD = TEST_PASSWORD;
  });

  it('writes the file whole and prints what it wrote', async () => {
    const { h } = await library();
    const dir = tempDir();
    const out = join(dir, 'faq.html');
    writeFileSync(out, 'old content');
    const io = capture();
    const code = await exportFaqCommand({ format: 'html', out, locale: 'both', category: undefined, dataDir: h.dataDir, user: SUPERVISOR }, io);
    expect(io.errors).toEqual([]);
    expect(code).toBe(0);
    const expected = await h.ok<FaqExportFile>('faq.export', { format: 'html', locales: ['zh-CN', 'en'] });
    // The clock differs (the CLI reads the real one), so compare past the generated-at line.
    const timeless = (html: string) => html.replace(/<p class="generated"[^>]*>[^<]*<\/p>/g, '');
    expect(readFileSync(out, 'utf8')).not.toBe('old content');
    expect(timeless(readFileSync(out, 'utf8'))).toBe(timeless(expected.content));
    expect(io.lines.join('\n')).toMatch(/wrote: +.*faq\.html[\s\S]*entries: +2/);
    expect(readdirSync(dir)).toEqual(['faq.html']);
  });

  it('an unwritable path fails cleanly: exit code 1, a clear message, nothing half-written', async () => {
    const { h } = await library();
    const dir = tempDir();
    const missing = join(dir, 'no-such-folder', 'faq.md');
    let io = capture();
    expect(await exportFaqCommand({ format: 'md', out: missing, locale: undefined, category: undefined, dataDir: h.dataDir, user: SUPERVISOR }, io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/Cannot write .*faq\.md: the folder .*no-such-folder does not exist\. Nothing was written\./);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);

    // A path through a file (every user, root included, is refused).
    writeFileSync(join(dir, 'plain-file'), 'x');
    io = capture();
    expect(await exportFaqCommand({ format: 'md', out: join(dir, 'plain-file', 'faq.md'), locale: undefined, category: undefined, dataDir: h.dataDir, user: SUPERVISOR }, io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/plain-file is not a folder\. Nothing was written/);

    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'faq.md'), 'the previous export');
    chmodSync(locked, 0o555);
    try {
      io = capture();
      const code = await exportFaqCommand({ format: 'md', out: join(locked, 'faq.md'), locale: 'zh-CN', category: undefined, dataDir: h.dataDir, user: SUPERVISOR }, io);
      // Root may write anywhere; everyone else is refused and the old file survives.
      if (process.getuid?.() !== 0) {
        expect(code).toBe(1);
        expect(io.errors.join('\n')).toMatch(/no permission to write in/);
        expect(readFileSync(join(locked, 'faq.md'), 'utf8')).toBe('the previous export');
        expect(readdirSync(locked)).toEqual(['faq.md']);
      }
    } finally {
      chmodSync(locked, 0o755);
    }

    io = capture();
    expect(await exportFaqCommand({ format: 'md', out: dir, locale: undefined, category: undefined, dataDir: h.dataDir, user: SUPERVISOR }, io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/is a folder/);

    io = capture();
    expect(await exportFaqCommand({ format: 'pdf', out: join(dir, 'x.pdf'), locale: undefined, category: undefined, dataDir: h.dataDir, user: SUPERVISOR }, io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/“pdf” is not a format/);
    expect(await exportFaqCommand({ format: 'md', out: join(dir, 'x.md'), locale: 'fr', category: undefined, dataDir: h.dataDir, user: SUPERVISOR }, io)).toBe(1);
    expect(await exportFaqCommand({ format: 'md', out: join(dir, 'x.md'), locale: 'en', category: 'offers_points', dataDir: h.dataDir, user: SUPERVISOR }, io)).toBe(1);
    expect(io.errors.at(-1)).toMatch(/^BAD_INPUT: Nothing to export/);
    expect(readdirSync(dir).sort()).toEqual(['locked', 'plain-file']);
  });

  it('runs through the real command line', async () => {
    const { h } = await library();
    const dir = tempDir();
    const run = (...args: string[]) =>
      spawnSync('npx', ['tsx', 'electron/cli.ts', 'export-faq', ...args, '--data-dir', h.dataDir, '--user', SUPERVISOR], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, CONSOLE_PASSWORD: TEST_PASSWORD },
      });
    const ok = run('--format', 'csv', '--out', join(dir, 'faq.csv'), '--locale', 'zh-CN', '--category', 'payments');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/entries: +1/);
    expect(readFileSync(join(dir, 'faq.csv'), 'utf8')).toContain('提现多久到账？');
    const bad = run('--format', 'md', '--out', join(dir, 'missing', 'faq.md'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/does not exist\. Nothing was written/);
  }, 90_000);
});
