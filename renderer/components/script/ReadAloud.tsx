export function ReadAloud({ label, text, testId }: { label: string; text: string; testId?: string }) {
  return (
    <div className="sr-read" data-testid={testId}>
      <div className="sr-read-label">{label}</div>
      <p className="sr-read-text">{text}</p>
    </div>
  );
}
