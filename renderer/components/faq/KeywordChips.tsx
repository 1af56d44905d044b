import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_KEYWORDS, normalizeKeywords } from '../../../core/faq/workflow';

/** Keywords as removable chips; Enter, a comma or 、 adds what was typed (normalised as the back end stores them). */
export function KeywordChips({ value, onChange, disabled }: { value: string[]; onChange(next: string[]): void; disabled: boolean }) {
  const { t } = useTranslation('faq');
  const [draft, setDraft] = useState('');
  const add = (text: string) => {
    const parts = text.split(/[,，、;；]/);
    const next = normalizeKeywords([...value, ...parts]);
    if (next.length !== value.length) onChange(next);
    setDraft('');
  };
  return (
    <div className={`faq-chips${disabled ? ' faq-chips-disabled' : ''}`} data-testid="faq-keywords">
      {value.map((k) => (
        <span key={k} className="faq-chip" data-testid="faq-keyword">
          {k}
          {!disabled && (
            <button type="button" className="faq-chip-x" aria-label={t('editor.removeKeyword', { k })} onClick={() => onChange(value.filter((x) => x !== k))}>
              ×
            </button>
          )}
        </span>
      ))}
      {!disabled && value.length < MAX_KEYWORDS && (
        <input
          className="faq-chip-input"
          value={draft}
          placeholder={value.length === 0 ? t('editor.keywordsPlaceholder') : ''}
          aria-label={t('editor.keywords')}
          onChange={(e) => {
            const v = e.target.value;
            if (/[,，、;；]$/.test(v)) add(v);
            else setDraft(v);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(draft);
            } else if (e.key === 'Backspace' && draft === '' && value.length > 0) {
              onChange(value.slice(0, -1));
            }
          }}
          onBlur={() => draft.trim() && add(draft)}
          data-testid="faq-keyword-input"
        />
      )}
    </div>
  );
}
