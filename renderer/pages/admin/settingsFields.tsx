import type { ReactElement } from 'react';
import { Field, NumberInput } from '../../ui';

export function Labeled({ label, error, children }: { label: string; error?: string; children: ReactElement<{ id?: string }> }) {
  return (
    <Field label={label} error={error}>
      {children}
    </Field>
  );
}

/** A number input with its unit; the value stays the text typed, checked only on save (settingsForm.ts). */
export function NumberField(props: {
  label: string;
  unit: string;
  value: string;
  limits?: readonly [number, number];
  step?: string;
  error?: string;
  hint?: string;
  testId: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label} suffix={props.unit} hint={props.hint} error={props.error}>
      <NumberInput
        inputMode="decimal"
        value={props.value}
        min={props.limits?.[0]}
        max={props.limits?.[1]}
        step={props.step ?? '1'}
        data-testid={props.testId}
        aria-invalid={!!props.error}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}
