import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScriptDetailView } from '../components/scripts-editor/ScriptDetailView';
import { ScriptList } from '../components/scripts-editor/ScriptList';
import { useCanEdit } from '../components/scripts-editor/shared';
import { Page, PageHeader } from '../ui';

/*
 * 话术问卷 / Scripts: the questionnaire scripts agents read on calls. Supervisors write, version,
 * publish, retire and map them to callback purposes; agents may read, preview and export.
 */

/** The script last open, so switching tabs and coming back returns to it. */
let lastOpen: string | null = null;

export default function ScriptsPage() {
  const [openId, setOpenId] = useState<string | null>(lastOpen);
  const open = (id: string | null) => {
    lastOpen = id;
    setOpenId(id);
    document.querySelector('.admin-page')?.scrollTo({ top: 0 });
  };
  if (openId) return <ScriptDetailView key={openId} scriptId={openId} onBack={() => open(null)} onOpen={(id) => open(id)} />;
  return <ListPage onOpen={(id) => open(id)} />;
}

function ListPage({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useTranslation('scripts');
  const canEdit = useCanEdit();
  return (
    <Page data-testid="scripts-page">
      <PageHeader title={t('title')} intro={canEdit ? t('intro') : t('introAgent')} />
      <ScriptList onOpen={onOpen} />
    </Page>
  );
}
