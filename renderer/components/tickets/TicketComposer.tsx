import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../core/contract/views-cases';
import { call } from '../../api/client';
import type { TicketActions } from './useTicketAction';
import { Button, FieldMessage, Tabs, TextArea } from '../../ui';

type Visibility = 'reply' | 'internal';

/**
 * Reply to the customer or write an internal note. The difference matters for the SLA: a reply is a
 * response (it stops the first-response clock and opens a new ticket), a note is not.
 */
export function TicketComposer({ detail, actions }: { detail: TicketDetail; actions: TicketActions }) {
  const { t } = useTranslation('tickets');
  const [visibility, setVisibility] = useState<Visibility>('reply');
  const [body, setBody] = useState('');
  const closed = detail.ticket.status === 'closed';
  const sending = actions.busy === 'comment';
  const hintId = useId();

  const send = async () => {
    const text = body.trim();
    if (!text || sending || closed) return;
    const ok = await actions.ticket('comment', call('tickets.comment', { id: detail.ticket.id, body: text, visibility }), () =>
      visibility === 'reply' ? t('composer.replied') : t('composer.noted'),
    );
    if (ok) setBody('');
  };

  if (closed) {
    return (
      <div className="tk-composer disabled" data-testid="ticket-composer">
        <p className="muted">{t('composer.closed')}</p>
      </div>
    );
  }

  return (
    <div className={`tk-composer tk-composer-${visibility}`} data-testid="ticket-composer" data-visibility={visibility}>
      <Tabs<Visibility>
        className="tk-composer-tabs"
        tabClassName="tk-ctab"
        value={visibility}
        onChange={setVisibility}
        tabs={(['reply', 'internal'] as const).map((v) => ({ id: v, label: t(`composer.${v}`), testId: `composer-${v}` }))}
      />
      <TextArea
        rows={3}
        maxLength={5000}
        data-testid="composer-body"
        placeholder={visibility === 'reply' ? t('composer.replyPlaceholder') : t('composer.notePlaceholder')}
        value={body}
        aria-describedby={hintId}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <div className="tk-composer-foot">
        <FieldMessage tone="hint" id={hintId}>
          {visibility === 'reply' ? t('composer.replyHint') : t('composer.noteHint')}
        </FieldMessage>
        <Button variant="primary" size="small" data-testid="composer-send" disabled={!body.trim() || sending} onClick={() => void send()}>
          {sending ? t('common.working') : visibility === 'reply' ? t('composer.sendReply') : t('composer.addNote')}
          <kbd>Ctrl+Enter</kbd>
        </Button>
      </div>
    </div>
  );
}
