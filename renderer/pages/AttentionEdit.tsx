import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionItem } from '../../core/contract/views-sync';
import { Button, Field, TextArea, TextInput } from '../ui';

type EditableField = AttentionItem['editable'][number];

/** The value a field shows in the form: money in yuan (kept in fen), whole numbers and text as they are. */
function shown(field: EditableField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field.kind === 'fen') return (Number(value) / 100).toFixed(2);
  return String(value);
}

/** What the form's text means for the change, or why it cannot be used. */
function parsed(field: EditableField, text: string): { value: unknown } | { problem: 'number' } {
  if (field.kind === 'text') return { value: text };
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return { problem: 'number' };
  if (field.kind === 'fen') return { value: Math.round(n * 100) };
  return Number.isInteger(n) ? { value: n } : { problem: 'number' };
}

/**
 * "Edit and retry": the parts of a refused change its author typed or chose, in a small form. Only the
 * fields changed are sent; the console and then the server check the edited change like any other.
 */
export function AttentionEdit({ item, busy, onSubmit, onCancel }: { item: AttentionItem; busy: boolean; onSubmit: (args: Record<string, unknown>) => void; onCancel: () => void }) {
  const { t } = useTranslation('sync');
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(item.editable.map((f) => [f.key, shown(f, item.args[f.key])])));
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    const args: Record<string, unknown> = {};
    for (const f of item.editable) {
      const text = texts[f.key] ?? '';
      if (text === shown(f, item.args[f.key])) continue;
      const p = parsed(f, text);
      if ('problem' in p) {
        setProblem(f.key);
        return;
      }
      args[f.key] = p.value;
    }
    setProblem(null);
    onSubmit(args);
  };

  return (
    <form
      className="att-edit"
      data-testid="attention-edit"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {item.editable.map((f) => {
        const id = `att-${item.seq}-${f.key}`;
        return (
          <Field
            key={f.key}
            label={t(`editField.${f.key}`, { defaultValue: f.key })}
            error={problem === f.key ? t('attention.editNumber') : undefined}
            errorRole="alert"
            className="att-edit-field"
          >
            {f.kind === 'text' ? (
              <TextArea
                id={id}
                rows={2}
                value={texts[f.key] ?? ''}
                data-testid={`attention-edit-${f.key}`}
                onChange={(e) => setTexts((x) => ({ ...x, [f.key]: e.target.value }))}
              />
            ) : (
              <TextInput
                id={id}
                inputMode="decimal"
                value={texts[f.key] ?? ''}
                data-testid={`attention-edit-${f.key}`}
                onChange={(e) => {
                  setTexts((x) => ({ ...x, [f.key]: e.target.value }));
                  if (problem === f.key) setProblem(null);
                }}
              />
            )}
          </Field>
        );
      })}
      <div className="att-confirm-actions">
        <Button variant="primary" type="submit" data-testid="attention-edit-send" disabled={busy}>
          {busy ? t('attention.retrying') : t('attention.editSend')}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          {t('attention.cancel')}
        </Button>
      </div>
    </form>
  );
}
