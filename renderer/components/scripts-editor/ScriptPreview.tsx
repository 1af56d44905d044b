import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer as answerStep, completion, prune, SCALE_RANGE, unanswer, validateAnswer, walk } from '../../../core/questionnaire/engine';
import { OTHER } from '../../../core/questionnaire/model';
import type { Answer, Answers, Question, ScriptContent } from '../../../core/questionnaire/model';
import { renderText, type RenderContext } from '../../../core/questionnaire/placeholders';
import { useStore } from '../../store';
import { Alert, Button, FieldMessage, NumberInput, TextArea, TextInput } from '../../ui';

/*
 * The script as the agent will read it on a call, driven by the real engine: placeholders filled for a
 * sample customer, only the questions the answers so far make visible, answers that a change hides
 * cleared, the script ending where an endIf says so. The supervisor clicks answers to try the branches.
 */

const SAMPLE = {
  'zh-CN': { customerName: '王伟', ticketSubject: '提现到账延迟', voucher: '满50减10 红包（券码 HB8842）' },
  en: { customerName: '王伟', ticketSubject: 'Delayed withdrawal', voucher: '¥10 off ¥50 voucher (code HB8842)' },
} as const;

/** Answers still valid for the (possibly just edited) script, and only those still visible. */
function sanitize(script: ScriptContent, answers: Answers): Answers {
  const kept: Answers = {};
  for (const [key, a] of Object.entries(answers)) {
    const q = script.questions.find((x) => x.key === key);
    if (!q) continue;
    const v = validateAnswer(q, a);
    if (v.ok) kept[key] = v.answer;
  }
  return prune(script, kept).answers;
}

/** Renders text with known placeholders filled; anything left in braces is marked as a problem. */
function Spoken({ text, ctx }: { text: string; ctx: RenderContext }) {
  const rendered = renderText(text, ctx);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of rendered.matchAll(/\{[^{}\n]{1,60}\}/g)) {
    if (m.index > last) parts.push(rendered.slice(last, m.index));
    parts.push(
      <mark key={m.index} className="preview-unknown">
        {m[0]}
      </mark>,
    );
    last = m.index + m[0].length;
  }
  parts.push(rendered.slice(last));
  return <>{parts}</>;
}

