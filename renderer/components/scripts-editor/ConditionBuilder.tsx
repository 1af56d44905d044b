import { useTranslation } from 'react-i18next';
import { Button, Checkbox, IconButton, NumberInput, Select } from '../../ui';
import type { Condition, Question } from '../../../core/questionnaire/model';
import { defaultOp, describeCondition, fromSimple, leafFor, opLabel, opsFor, toSimple, valueOptions, type Leaf, type Mode, type Op, type Simple } from './conditions';

/*
 * showIf / endIf as rows of "question · operator · value", joined by 全部满足 / 任一满足. Values are
 * picked from the referenced question's choices or scale, so a condition can only name real answers;
 * only typed numbers (number questions) are entered by hand.
 */

interface Props {
  field: 'showIf' | 'endIf';
  value: Condition | null;
  onChange(next: Condition | null): void;
  /** Questions this condition may refer to, in script order, with their position. */
  candidates: { q: Question; index: number }[];
  allQuestions: readonly Question[];
  /** The question being edited (endIf refers to it as "本题"). */
  selfKey: string;
  readOnly?: boolean;
}

const enc = (v: string | number | boolean) => JSON.stringify(v);
const dec = (s: string) => JSON.parse(s) as string | number | boolean;

export function ConditionBuilder({ field, value, onChange, candidates, allQuestions, selfKey, readOnly }: Props) {
  const { t } = useTranslation('scripts');
  const simple = toSimple(value);
  const refOf = (key: string) => candidates.find((c) => c.q.key === key)?.q ?? allQuestions.find((q) => q.key === key);
  const label = field === 'showIf' ? t('cond.showIfTitle') : t('cond.endIfTitle');

  if (readOnly) {
    return value ? (
      <div className={`condition-text${field === 'endIf' ? ' condition-text-end' : ''}`}>
        <span className="condition-kind">{field === 'showIf' ? t('cond.showIfLabel') : t('cond.endIfLabel')}</span> {describeCondition(value, allQuestions, t, selfKey)}
        {field === 'endIf' && t('cond.endIfSuffix')}
      </div>
    ) : null;
  }

  if (simple === null) {
    if (candidates.length === 0) {
      return <p className="muted small condition-complex">{t('cond.noEarlier')}</p>;
    }
    return (
      <Button
        variant="link"
        size="small"
        data-testid={`cond-add-${field}`}
        onClick={() => {
          const target = field === 'endIf' ? (candidates.find((c) => c.q.key === selfKey) ?? candidates.at(-1)!) : candidates.at(-1)!;
          onChange(leafFor(target.q, defaultOp(target.q), t));
        }}
      >
        + {field === 'showIf' ? t('cond.addShowIf') : t('cond.addEndIf')}
      </Button>
    );
  }

  if (simple === 'complex') {
    return (
      <div className={`condition condition-${field}`}>
        <div className="condition-head">
          <span className="condition-kind">{label}</span>
        </div>
        <p className="condition-complex">{describeCondition(value!, allQuestions, t, selfKey)}</p>
        <p className="muted small">{t('cond.complexHint')}</p>
        <div>
          <Button variant="link" size="small" onClick={() => onChange(null)}>
            {t('cond.remove')}
          </Button>
        </div>
      </div>
    );
  }

  const update = (next: Simple) => onChange(fromSimple(next));
  const setLeaf = (i: number, leaf: Leaf) => update({ ...simple, leaves: simple.leaves.map((l, j) => (j === i ? leaf : l)) });

  return (
    <div className={`condition condition-${field}`} data-testid={`cond-${field}`}>
      <div className="condition-head">
        <span className="condition-kind">{label}</span>
        {simple.leaves.length > 1 && (
          <Select value={simple.mode} aria-label={t('cond.mode')} onChange={(e) => update({ ...simple, mode: e.target.value as Mode })} data-testid="cond-mode">
            <option value="all">{t('cond.all')}</option>
            <option value="any">{t('cond.any')}</option>
          </Select>
        )}
        <Button variant="link" size="small" className="condition-remove" onClick={() => onChange(null)}>
          {t('cond.remove')}
        </Button>
      </div>
      {simple.leaves.map((leaf, i) => {
        const ref = refOf(leaf.q);
        const eligible = candidates.some((c) => c.q.key === leaf.q);
        const ops = opsFor(ref?.type);
        return (
          <div className="condition-row" key={i} data-testid="cond-row">
            {simple.leaves.length > 1 && <span className="condition-join">{i === 0 ? '' : simple.mode === 'all' ? t('cond.andShort') : t('cond.orShort')}</span>}
            <Select
              className="condition-question"
              value={leaf.q}
              aria-label={t('cond.question')}
              data-testid="cond-question"
              onChange={(e) => {
                const q = refOf(e.target.value);
                if (q) setLeaf(i, leafFor(q, defaultOp(q), t));
              }}
            >
              {!eligible && (
                <option value={leaf.q}>
                  ⚠ {ref ? t('cond.notEarlier', { key: leaf.q }) : t('cond.missing', { key: leaf.q })}
                </option>
              )}
              {candidates.map(({ q, index }) => (
                <option key={q.key} value={q.key}>
                  {q.key === selfKey ? t('cond.thisQuestion', { n: index + 1 }) : t('cond.option', { n: index + 1, text: q.text.trim().slice(0, 28) || q.key })}
                </option>
              ))}
            </Select>
            <Select
              value={leaf.op}
              aria-label={t('cond.operator')}
              data-testid="cond-op"
              onChange={(e) => {
                const op = e.target.value as Op;
                setLeaf(i, ref ? leafFor(ref, op, t, leaf) : leaf);
              }}
            >
              {(ops.includes(leaf.op) ? ops : [leaf.op, ...ops]).map((op) => (
                <option key={op} value={op}>
                  {opLabel(op, ref?.type, t)}
                </option>
              ))}
            </Select>
            <LeafValue leaf={leaf} question={ref} onChange={(l) => setLeaf(i, l)} />
            <IconButton label={t('cond.removeRow')} onClick={() => update({ ...simple, leaves: simple.leaves.filter((_, j) => j !== i) })}>
              ✕
            </IconButton>
          </div>
        );
      })}
      <div>
        <Button
          variant="link"
          size="small"
          data-testid="cond-add-row"
          onClick={() => {
            const last = simple.leaves.at(-1);
            const q = (last && refOf(last.q)) ?? candidates.at(-1)?.q;
            if (q) update({ ...simple, leaves: [...simple.leaves, leafFor(q, defaultOp(q), t)] });
          }}
        >
          + {t('cond.addRow')}
        </Button>
      </div>
    </div>
  );
}

