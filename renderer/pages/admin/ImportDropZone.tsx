import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MB } from './importFile';
import { buttonClass } from '../../ui';

/** Where a CSV is dropped or chosen; the page handles the drag events so a drop anywhere counts. */
export function ImportDropZone({
  dragging,
  inputRef,
  onPick,
}: {
  dragging: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  onPick: (files: FileList | null) => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <div className={`imp-drop${dragging ? ' imp-drop-active' : ''}`}>
      <div className="imp-drop-title">{t('import.dropTitle')}</div>
      <div className="muted">{t('import.dropOr')}</div>
      <label className={buttonClass('primary', 'normal', 'imp-file-label')}>
        {t('import.choose')}
        <input
          ref={inputRef}
          className="ui-visually-hidden"
          type="file"
          accept=".csv,text/csv"
          data-testid="import-file"
          onChange={(e) => onPick(e.currentTarget.files)}
        />
      </label>
      <div className="muted small">{t('import.dropHint', { mb: MAX_MB })}</div>
    </div>
  );
}
