import { describe, expect, it } from 'vitest';
import '../../i18n';
import { serverFieldErrors } from './settingsForm';

describe('messages for bad values', () => {
  it('words a refusal of the call rules by the back end in the UI language, with the limit', () => {
    const errors = serverFieldErrors(
      { code: 'BAD_INPUT', message: 'Too small: expected number to be >=1 (capPer24h)', details: { issues: [{ code: 'too_small', origin: 'number', minimum: 1, inclusive: true, path: ['capPer24h'], message: 'Too small: expected number to be >=1' }] } },
      (m) => m,
    );
    expect(errors.capPer24h).toBe('24 小时内最多拨打次数不能小于 1');
  });
});