export function ScriptPreview({ content, onClose }: { content: ScriptContent; onClose?: () => void }) {
  const { t } = useTranslation('scripts');
  const ids = useId();
  const agentName = useStore((s) => s.session?.currentUser?.name) ?? '';
  const [raw, setRaw] = useState<Answers>({});
  const [error, setError] = useState<{ key: string; text: string } | null>(null);
  const [cleared, setCleared] = useState<string[]>([]);
  /** Bumped by "start over" so typed-in fields forget what was typed. */
  const [round, setRound] = useState(0);
  const answers = useMemo(() => sanitize(content, raw), [content, raw]);
  const flow = walk(content, answers);
  const done = completion(content, answers);
  const sample = SAMPLE[content.locale];
  const ctx: RenderContext = {
    customerName: sample.customerName,
    gender: 'male',
    agentName: agentName || (content.locale === 'en' ? 'Zhou Min' : '周敏'),
    ticketSubject: sample.ticketSubject,
    voucher: sample.voucher,
    locale: content.locale,
  };
  const byKey = new Map(content.questions.map((q) => [q.key, q]));
  const nextKey = flow.visible.find((k) => !Object.hasOwn(answers, k)) ?? null;

  function set(key: string, input: Answer) {
    const r = answerStep(content, answers, key, input);
    if (!r.ok) {
      const q = byKey.get(key);
      const text = t(`answerErrors.${r.code}`, { defaultValue: r.message, min: q?.min ?? '', max: q?.max ?? '' });
      setError({ key, text });
      return;
    }
    setError(null);
    setCleared(r.cleared);
    setRaw(r.answers);
  }
  function clear(key: string) {
    const r = unanswer(content, answers, key);
    if (!r.ok) return;
    setError(null);
    setCleared(r.cleared);
    setRaw(r.answers);
  }
  function reset() {
    setRaw({});
    setError(null);
    setCleared([]);
    setRound(round + 1);
  }

  const questionLabel = (key: string) => {
    const q = byKey.get(key);
    return q ? `「${renderText(q.text, ctx).slice(0, 24)}」` : key;
  };

  return (
    <section className="script-preview" aria-label={t('preview.title')} data-testid="script-preview" lang={content.locale}>
      <header className="preview-head">
        <div>
          <h3 className="preview-title">{t('preview.title')}</h3>
          <p className="muted small">{t('preview.sample', { customer: renderText('{customer_name}', ctx), agent: ctx.agentName })}</p>
        </div>
        <div className="preview-head-actions">
          <Button size="small" onClick={reset} disabled={Object.keys(raw).length === 0} data-testid="preview-reset">
            {t('preview.reset')}
          </Button>
          {onClose && (
            <Button variant="ghost" size="small" onClick={onClose} aria-label={t('preview.close')}>
              ✕
            </Button>
          )}
        </div>
      </header>

      <div className="preview-body">
        <div className="preview-script-title">{content.title}</div>
        {content.opening.trim() !== '' && (
          <div className="preview-say">
            <span className="preview-say-label">{t('preview.opening')}</span>
            <p>
              <Spoken text={content.opening} ctx={ctx} />
            </p>
          </div>
        )}

        {cleared.length > 0 && (
          <Alert tone="warn" role="status">
            {t('preview.cleared', { questions: cleared.map(questionLabel).join('、') })}
          </Alert>
        )}

        {content.questions.length === 0 && <p className="muted">{t('preview.noQuestions')}</p>}

        <ol className="preview-list">
          {flow.visible.map((key, i) => {
            const q = byKey.get(key)!;
            return (
              <li
                key={key}
                className={`preview-question${key === nextKey ? ' preview-question-current' : ''}${Object.hasOwn(answers, key) ? ' preview-question-answered' : ''}`}
                data-testid="preview-question"
                data-key={key}
              >
                <div className="preview-question-head">
                  <span className="preview-num">{i + 1}</span>
                  <span className="preview-text" id={`${ids}-${key}`}>
                    <Spoken text={q.text} ctx={ctx} />
                    {q.required && (
                      <span className="preview-req" title={t('preview.required')}>
                        *
                      </span>
                    )}
                  </span>
                  {Object.hasOwn(answers, key) && (
                    <Button variant="link" size="small" onClick={() => clear(key)}>
                      {t('preview.clear')}
                    </Button>
                  )}
                </div>
                {q.help.trim() !== '' && (
                  <div className="preview-help">
                    <Spoken text={q.help} ctx={ctx} />
                  </div>
                )}
                <AnswerInput key={`${round}-${q.type}`} question={q} labelId={`${ids}-${key}`} current={answers[key]} ctx={ctx} onAnswer={(a) => set(key, a)} onClear={() => clear(key)} />
                {error?.key === key && (
                  <FieldMessage tone="error" className="preview-error" role="alert">
                    {error.text}
                  </FieldMessage>
                )}
                {flow.endedAt === key && (
                  <div className="preview-ended" data-testid="preview-ended">
                    {t('preview.ended')}
                  </div>
                )}
              </li>
            );
          })}
        </ol>

        {content.closing.trim() !== '' && (
          <div className={`preview-say${done.canComplete ? '' : ' preview-say-later'}`}>
            <span className="preview-say-label">{t('preview.closing')}</span>
            <p>
              <Spoken text={content.closing} ctx={ctx} />
            </p>
          </div>
        )}
      </div>

      <footer className="preview-foot" data-testid="preview-status">
        <span>{t('preview.progress', { answered: done.answered, visible: done.visible })}</span>
        {done.canComplete ? (
          <span className="preview-can-finish">{t('preview.canFinish')}</span>
        ) : (
          <span className="preview-missing">{t('preview.missing', { questions: done.missingRequired.map(questionLabel).join('、') })}</span>
        )}
      </footer>
    </section>
  );
}

