import { useTranslation } from 'react-i18next';
import type { Issue } from './model';

/** The live check list: what blocks saving, what blocks publishing; a click jumps to the question. */
export function ProblemsPanel({ issues, onJump, droppedKeys }: { issues: Issue[]; onJump(index: number | null): void; droppedKeys: string[] }) {
  const { t } = useTranslation('scripts');
  const blocking = issues.filter((i) => i.level === 'save').length;
  return (
    <section className={`scr-card scr-problems${issues.length > 0 ? ' scr-problems-bad' : ' scr-problems-ok'}`} data-testid="editor-problems" data-count={issues.length} aria-live="polite">
      <h3 className="scr-card-title">
        {issues.length === 0 ? (
          <span className="scr-ok-text">✓ {t('problems.none')}</span>
        ) : (
          <span>{t('problems.title', { count: issues.length })}</span>
        )}
      </h3>
      {issues.length > 0 && <p className="muted small">{blocking > 0 ? t('problems.saveBlocked', { count: blocking }) : t('problems.publishBlocked')}</p>}
      {issues.length > 0 && (
        <ul className="scr-problem-list">
          {issues.map((issue, n) => (
            <li key={n}>
              <button type="button" className={`scr-problem${issue.level === 'save' ? ' scr-problem-save' : ''}`} onClick={() => onJump(issue.index)} data-testid="editor-problem" data-code={issue.code} data-key={issue.questionKey ?? ''}>
                <span className="scr-problem-where">{issue.index !== null ? t('problems.atQuestion', { n: issue.index + 1 }) : t('problems.atScript')}</span>
                <span className="scr-problem-text">{issue.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {droppedKeys.length > 0 && (
        <p className="scr-note-warn small" data-testid="dropped-keys">
          {t('problems.droppedKeys', { keys: droppedKeys.join('、') })}
        </p>
      )}
    </section>
  );
}
