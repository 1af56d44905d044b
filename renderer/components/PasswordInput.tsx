import type { ComponentProps } from 'react';
import { PASSWORD_MAX_LENGTH } from '../../core/auth/password';
import { TextInput } from '../ui';

/**
 * A password box: a new one (the browser may offer to generate and save it) or the one the person has.
 * Either way no longer than any password can be (core/auth/password.ts).
 */
export function PasswordInput({ purpose, ...rest }: Omit<ComponentProps<typeof TextInput>, 'type' | 'autoComplete' | 'maxLength'> & { purpose: 'new' | 'current' }) {
  return <TextInput type="password" autoComplete={purpose === 'new' ? 'new-password' : 'current-password'} maxLength={PASSWORD_MAX_LENGTH} {...rest} />;
}