function AnswerInput({
  question: q,
  labelId,
  current,
  ctx,
  onAnswer,
  onClear,
}: {
  question: Question;
  /** The question's words: the name of a box that answers it. */
  labelId: string;
  current: Answer | undefined;
  ctx: RenderContext;
  onAnswer(a: Answer): void;
  onClear(): void;
}) {
  const { t } = useTranslation('scripts');
  const value = current?.value;
  const [otherOpen, setOtherOpen] = useState(false);
  const [otherText, setOtherText] = useState(current?.otherText ?? '');
  const [text, setText] = useState(typeof value === 'string' || typeof value === 'number' ? String(value) : '');

  switch (q.type) {
    case 'single':
    case 'multi': {
      const picked = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
      const otherPicked = picked.includes(OTHER);
      const toggle = (v: string) => {
        if (q.type === 'single') return onAnswer({ value: v });
        const next = picked.includes(v) ? picked.filter((x) => x !== v) : [...picked, v];
        if (next.length === 0) return onClear();
        onAnswer(next.includes(OTHER) ? { value: next, otherText } : { value: next });
      };
      const showOther = otherOpen || otherPicked;
      return (
        <div className="preview-answer">
          <div className="preview-choices">
            {q.choices.map((c) => (
              <button
                key={c.value}
                type="button"
                className={`preview-choice${q.type === 'multi' ? ' preview-choice-multi' : ''}`}
                aria-pressed={picked.includes(c.value)}
                onClick={() => toggle(c.value)}
                data-testid="preview-choice"
                data-value={c.value}
              >
                {renderText(c.label, ctx)}
              </button>
            ))}
            {q.allowOther && (
              <button
                type="button"
                className={`preview-choice${q.type === 'multi' ? ' preview-choice-multi' : ''}`}
                aria-pressed={otherPicked}
                onClick={() => {
                  if (otherPicked) {
                    setOtherOpen(false);
                    if (q.type === 'multi') toggle(OTHER);
                    else onClear();
                  } else setOtherOpen(!otherOpen);
                }}
              >
                {t('editor.otherChoice')}
              </button>
            )}
          </div>
          {q.allowOther && showOther && (
            <form
              className="preview-other"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const base = q.type === 'multi' ? [...picked.filter((x) => x !== OTHER), OTHER] : OTHER;
                onAnswer({ value: base, otherText });
              }}
            >
              <TextInput className="preview-other-input" value={otherText} placeholder={t('preview.otherPlaceholder')} aria-label={t('preview.otherPlaceholder')} onChange={(e) => setOtherText(e.target.value)} />
              <Button size="small" type="submit">
                {t('preview.record')}
              </Button>
            </form>
          )}
        </div>
      );
    }
    case 'yes_no':
      return (
        <div className="preview-choices">
          {[true, false].map((v) => (
            <button key={String(v)} type="button" className="preview-choice" aria-pressed={value === v} onClick={() => onAnswer({ value: v })} data-testid="preview-choice" data-value={String(v)}>
              {v ? t('preview.yes') : t('preview.no')}
            </button>
          ))}
        </div>
      );
    case 'rating':
    case 'nps': {
      const { min, max } = SCALE_RANGE[q.type];
      return (
        <div className="preview-answer">
          <div className={`preview-scale preview-scale-${q.type}`}>
            {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((n) => (
              <button key={n} type="button" className="preview-score" aria-pressed={value === n} onClick={() => onAnswer({ value: n })} data-testid="preview-choice" data-value={n}>
                {n}
              </button>
            ))}
          </div>
        </div>
      );
    }
    case 'number':
    case 'short_text':
    case 'long_text': {
      const commit = () => {
        if (text.trim() === '') return current ? onClear() : undefined;
        if (q.type === 'number') {
          const n = Number(text);
          onAnswer({ value: Number.isFinite(n) && text.trim() !== '' ? n : text });
        } else onAnswer({ value: text });
      };
      return (
        <form
          className="preview-other"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            commit();
          }}
        >
          {q.type === 'long_text' ? (
            <TextArea className="preview-other-input" aria-labelledby={labelId} rows={2} value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} />
          ) : q.type === 'number' ? (
            <NumberInput
              className="preview-other-input"
              aria-labelledby={labelId}
              value={text}
              min={q.min ?? undefined}
              max={q.max ?? undefined}
              onChange={(e) => setText(e.target.value)}
              onBlur={commit}
              placeholder={q.min !== null || q.max !== null ? `${q.min ?? ''} – ${q.max ?? ''}` : undefined}
            />
          ) : (
            <TextInput className="preview-other-input" aria-labelledby={labelId} value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} />
          )}
          <Button size="small" type="submit">
            {t('preview.record')}
          </Button>
        </form>
      );
    }
  }
}
