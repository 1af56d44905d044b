import { useEffect, useState } from 'react';
import type { FaqCheck } from '../../../core/contract/views-faq';
import { call } from '../../api/client';

/** How long typing must pause before the question is compared with the existing entries. */
export const CHECK_DEBOUNCE_MS = 350;

export interface CheckInput {
  question: string;
  answer: string;
  questionEn: string;
  answerEn: string;
  ticketIds: string[];
  excludeId?: string;
}

/**
 * The editor's live checks (similar questions, personal data left in the text), asked of the back end
 * after each pause in typing. Answers to an older text are dropped. `initial` shows what the pre-fill
 * already knew until the first answer arrives.
 */
export function useFaqCheck(input: CheckInput, initial: FaqCheck | null): FaqCheck | null {
  const [result, setResult] = useState<FaqCheck | null>(initial);
  const key = JSON.stringify(input);
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(async () => {
      const parsed = JSON.parse(key) as CheckInput;
      const r = await call('faq.check', parsed);
      if (!stale && r.ok) setResult(r.value);
    }, CHECK_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [key]);
  return result;
}
