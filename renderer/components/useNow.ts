import { useEffect, useState } from 'react';
import { now } from '../format';

/** The back end's "now", re-read every `intervalMs` (aligned to the second for clocks and timers). */
export function useNow(intervalMs = 1000): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setValue(now());
      const ms = intervalMs - (now() % Math.min(intervalMs, 1000));
      timer = setTimeout(tick, Math.max(50, Math.min(intervalMs, ms)));
    };
    timer = setTimeout(tick, intervalMs - (now() % Math.min(intervalMs, 1000)));
    return () => clearTimeout(timer);
  }, [intervalMs]);
  return value;
}
