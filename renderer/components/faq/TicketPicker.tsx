import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../core/contract/views-cases';
import { call } from '../../api/client';
import { formatShortDateTime } from '../../format';
import { apiErrorText } from '../../i18n/apiError';
import { FaqDialog, TicketStatusBadge, useCategoryLabel } from './shared';
import { Alert, Button, EmptyState, TextInput } from '../../ui';

/*
 * Finds a resolved or closed ticket to draft from (or to add as a source): both scopes are searched
 * with the same words and merged, newest first.
 */

const LIMIT = 40;

export function TicketPicker({
  onPick,
  onClose,
  exclude = [],
  mode,
}: {
  onPick(ticketId: string): void;
  onClose(): void;
  exclude?: string[];
  mode: 'draft' | 'add';
}) {
  const { t } = useTranslation('faq');
  const label = useCategoryLabel();
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<TicketRow[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(async () => {
      const [resolved, closed] = await Promise.all(
        (['resolved', 'closed'] as const).map((scope) => call('tickets.list', { scope, search: search.trim(), sort: 'updated', limit: LIMIT })),
      );
      if (stale) return;
      if (!resolved!.ok || !closed!.ok) {
        const error = !resolved!.ok ? resolved!.error : !closed!.ok ? closed!.error : null;
        setFailed(error ? apiErrorText(error) : '');
        return;
      }
      setFailed(null);
      setRows([...resolved!.value.rows, ...closed!.value.rows].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)));
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [search]);

  return (
    <FaqDialog title={t('picker.title')} onClose={onClose} testId="faq-ticket-picker">
      <p className="faq-muted">{t('picker.intro')}</p>
      <TextInput
        type="search"
        value={search}
        placeholder={t('picker.search')}
        aria-label={t('picker.search')}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="faq-picker-search"
      />
      {failed !== null && <Alert tone="danger">{t('errors.generic', { message: failed })}</Alert>}
      {rows === null ? (
        <p className="faq-muted">{t('loading')}</p>
      ) : rows.length === 0 ? (
        <EmptyState>{t('picker.empty')}</EmptyState>
      ) : (
        <ul className="faq-picker-list">
          {rows.map((r) => {
            const linked = exclude.includes(r.id);
            return (
              <li key={r.id} className="faq-picker-row" data-testid="faq-picker-row" data-ticket-id={r.id}>
                <div className="faq-picker-main">
                  <div className="faq-picker-subject">
                    <span className="mono faq-code">{r.code}</span> {r.subject}
                  </div>
                  <div className="faq-small faq-muted">
                    <TicketStatusBadge status={r.status}>{t(`ticketStatus.${r.status}`)}</TicketStatusBadge> · {label(r.category)}
                    {r.customerName ? ` · ${r.customerName}` : ''} · {formatShortDateTime(r.updatedAt)}
                  </div>
                </div>
                <Button
                  size="small"
                  disabled={linked}
                  onClick={() => onPick(r.id)}
                  data-testid="faq-picker-pick"
                >
                  {linked ? t('picker.linked') : mode === 'draft' ? t('picker.pick') : t('picker.add')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </FaqDialog>
  );
}
