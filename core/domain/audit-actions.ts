/*
 * Every action the console writes to the audit log (the `action` of each insertAudit). The audit page's
 * filter offers these (and any other action it finds in the entries it loads); each has a sentence in
 * the admin catalogs (audit.say.<action with _>) and, when its details need more than the generic
 * formatting, one entry in renderer/pages/audit/describe.ts. A new audited kind: add it here, then its
 * sentence; until then it shows with a readable fallback.
 */
export const AUDIT_ACTIONS = [
  'phone.reveal',
  'voucher.issued',
  'voucher.requested',
  'voucher.approved',
  'voucher.rejected',
  'voucher.voided',
  'voucher.redeemed',
  'faq.submit',
  'faq.request_changes',
  'faq.publish',
  'faq.retire',
  'faq.mark_reviewed',
  'faq.confirm_not_personal',
  'sync.discard',
  'attempt.lease_conflict',
  'settings.queue_changed',
  'settings.cases_changed',
  'sla.policies_changed',
  'calendar.saved',
  'user.created',
  'import.committed',
  'dnc.added',
] as const;
