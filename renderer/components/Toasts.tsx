import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { Toast, ToastRegion } from '../ui';

/** The store's toasts in the kit's live region (see ToastRegion for how they are announced). */
export function Toasts() {
  const { t } = useTranslation();
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  return (
    <ToastRegion testId="toasts">
      {toasts.map((toast) => (
        <Toast key={toast.id} kind={toast.kind} testId="toast" dismissLabel={t('common.dismiss')} onDismiss={() => dismiss(toast.id)}>
          {toast.text}
        </Toast>
      ))}
    </ToastRegion>
  );
}
