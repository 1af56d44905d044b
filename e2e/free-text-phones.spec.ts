import { ConsolePage } from './console-page';
import { expect, shot, test, type ConsoleHost } from './fixtures';
import { createTicket, importCustomers, must } from './sla-page';
import { TicketsPage } from './tickets-page';

/*
 * Phone numbers inside free text (ticket descriptions and comments, callback notes, attempt notes) are
 * masked like the phone field until a reveal, and the reveal is audited like the phone field's.
 */

test.use({ viewport: { width: 1280, height: 800 } });

const reveals = (host: ConsoleHost, customerId: string) =>
  (
    host.backend.context!.db.$client.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'phone.reveal' AND subject_id = ?`).get(customerId) as {
      n: number;
    }
  ).n;

test('numbers in ticket text are masked, and revealing them writes an audit entry', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  const tickets = new TicketsPage(page);
  await agent.open(host.url);
  await agent.firstRun('empty', '王芳');
  const customers = await importCustomers(host, [{ phone: '13800001111', name: '张伟' }]);
  const customerId = customers.get('张伟')!;
  const linked = await must<{ ticket: { id: string; code: string } }>(host, 'tickets.create', {
    subject: '转账未到账',
    description: '客户手机 17745841568，白天打座机 010-62345678',
    category: 'payments',
    priority: 'P2',
    customerId,
  });
  await must(host, 'tickets.comment', { id: linked.ticket.id, body: '家属电话 +86 139 1234 5678，晚上联系', visibility: 'internal' });
  const loose = await createTicket(host, { subject: '内部发现的问题', priority: 'P3' });
  await must(host, 'tickets.comment', { id: loose.id, body: '供应商联系人 13512345678', visibility: 'internal' });

  await agent.nav('tickets');
  await tickets.row(linked.ticket.code).click();
  await expect(tickets.detail()).toHaveAttribute('data-code', linked.ticket.code);
  const description = tickets.detail().getByTestId('ticket-description-text');
  await expect(description).toContainText('客户手机 177****1568，白天打座机 010-****5678');
  await expect(tickets.detail()).not.toContainText('17745841568');
  await expect(tickets.detail()).not.toContainText('62345678');
  await expect(tickets.detail()).not.toContainText('139 1234 5678');
  await expect(tickets.detail().getByTestId('timeline-event').and(page.locator('[data-type="noted"]'))).toContainText('+86 139****5678');
  await shot(page, 'free-text-01-masked');
  expect(reveals(host, customerId)).toBe(0);

  await description.getByTestId('reveal-text-phone').click();
  await expect(description.getByTestId('masked-text')).toHaveAttribute('data-revealed', 'true');
  await expect(description).toContainText('客户手机 17745841568，白天打座机 010-62345678');
  await expect(description.getByTestId('text-phone-note')).toContainText('审计');
  expect(reveals(host, customerId)).toBe(1);
  // Only the text revealed is shown in full.
  await expect(tickets.detail()).not.toContainText('139 1234 5678');
  await shot(page, 'free-text-02-revealed');

  // No customer to audit the reveal against: the number stays masked, with no reveal button.
  await tickets.row(loose.code).click();
  await expect(tickets.detail()).toHaveAttribute('data-code', loose.code);
  const note = tickets.detail().getByTestId('timeline-event').and(page.locator('[data-type="noted"]'));
  await expect(note).toContainText('供应商联系人 135****5678');
  await expect(note.getByTestId('reveal-text-phone')).toHaveCount(0);
  await expect(note.getByTestId('text-phone-note')).toContainText('未关联客户');
});

test('numbers in callback notes and in the contact history are masked in the workspace', async ({ page, host }) => {
  const agent = new ConsolePage(page);
  await agent.open(host.url);
  await agent.firstRun('empty', '王芳');
  const csv = ['手机号,姓名,回访原因,备注', '13800002222,李娜,complaint_followup,客户说打她先生的号 138-0013-8000 也行'].join('\r\n');
  type Job = { jobId: string; phase: string };
  let job = await must<Job>(host, 'imports.start', { fileName: 'notes.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') });
  await expect.poll(async () => (job = await must<Job>(host, 'imports.status', { jobId: job.jobId })).phase).toBe('ready');
  await must(host, 'imports.commit', { jobId: job.jobId });
  await expect.poll(async () => (await must<Job>(host, 'imports.status', { jobId: job.jobId })).phase).toBe('done');
  const callbackId = (host.backend.context!.db.$client.prepare('SELECT id FROM callbacks').get() as { id: string }).id;

  await agent.open(host.url);
  await agent.openRow(callbackId);
  const notes = page.getByTestId('callback-notes');
  await expect(notes).toContainText('138****8000');
  await expect(notes).not.toContainText('0013');
  await shot(page, 'free-text-03-callback-notes');
  await agent.toggleLanguage();
  await expect(notes.getByTestId('reveal-text-phone')).toHaveText('Reveal');
  await shot(page, 'free-text-04-callback-notes-en');
});
