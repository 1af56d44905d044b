import { Fragment, useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import type { ScriptSummary } from '../../../core/contract/views';
import { SCRIPT_PURPOSES, type ScriptPurpose } from '../../../core/questionnaire/model';
import { call } from '../../api/client';
import { formatNumber } from '../../format';
import { useStore } from '../../store';
import { hasUnsaved } from './DraftEditor';
import { Badge, downloadJson, InlineConfirm, PurposeTag, useCanEdit, useErrorLine, useFailure } from './shared';
import { Alert, Button, ButtonRow, Card, Checkbox, Field, FieldMessage, FieldRow, Select, Table, TextInput, buttonClass } from '../../ui';

type Locale = 'zh-CN' | 'en';
const LOCALES: Locale[] = ['zh-CN', 'en'];

interface ImportFailure {
  fileName: string;
  message: string;
  errors: { path: string; message: string }[];
}

/** All scripts by purpose, which script each purpose's calls open, and new / import. */
export function ScriptList({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useTranslation('scripts');
  const canEdit = useCanEdit();
  const notify = useStore((s) => s.notify);
  const uiLocale = useStore((s) => s.session?.locale) ?? 'zh-CN';
  const fail = useFailure();
  const errorLine = useErrorLine();
  const [scripts, setScripts] = useState<ScriptSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [showNew, setShowNew] = useState(false);
  const [importFailure, setImportFailure] = useState<ImportFailure | null>(null);
  const [importing, setImporting] = useState(false);
  const [retiring, setRetiring] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [showRetired, setShowRetired] = useState(false);

  const load = useCallback(async () => {
    setLoadError(null);
    const r = await call('scripts.list', {});
    if (!r.ok) return setLoadError(r.error);
    setScripts(r.value);
  }, []);

  // Scripts a colleague published or retired, pulled from the team server, re-read the list.
  const pulled = useStore((s) => s.pulledVersion);
  useEffect(() => {
    void load();
  }, [load, pulled]);

  async function setMapping(purpose: ScriptPurpose, scriptId: string | null) {
    setBusy(`map-${purpose}`);
    const r = await call('scripts.setMapping', { mapping: { [purpose]: scriptId } });
    setBusy(null);
    if (!r.ok) return fail(r.error);
    setScripts(r.value);
    const chosen = r.value.find((s) => s.id === scriptId);
    notify('success', chosen ? t('mapping.saved', { purpose: t(`reason.${purpose}`, { ns: 'translation' }), title: chosen.title }) : t('mapping.cleared', { purpose: t(`reason.${purpose}`, { ns: 'translation' }) }));
  }

  async function exportScript(s: ScriptSummary) {
    const r = await call('scripts.export', { id: s.id });
    if (!r.ok) return fail(r.error);
    downloadJson(r.value.fileName, r.value.json);
    notify('success', t('list.exported', { file: r.value.fileName }));
  }

  async function copy(s: ScriptSummary) {
    setBusy(s.id);
    const r = await call('scripts.create', { copyFrom: s.id });
    setBusy(null);
    if (!r.ok) return fail(r.error);
    notify('success', t('list.copied', { title: r.value.script.title }));
    onOpen(r.value.script.id);
  }

  async function retire(s: ScriptSummary) {
    setBusy(s.id);
    const r = await call('scripts.retire', { id: s.id });
    setBusy(null);
    setRetiring(null);
    if (!r.ok) return fail(r.error);
    notify('success', t('list.retired', { title: s.title }));
    await load();
  }

  async function importFile(file: File) {
    setImportFailure(null);
    setImporting(true);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setImporting(false);
      setImportFailure({ fileName: file.name, message: t('import.unreadable'), errors: [] });
      return;
    }
    if (text.trim() === '') {
      setImporting(false);
      setImportFailure({ fileName: file.name, message: t('import.empty'), errors: [] });
      return;
    }
    const r = await call('scripts.import', { json: text.replace(/^\uFEFF/, '') });
    setImporting(false);
    if (!r.ok) {
      const errors = Array.isArray(r.error.details?.errors) ? (r.error.details.errors as { path: string; message: string }[]) : [];
      if (r.error.code === 'BAD_INPUT') setImportFailure({ fileName: file.name, message: errors.length > 0 ? t('import.invalid', { count: errors.length }) : errorLine(r.error), errors });
      else fail(r.error);
      return;
    }
    notify('success', t('import.done', { title: r.value.script.title }));
    onOpen(r.value.script.id);
  }

  if (loadError) {
    return (
      <Alert tone="danger" role="alert">
        <strong>{t('list.loadFailed')}</strong>
        <span className="small">{errorLine(loadError)}</span>
        <Button size="small" onClick={() => void load()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  if (!scripts) return <p className="muted">{t('common.loading')}</p>;

  const retiredCount = scripts.filter((s) => s.retiredAt !== null).length;

  return (
    <>
      <div className="scripts-toolbar">
        {canEdit && (
          <>
            <Button variant="primary" onClick={() => setShowNew(!showNew)} aria-expanded={showNew} data-testid="script-new">
              + {t('list.new')}
            </Button>
            <label className={buttonClass('secondary', 'normal', importing ? 'script-import-busy' : undefined)}>
              {importing ? t('import.importing') : t('import.button')}
              <input
                type="file"
                accept=".json,application/json"
                className="ui-visually-hidden"
                data-testid="script-import-file"
                disabled={importing}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) void importFile(f);
                }}
              />
            </label>
          </>
        )}
        {retiredCount > 0 && (
          <Checkbox
            className="scripts-toolbar-end"
            label={t('list.showRetired', { count: retiredCount })}
            checked={showRetired}
            onChange={(e) => setShowRetired(e.target.checked)}
            data-testid="show-retired"
          />
        )}
      </div>

      {showNew && canEdit && <NewScriptForm defaultLocale={uiLocale} onCancel={() => setShowNew(false)} onCreated={onOpen} />}

      {importFailure && (
        <Alert tone="danger" role="alert" data-testid="import-errors">
          <strong>{t('import.failed', { file: importFailure.fileName })}</strong>
          <span>{importFailure.message}</span>
          {importFailure.errors.length > 0 && (
            <Table>
              <thead>
                <tr>
                  <th>{t('import.path')}</th>
                  <th>{t('import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {importFailure.errors.slice(0, 50).map((e, i) => (
                  <tr key={i} data-testid="import-error">
                    <td>
                      <code>{e.path}</code>
                    </td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {importFailure.errors.length > 50 && <span className="small">{t('import.more', { count: importFailure.errors.length - 50 })}</span>}
          <Button size="small" onClick={() => setImportFailure(null)}>
            {t('common.dismiss')}
          </Button>
        </Alert>
      )}

      <Mapping scripts={scripts} canEdit={canEdit} busy={busy} onChange={(p, id) => void setMapping(p, id)} />

      <div className="script-groups" data-testid="scripts-list">
        {SCRIPT_PURPOSES.map((purpose) => {
          const rows = scripts
            .filter((s) => s.purpose === purpose && (showRetired || s.retiredAt === null))
            .sort(
              (a, b) =>
                Number(a.retiredAt !== null) - Number(b.retiredAt !== null) ||
                Number(b.mappedFor.length > 0) - Number(a.mappedFor.length > 0) ||
                Number(b.locale === uiLocale) - Number(a.locale === uiLocale) ||
                a.title.localeCompare(b.title),
            );
          return (
            <Card
              key={purpose}
              data-testid="script-group"
              data-purpose={purpose}
              titleClassName="script-group-title"
              title={
                <>
                  <PurposeTag purpose={purpose} />
                  <span className="muted small">{t('list.count', { count: rows.length })}</span>
                </>
              }
            >
              {rows.length === 0 ? (
                <p className="muted small">{t('list.noneForPurpose')}</p>
              ) : (
                <Table bare className="script-list-table">
                  <thead>
                    <tr>
                      <th>{t('list.title')}</th>
                      <th>{t('list.locale')}</th>
                      <th>{t('list.published')}</th>
                      <th>{t('list.state')}</th>
                      <th className="ui-num">{t('list.responses')}</th>
                      <th aria-label={t('list.actions')} />
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((s) => (
                      <Fragment key={s.id}>
                        <tr
                          className={s.retiredAt !== null ? 'script-row-retired' : undefined}
                          data-testid="script-row"
                          data-script-id={s.id}
                          data-purpose={s.purpose}
                          data-locale={s.locale}
                        >
                          <td>
                            <Button variant="link" className="script-title-link" onClick={() => onOpen(s.id)}>
                              {s.title}
                            </Button>
                            {s.builtinKey && <span className="muted small"> · {t('list.builtin')}</span>}
                          </td>
                          <td className="nowrap">{t(`locales.${s.locale}`)}</td>
                          <td className="nowrap">{s.publishedVersion !== null ? `v${s.publishedVersion}` : <span className="muted">{t('list.notPublished')}</span>}</td>
                          <td>
                            <div className="script-badges">
                              {s.mappedFor.length > 0 && (
                                <Badge tone="live" testId="badge-used" title={t('list.usedForTitle', { purposes: s.mappedFor.map((p) => t(`reason.${p}`, { ns: 'translation' })).join('、') })}>
                                  {t('list.usedFor')}
                                </Badge>
                              )}
                              {s.hasDraft && (
                                <Badge tone="draft" testId="badge-draft">
                                  {t('list.draftBadge', { version: s.latestVersion })}
                                </Badge>
                              )}
                              {hasUnsaved(s.id) && <Badge tone="warn">{t('list.unsavedBadge')}</Badge>}
                              {s.retiredAt !== null && (
                                <Badge tone="retired" testId="badge-retired">
                                  {t('list.retiredBadge')}
                                </Badge>
                              )}
                            </div>
                          </td>
                          <td className="ui-num">{formatNumber(s.responses)}</td>
                          <td className="script-row-actions">
                            <ButtonRow>
                              <Button size="small" onClick={() => onOpen(s.id)} data-testid="script-open">
                                {canEdit && s.retiredAt === null ? t('list.openEdit') : t('list.open')}
                              </Button>
                              {canEdit && (
                                <Button size="small" onClick={() => void copy(s)} disabled={busy === s.id} data-testid="script-copy">
                                  {t('list.copy')}
                                </Button>
                              )}
                              <Button size="small" onClick={() => void exportScript(s)} data-testid="script-export">
                                {t('list.export')}
                              </Button>
                              {canEdit && s.retiredAt === null && (
                                <Button size="small" className="script-retire" onClick={() => setRetiring(s.id)} disabled={busy === s.id} data-testid="script-retire">
                                  {t('list.retire')}
                                </Button>
                              )}
                            </ButtonRow>
                          </td>
                        </tr>
                        {retiring === s.id && (
                          <tr className="script-confirm-row">
                            <td colSpan={6}>
                              <InlineConfirm danger testId="retire-confirm" busy={busy === s.id} confirmLabel={t('list.retireConfirm')} onConfirm={() => void retire(s)} onCancel={() => setRetiring(null)}>
                                <p>
                                  <strong>{t('list.retireQuestion', { title: s.title })}</strong>
                                </p>
                                <p>{t('list.retireExplain')}</p>
                                {s.mappedFor.length > 0 && <p>{t('list.retireMapped', { purposes: s.mappedFor.map((p) => t(`reason.${p}`, { ns: 'translation' })).join('、') })}</p>}
                              </InlineConfirm>
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    ))}
                  </tbody>
                </Table>
              )}
            </Card>
          );
        })}
      </div>
    </>
  );
}

function Mapping({ scripts, canEdit, busy, onChange }: { scripts: ScriptSummary[]; canEdit: boolean; busy: string | null; onChange(purpose: ScriptPurpose, id: string | null): void }) {
  const { t } = useTranslation('scripts');
  return (
    <Card title={t('mapping.title')} titleId="script-mapping-title" intro={t('mapping.intro')} data-testid="script-mapping">
      <div className="purpose-mapping">
        {SCRIPT_PURPOSES.map((purpose) => {
          const eligible = scripts.filter((s) => s.purpose === purpose && s.retiredAt === null && s.publishedVersion !== null);
          const current = scripts.find((s) => s.mappedFor.includes(purpose));
          return (
            <label key={purpose} className="purpose-mapping-row">
              <PurposeTag purpose={purpose} className="purpose-mapping-tag" />
              <Select
                className="purpose-mapping-select"
                value={current?.id ?? ''}
                disabled={!canEdit || busy === `map-${purpose}`}
                data-testid={`mapping-select-${purpose}`}
                onChange={(e) => onChange(purpose, e.target.value === '' ? null : e.target.value)}
              >
                <option value="">{t('mapping.none')}</option>
                {eligible.map((s) => (
                  <option key={s.id} value={s.id}>
                    {t('mapping.option', { title: s.title, locale: t(`locales.${s.locale}`), version: s.publishedVersion })}
                  </option>
                ))}
              </Select>
            </label>
          );
        })}
      </div>
      {!canEdit && <p className="muted small">{t('mapping.readOnly')}</p>}
    </Card>
  );
}

function NewScriptForm({ defaultLocale, onCancel, onCreated }: { defaultLocale: Locale; onCancel(): void; onCreated(id: string): void }) {
  const { t } = useTranslation('scripts');
  const notify = useStore((s) => s.notify);
  const fail = useFailure();
  const [purpose, setPurpose] = useState<ScriptPurpose>('satisfaction');
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '') return setError(t('newScript.titleRequired'));
    setCreating(true);
    const r = await call('scripts.create', { purpose, locale, title: trimmed });
    setCreating(false);
    if (!r.ok) return fail(r.error);
    notify('success', t('newScript.created', { title: trimmed }));
    onCreated(r.value.script.id);
  }

  return (
    <Card as="form" title={t('newScript.title')} onSubmit={(e) => void submit(e)} noValidate data-testid="script-new-form">
      <FieldRow>
        <Field label={t('newScript.purpose')}>
          <Select value={purpose} onChange={(e) => setPurpose(e.target.value as ScriptPurpose)} data-testid="new-purpose">
            {SCRIPT_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`reason.${p}`, { ns: 'translation' })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('newScript.locale')}>
          <Select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="new-locale">
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`locales.${l}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('newScript.name')} className="field-grow">
          <TextInput
            value={title}
            maxLength={120}
            placeholder={t('newScript.namePlaceholder')}
            aria-invalid={error !== null}
            data-testid="new-title"
            onChange={(e) => {
              setTitle(e.target.value);
              setError(null);
            }}
          />
        </Field>
      </FieldRow>
      {error && (
        <FieldMessage tone="error" role="alert">
          {error}
        </FieldMessage>
      )}
      <p className="muted small">{t('newScript.hint')}</p>
      <ButtonRow>
        <Button variant="primary" type="submit" disabled={creating} data-testid="new-submit">
          {creating ? t('newScript.creating') : t('newScript.create')}
        </Button>
        <Button onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonRow>
    </Card>
  );
}
