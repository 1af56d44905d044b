import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaqHistoryItem, FaqRevisionView } from '../../../core/contract/views-faq';
import { formatDateTime } from '../../format';
import { useCategoryLabel } from './shared';
import { Badge, Button, Card } from '../../ui';

/** Every revision (any of them can be opened and read) and the workflow steps with who took them. */
export function RevisionHistory({
  revisions,
  publishedRevision,
  history,
}: {
  revisions: readonly FaqRevisionView[];
  publishedRevision: number | null;
  history: readonly FaqHistoryItem[];
}) {
  const { t } = useTranslation('faq');
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Card className="faq-panel" titleClassName="faq-panel-title" title={t('history.title')} data-testid="faq-history">
      <ol className="faq-revisions">
        {revisions.map((r, i) => (
          <li key={r.revision} data-testid="faq-revision" data-revision={r.revision}>
            <div className="faq-revision-head">
              <strong>v{r.revision}</strong>
              {r.revision === publishedRevision && <Badge tone="ok">{t('history.live')}</Badge>}
              {i === 0 && r.revision !== publishedRevision && <span className="faq-muted faq-small">{t('history.current')}</span>}
              <span className="faq-muted faq-small faq-grow">{t('history.by', { name: r.createdByName ?? '—', time: formatDateTime(r.createdAt) })}</span>
              <Button
                variant="ghost"
                size="small"
                aria-expanded={open === r.revision}
                onClick={() => setOpen(open === r.revision ? null : r.revision)}
                data-testid="faq-revision-toggle"
              >
                {open === r.revision ? t('history.hide') : t('history.view')}
              </Button>
            </div>
            {open === r.revision && <RevisionBody revision={r} />}
          </li>
        ))}
      </ol>
      <h4 className="faq-subtitle">{t('history.workflow')}</h4>
      {history.length === 0 ? (
        <p className="faq-muted faq-small">{t('history.noWorkflow')}</p>
      ) : (
        <ol className="faq-steps">
          {[...history].reverse().map((h) => (
            <li key={h.id} data-testid="faq-step" data-action={h.action}>
              <span className={`faq-step-dot faq-step-${h.action}`} aria-hidden="true" />
              <div>
                <div>
                  <strong>{t(`history.action.${h.action}`)}</strong>
                  {h.revision !== null && <span className="faq-muted"> {t('history.revisionOf', { n: h.revision })}</span>}
                </div>
                <div className="faq-muted faq-small">{t('history.by', { name: h.actorName ?? '—', time: formatDateTime(h.at) })}</div>
                {h.note && <div className="faq-step-note">“{h.note}”</div>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function RevisionBody({ revision: r }: { revision: FaqRevisionView }) {
  const { t } = useTranslation('faq');
  const label = useCategoryLabel();
  return (
    <div className="faq-revision-body" data-testid="faq-revision-body">
      <div className="faq-muted faq-small">{label(r.category)}</div>
      <div className="faq-revision-q">{r.question}</div>
      <div className="faq-revision-a">{r.answer}</div>
      {r.questionEn && (
        <div className="faq-revision-en" lang="en">
          <div className="faq-muted faq-small">{t('history.english')}</div>
          <div className="faq-revision-q">{r.questionEn}</div>
          <div className="faq-revision-a">{r.answerEn}</div>
        </div>
      )}
      <div className="faq-muted faq-small">{r.keywords.length ? t('history.keywords', { list: r.keywords.join('、') }) : t('history.noKeywords')}</div>
    </div>
  );
}
