import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonRow, Field, TextArea } from '../../ui';

const MAX = 500;

/** A reason asked for before a reject or a void; both are refused by the back end without one. */
export function ReasonForm({
  label,
  confirm,
  busy,
  testId,
  onSubmit,
  onCancel,
}: {
  label: string;
  confirm: string;
  busy: boolean;
  testId: string;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('sla');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const reason = text.trim();
    if (!reason) return setError(t('voucher.reasonRequired'));
    if (reason.length > MAX) return setError(t('voucher.reasonTooLong', { max: MAX }));
    onSubmit(reason);
  }

  return (
    <form className="sla-reason-form" onSubmit={submit} noValidate data-testid={testId}>
      <Field label={label} errorRole="alert" error={error}>
        <TextArea
          value={text}
          rows={2}
          maxLength={MAX + 20}
          autoFocus
          aria-invalid={error !== null}
          data-testid={`${testId}-text`}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
      </Field>
      <ButtonRow actions>
        <Button variant="primary" size="small" type="submit" disabled={busy} data-testid={`${testId}-confirm`}>
          {confirm}
        </Button>
        <Button size="small" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonRow>
    </form>
  );
}
