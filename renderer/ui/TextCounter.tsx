import { useTranslation } from 'react-i18next';
import './ui.css';

/**
 * The live count under a text box with a limit: "123 / 2000", and past the limit a message saying by
 * how much (the text is never cut: the form refuses to save instead).
 */
export function TextCounter({ length, max, id, testId }: { length: number; max: number; id?: string; testId?: string }) {
  const { t } = useTranslation('ui');
  const over = length - max;
  return (
    <div className={`ui-counter${over > 0 ? ' over' : ''}`} id={id} data-testid={testId} data-over={over > 0} aria-live="polite">
      {over > 0 && <span className="ui-counter-msg">{t('text.over', { over, max })}</span>}
      <span className="ui-counter-num">{t('text.count', { count: length, max })}</span>
    </div>
  );
}

/** Whether a text is past its limit (counted as the contract counts: UTF-16 code units). */
export const overLimit = (text: string, max: number): boolean => text.length > max;
