import type { ReactNode } from 'react';

/** A titled block of the settings form; its hint and error sit under the inputs. */
export function Group({ title, hint, error, children }: { title: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="adm-group">
      <div className="adm-group-title">{title}</div>
      {children}
      {hint && <div className="adm-hint">{hint}</div>}
      {error && <div className="adm-field-error">{error}</div>}
    </div>
  );
}

export function Labeled({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <label className="adm-field">
      <span className="adm-label">{label}</span>
      {children}
      {error && <span className="adm-field-error">{error}</span>}
    </label>
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
    <label className="adm-field">
      <span className="adm-label">{props.label}</span>
      <span className="adm-with-unit">
        <input
          type="number"
          inputMode="decimal"
          value={props.value}
          min={props.limits?.[0]}
          max={props.limits?.[1]}
          step={props.step ?? '1'}
          data-testid={props.testId}
          aria-invalid={!!props.error}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <span className="adm-unit">{props.unit}</span>
      </span>
      {props.hint && <span className="adm-hint">{props.hint}</span>}
      {props.error && <span className="adm-field-error">{props.error}</span>}
    </label>
  );
}
