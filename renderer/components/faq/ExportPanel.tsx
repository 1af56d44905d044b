import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FAQ_FORMATS, type FaqFormat, type FaqLocale } from '../../../core/faq/export-plan';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { downloadText, useCategories, useFaqError } from './shared';
import { Alert, Button, Card, Checkbox, Field, IconButton, Select } from '../../ui';

/** Choices for faq.export and a download of what comes back. The last choices are kept for the session. */
let lastChoice: { format: FaqFormat; locales: FaqLocale[]; category: string } = { format: 'html', locales: ['zh-CN', 'en'], category: '' };

export function ExportPanel({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation('faq');
  const categories = useCategories();
  const notify = useStore((s) => s.notify);
  const errorText = useFaqError();
  const [choice, setChoiceState] = useState(lastChoice);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ count: number; file: string } | null>(null);
  const setChoice = (patch: Partial<typeof choice>) => {
    lastChoice = { ...choice, ...patch };
    setChoiceState(lastChoice);
    setProblem(null);
    setDone(null);
  };
  const toggle = (l: FaqLocale) =>
    setChoice({ locales: choice.locales.includes(l) ? choice.locales.filter((x) => x !== l) : (['zh-CN', 'en'] as const).filter((x) => x === l || choice.locales.includes(x)) });

  async function download() {
    if (choice.locales.length === 0) return setProblem(t('exportPanel.pickLanguage'));
    setBusy(true);
    const r = await call('faq.export', { format: choice.format, locales: choice.locales, ...(choice.category ? { category: choice.category } : {}) });
    setBusy(false);
    if (!r.ok) return setProblem(errorText(r.error));
    downloadText(r.value.fileName, r.value.content, r.value.mimeType);
    setDone({ count: r.value.count, file: r.value.fileName });
    notify('success', t('exportPanel.done', { count: r.value.count, file: r.value.fileName }));
  }

  return (
    <Card
      className="faq-export"
      titleClassName="faq-panel-title"
      title={t('exportPanel.title')}
      actions={
        <IconButton size="large" label={t('close')} onClick={onClose}>
          ×
        </IconButton>
      }
      data-testid="faq-export"
    >
      <p className="faq-muted faq-small">{t('exportPanel.intro')}</p>
      <div className="faq-export-row">
        <div className="faq-field">
          <span className="faq-label">{t('exportPanel.format')}</span>
          <div className="segmented small" role="group" aria-label={t('exportPanel.format')}>
            {FAQ_FORMATS.map((f) => (
              <button
                key={f}
                type="button"
                className={choice.format === f ? 'seg active' : 'seg'}
                aria-pressed={choice.format === f}
                onClick={() => setChoice({ format: f })}
                data-testid={`faq-export-format-${f}`}
              >
                {t(`exportPanel.formats.${f}`)}
              </button>
            ))}
          </div>
        </div>
        <fieldset className="faq-field faq-fieldset">
          <legend className="faq-label">{t('exportPanel.languages')}</legend>
          {(['zh-CN', 'en'] as const).map((l) => (
            <Checkbox
              key={l}
              label={l === 'zh-CN' ? t('exportPanel.zh') : t('exportPanel.en')}
              checked={choice.locales.includes(l)}
              onChange={() => toggle(l)}
              data-testid={`faq-export-locale-${l}`}
            />
          ))}
        </fieldset>
        <Field label={t('exportPanel.category')}>
          <Select value={choice.category} onChange={(e) => setChoice({ category: e.target.value })} data-testid="faq-export-category">
            <option value="">{t('exportPanel.allCategories')}</option>
            {categories.map((c) => (
              <option key={c.key} value={c.key}>
                {i18n.language === 'en' ? c.en : c.zh}
              </option>
            ))}
          </Select>
        </Field>
        <Button variant="primary" className="faq-export-go" disabled={busy} onClick={() => void download()} data-testid="faq-export-download">
          {busy ? t('exportPanel.downloading') : `⤓ ${t('exportPanel.download')}`}
        </Button>
      </div>
      {problem && (
        <Alert tone="danger" role="alert" data-testid="faq-export-error">
          {problem}
        </Alert>
      )}
      {done && (
        <p className="faq-ok-text" data-testid="faq-export-done">
          {t('exportPanel.done', done)}
        </p>
      )}
    </Card>
  );
}
