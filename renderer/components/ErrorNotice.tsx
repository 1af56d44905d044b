import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/contract/result';
import { apiErrorText } from '../i18n/apiError';
import { Alert, AlertDetail } from '../ui';

/** A typed back-end error in words: what happened in the user's language, the English detail below. */
export function ErrorNotice({
  error,
  title,
  children,
  testId,
}: {
  error: ApiError | null;
  title?: string;
  children?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation('admin');
  if (!error) return null;
  const headline = title ?? t(`errors.${error.code}`, { defaultValue: t('errors.INTERNAL') });
  return (
    <Alert tone="danger" role="alert" data-testid={testId}>
      <strong>{headline}</strong>
      {children}
      {apiErrorText(error) !== headline && <AlertDetail>{apiErrorText(error)}</AlertDetail>}
    </Alert>
  );
}
