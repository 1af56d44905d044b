import { useTranslation } from 'react-i18next';
import type { FaqRedactionNote, FaqSimilarView, FaqSourceView } from '../../../core/contract/views-faq';
import { StatusBadge, TicketStatusBadge, useCategoryLabel } from './shared';
import { Button, ButtonRow, Card } from '../../ui';

/* The editor's side panels: what was masked, what may still be personal, duplicates, source tickets. */

interface Grouped {
  kind: FaqRedactionNote['kind'];
  replacement: string;
  count: number;
  fields: FaqRedactionNote['field'][];
}

function group(notes: readonly FaqRedactionNote[]): Grouped[] {
  const out = new Map<string, Grouped>();
  for (const n of notes) {
    const g = out.get(n.kind) ?? { kind: n.kind, replacement: n.replacement, count: 0, fields: [] };
    g.count++;
    if (!g.fields.includes(n.field)) g.fields.push(n.field);
    out.set(n.kind, g);
  }
  return [...out.values()];
}

function NoteList({ notes, testId }: { notes: readonly FaqRedactionNote[]; testId: string }) {
  const { t } = useTranslation('faq');
  return (
    <ul className="faq-masked-list">
      {group(notes).map((g) => (
        <li key={g.kind} data-testid={testId} data-kind={g.kind}>
          <span className="faq-masked-kind">{t(`masked.kind.${g.kind}`)}</span>
          <span className="faq-count">×{g.count}</span>
          <code className="faq-placeholder">{g.replacement}</code>
          <span className="faq-muted faq-small">{g.fields.map((f) => t(`masked.field.${f}`)).join(t('masked.separator'))}</span>
        </li>
      ))}
    </ul>
  );
}

export function MaskedPanel({ notes, contextMore }: { notes: readonly FaqRedactionNote[]; contextMore: number }) {
  const { t } = useTranslation('faq');
  return (
    <Card className="faq-panel" titleClassName="faq-panel-title" title={t('masked.title')} data-testid="faq-masked">
      <p className="faq-muted faq-small">{t('masked.intro')}</p>
      {notes.length === 0 ? <p className="faq-small">{t('masked.none')}</p> : <NoteList notes={notes} testId="faq-masked-item" />}
      {contextMore > 0 && <p className="faq-muted faq-small">{t('masked.contextMore', { count: contextMore })}</p>}
    </Card>
  );
}

export function PersonalDataWarning({ notes }: { notes: readonly FaqRedactionNote[] }) {
  const { t } = useTranslation('faq');
  if (notes.length === 0) return null;
  return (
    <Card className="faq-panel faq-panel-warn" titleClassName="faq-panel-title" title={t('masked.leftTitle')} role="status" data-testid="faq-personal-data">
      <p className="faq-small">{t('masked.leftIntro')}</p>
      <NoteList notes={notes} testId="faq-personal-item" />
    </Card>
  );
}

export function SimilarPanel({ similar, onOpen }: { similar: readonly FaqSimilarView[]; onOpen(id: string): void }) {
  const { t } = useTranslation('faq');
  const label = useCategoryLabel();
  if (similar.length === 0) {
    return (
      <Card className="faq-panel" titleClassName="faq-panel-title" title={t('similar.title')} data-testid="faq-similar" data-count="0">
        <p className="faq-muted faq-small">{t('similar.none')}</p>
      </Card>
    );
  }
  return (
    <Card className="faq-panel faq-panel-warn" titleClassName="faq-panel-title" title={<><span aria-hidden="true">⚠</span> {t('similar.title')}</>} data-testid="faq-similar" data-count={similar.length}>
      <p className="faq-small">{t('similar.intro')}</p>
      <ul className="faq-similar-list">
        {similar.map((s) => (
          <li key={s.id} data-testid="faq-similar-item">
            <button type="button" className="faq-link" onClick={() => onOpen(s.id)}>
              {s.question}
            </button>
            <div className="faq-small faq-muted">
              <StatusBadge status={s.status} /> {label(s.category)} · {t('similar.score', { pct: Math.round(s.score * 100) })}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function SourcesPanel({
  sources,
  editable,
  onRemove,
  onAdd,
}: {
  sources: readonly FaqSourceView[];
  editable: boolean;
  onRemove(id: string): void;
  onAdd(): void;
}) {
  const { t } = useTranslation('faq');
  return (
    <Card className="faq-panel" titleClassName="faq-panel-title" title={t('sources.title')} data-testid="faq-sources">
      <ul className="faq-source-list">
        {sources.map((s) => {
          const reopened = s.status !== 'resolved' && s.status !== 'closed';
          return (
            <li key={s.id} data-testid="faq-source" data-ticket-id={s.id}>
              <div className="faq-source-main">
                <span className="mono faq-code">{s.code}</span>
                <TicketStatusBadge status={s.status} className="faq-source-status">
                  {reopened ? t('sources.reopened') : t(`ticketStatus.${s.status}`)}
                </TicketStatusBadge>
                <div className="faq-small faq-source-subject">{s.subject}</div>
              </div>
              {editable && (
                <Button
                  variant="ghost"
                  size="small"
                  disabled={sources.length <= 1}
                  title={sources.length <= 1 ? t('sources.lastOne') : undefined}
                  onClick={() => onRemove(s.id)}
                >
                  {t('sources.remove')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {editable && (
        <ButtonRow>
          <Button size="small" onClick={onAdd} data-testid="faq-add-source">
            + {t('sources.add')}
          </Button>
        </ButtonRow>
      )}
    </Card>
  );
}
