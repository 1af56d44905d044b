import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptVersionView } from '../../../core/contract/views';
import { formatDateTime, formatNumber } from '../../format';
import { Badge, Button, ButtonRow, Card, Table } from '../../ui';

const SHOWN = 5;

/** Every version, newest first: who published it when, how many responses it has; click to view. */
export function VersionHistory({
  versions,
  selected,
  editing,
  onView,
  onExport,
  onCopy,
  canCopy,
}: {
  versions: ScriptVersionView[];
  /** The version id shown read-only, or null while the draft editor is open. */
  selected: string | null;
  editing: boolean;
  onView(v: ScriptVersionView): void;
  onExport(v: ScriptVersionView): void;
  onCopy(v: ScriptVersionView): void;
  canCopy: boolean;
}) {
  const { t } = useTranslation('scripts');
  const [all, setAll] = useState(false);
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  return (
    <Card title={t('versions.title')} titleId="script-versions-title" className="script-versions">
      <Table bare className="versions-table">
        <thead>
          <tr>
            <th>{t('versions.version')}</th>
            <th>{t('versions.status')}</th>
            <th>{t('versions.when')}</th>
            <th className="ui-num">{t('versions.responses')}</th>
            <th aria-label={t('list.actions')} />
          </tr>
        </thead>
        <tbody>
          {shown.map((v) => {
            const current = v.status === 'draft' ? editing : selected === v.id;
            return (
              <tr key={v.id} className={current ? 'version-row-current' : undefined} data-testid="version-row" data-version={v.version} data-status={v.status} data-version-id={v.id}>
                <td>
                  <Button variant="link" size="small" onClick={() => onView(v)} data-testid="version-view">
                    v{v.version}
                  </Button>
                </td>
                <td>
                  {v.status === 'published' ? (
                    <Badge tone="ok">{t('versions.published')}</Badge>
                  ) : (
                    <Badge tone="warn">{t('versions.draft')}</Badge>
                  )}
                </td>
                <td className="small">
                  {v.status === 'published' && v.publishedAt !== null
                    ? t('versions.publishedBy', { who: v.publishedByName ?? t('versions.system'), when: formatDateTime(v.publishedAt) })
                    : t('versions.createdAt', { when: formatDateTime(v.createdAt) })}
                </td>
                <td className="ui-num">{v.status === 'published' ? formatNumber(v.responses) : '—'}</td>
                <td className="script-row-actions">
                  <ButtonRow>
                    <Button size="small" onClick={() => onView(v)}>
                      {v.status === 'draft' ? t('versions.openDraft') : t('versions.view')}
                    </Button>
                    <Button size="small" onClick={() => onExport(v)} data-testid="version-export">
                      {t('list.export')}
                    </Button>
                    {canCopy && (
                      <Button size="small" onClick={() => onCopy(v)} data-testid="version-copy">
                        {t('versions.copy')}
                      </Button>
                    )}
                  </ButtonRow>
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {sorted.length > SHOWN && (
        <Button variant="link" size="small" onClick={() => setAll(!all)}>
          {all ? t('versions.fewer') : t('versions.all', { count: sorted.length })}
        </Button>
      )}
    </Card>
  );
}