function LeafValue({ leaf, question, onChange }: { leaf: Leaf; question: Question | undefined; onChange(l: Leaf): void }) {
  const { t } = useTranslation('scripts');
  const options = valueOptions(question, t);
  switch (leaf.op) {
    case 'answered':
    case 'unanswered':
      return <span className="condition-value" />;
    case 'eq':
    case 'neq': {
      if (options === null) {
        return (
          <NumberInput
            className="condition-value"
            value={typeof leaf.value === 'number' ? leaf.value : ''}
            aria-label={t('cond.value')}
            onChange={(e) => {
              const n = e.target.valueAsNumber;
              if (Number.isFinite(n)) onChange({ ...leaf, value: n });
            }}
          />
        );
      }
      const known = options.some((o) => o.value === leaf.value);
      return (
        <Select className="condition-value condition-select-value" value={enc(leaf.value)} aria-label={t('cond.value')} data-testid="cond-value" onChange={(e) => onChange({ ...leaf, value: dec(e.target.value) })}>
          {!known && <option value={enc(leaf.value)}>⚠ {String(leaf.value)}</option>}
          {options.map((o) => (
            <option key={enc(o.value)} value={enc(o.value)}>
              {o.label}
            </option>
          ))}
        </Select>
      );
    }
    case 'in': {
      const opts = (options ?? []).filter((o): o is { value: string | number; label: string } => typeof o.value !== 'boolean');
      const unknown = leaf.values.filter((v) => !opts.some((o) => o.value === v));
      return (
        <div className="condition-value condition-chips" role="group" aria-label={t('cond.value')}>
          {opts.map((o) => {
            const on = leaf.values.includes(o.value);
            return (
              <Checkbox
                key={enc(o.value)}
                className={`value-chip${on ? ' value-chip-on' : ''}`}
                label={o.label}
                checked={on}
                onChange={() => {
                  const next = on ? leaf.values.filter((v) => v !== o.value) : opts.map((x) => x.value).filter((v) => v === o.value || leaf.values.includes(v));
                  // An empty list is not a condition: keep at least one value ticked.
                  if (next.length > 0) onChange({ ...leaf, values: next });
                }}
              />
            );
          })}
          {unknown.map((v) => (
            <span key={enc(v)} className="value-chip value-chip-bad" title={t('cond.unknownValue')}>
              ⚠ {String(v)}
            </span>
          ))}
        </div>
      );
    }
    case 'between':
      return (
        <span className="condition-value condition-range">
          <NumberInput className="condition-range-input" value={leaf.min} aria-label={t('cond.min')} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && onChange({ ...leaf, min: e.target.valueAsNumber })} />
          <span>–</span>
          <NumberInput className="condition-range-input" value={leaf.max} aria-label={t('cond.max')} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && onChange({ ...leaf, max: e.target.valueAsNumber })} />
        </span>
      );
  }
}
