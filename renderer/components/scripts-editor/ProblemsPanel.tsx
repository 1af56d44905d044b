import { useTranslation } from 'react-i18next';
import type { Issue } from './model';
import { Alert, Card } from '../../ui';

/** The live check list: what blocks saving, what blocks publishing; a click jumps to the question. */
export function ProblemsPanel({ issues, onJump, droppedKeys }: { issues: Issue[]; onJump(index: number | null): void; droppedKeys: string[] }) {
  const { t } = useTranslation('scripts');
  const blocking = issues.filter((i) => i.level === 'save').length;
  return (
    <Card
      className={`problems${issues.length > 0 ? ' problems-bad' : ' problems-ok'}`}
      data-testid="editor-problems"
      data-count={issues.length}
      aria-live="polite"
      titleClassName="problems-title"
      title={issues.length === 0 ? `✓ ${t('problems.none')}` : t('problems.title', { count: issues.length })}
    >
      {issues.length > 0 && <p className="muted small">{blocking > 0 ? t('problems.saveBlocked', { count: blocking }) : t('problems.publishBlocked')}</p>}
      {issues.length > 0 && (
        <ul className="problem-list">
          {issues.map((issue, n) => (
            <li key={n}>
              <button type="button" className={`problem${issue.level === 'save' ? ' problem-save' : ''}`} onClick={() => onJump(issue.index)} data-testid="editor-problem" data-code={issue.code} data-key={issue.questionKey ?? ''}>
                <span className="problem-where">{issue.index !== null ? t('problems.atQuestion', { n: issue.index + 1 }) : t('problems.atScript')}</span>
                <span className="problem-text">{issue.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {droppedKeys.length > 0 && (
        <Alert tone="warn" className="small" data-testid="dropped-keys">
          {t('problems.droppedKeys', { keys: droppedKeys.join('、') })}
        </Alert>
      )}
    </Card>
  );
}
