/**
 * The keyboard of a horizontal tab list (WAI-ARIA tabs pattern): ←/→ move to the previous/next tab and
 * wrap, Home/End go to the ends; any other key is not ours (null). Kept pure so it is tested alone.
 */
export function nextTabIndex(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
