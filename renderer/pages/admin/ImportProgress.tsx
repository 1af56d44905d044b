/** A progress bar; with nothing counted yet (total 0) it runs indeterminate instead of sitting at 0%. */
export function ImportProgress({ label, processed, total }: { label: string; processed: number; total: number }) {
  const pct = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : null;
  return (
    <div className="imp-progress" data-testid="import-progress">
      <div aria-live="polite">
        {label}
        {pct !== null && <span className="muted"> · {pct}%</span>}
      </div>
      <div
        className={`imp-progress-track${pct === null ? ' imp-progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total || undefined}
        aria-valuenow={pct === null ? undefined : processed}
      >
        <div className="imp-progress-bar" style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
    </div>
  );
}
