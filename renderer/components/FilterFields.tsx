import type { ReactNode } from 'react';
import { DatePicker } from '../ui/DatePicker';
import { Field, Select } from '../ui';

/* Labelled filter controls shared by the report, survey and SLA filter bars; each page keeps its own words and test ids. */

/**
 * A select whose first option ('' = no filter) is `allLabel`. V is the union of '' and the option
 * values, so the change handler gets the typed value back.
 */
export function SelectField<V extends string>({
  label,
  value,
  testId,
  allLabel,
  options,
  onChange,
  disabled,
  title,
}: {
  label: string;
  value: V;
  testId: string;
  allLabel: string;
  options: readonly { value: V; label: ReactNode }[];
  onChange: (value: V) => void;
  disabled?: boolean;
  title?: string;
}) {
  return (
    <Field label={label}>
      <Select value={value} data-testid={testId} disabled={disabled} title={title} onChange={(e) => onChange(e.target.value as V)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * From and to dates (YYYY-MM-DD, both inclusive). Each picker is bounded by the other so the browser
 * does not offer a backwards range; a typed one is still possible, and each page reports it.
 */
export function DateRangeFields({
  from,
  to,
  labels,
  testIds,
  onChange,
}: {
  from: string;
  to: string;
  labels: { from: string; to: string };
  testIds: { from: string; to: string };
  onChange: (patch: { from: string } | { to: string }) => void;
}) {
  return (
    <>
      <Field label={labels.from}>
        <DatePicker value={from} max={to || undefined} testId={testIds.from} onChange={(v) => onChange({ from: v })} />
      </Field>
      <Field label={labels.to}>
        <DatePicker value={to} min={from || undefined} testId={testIds.to} onChange={(v) => onChange({ to: v })} />
      </Field>
    </>
  );
}
