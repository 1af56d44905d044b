import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import { ROLES, type Role } from '../../../core/domain/model';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../core/auth/password';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from './shared';

const NAME_MAX = 64;

/** Who is on the team, and a form to add someone. */
export function TeamMembers() {
  const { t } = useTranslation('admin');
  const session = useStore((s) => s.session);
  const refreshSession = useStore((s) => s.refreshSession);
  const notify = useStore((s) => s.notify);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [adding, setAdding] = useState(false);

  const users = session?.users ?? [];
  const meId = session?.currentUser?.id;
  const isSupervisor = session?.currentUser?.role === 'supervisor';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    setError(null);
    if (trimmed === '') return setNameError(t('settings.addUserNameRequired'));
    if ([...trimmed].length > NAME_MAX) return setNameError(t('settings.addUserNameTooLong'));
    if (users.some((u) => u.name === trimmed)) return setNameError(t('settings.addUserDuplicate', { name: trimmed }));
    if ([...password.normalize('NFC')].length < PASSWORD_MIN_LENGTH) {
      return setNameError(t('settings.addUserPasswordShort', { min: PASSWORD_MIN_LENGTH }));
    }
    setNameError(null);
    setAdding(true);
    const r = await call('users.create', { name: trimmed, role, password });
    setAdding(false);
    if (!r.ok) return setError(r.error);
    setName('');
    setPassword('');
    setRole('agent');
    notify('success', t('settings.addUserAdded', { name: trimmed }));
    await refreshSession();
  }

  return (
    <section className="adm-card" aria-labelledby="team-title">
      <h3 id="team-title" className="adm-card-title">
        {t('settings.teamTitle')}
      </h3>
      <p className="adm-muted adm-small">{t('settings.teamIntro')}</p>
      <div className="adm-table-wrap">
        <table className="adm-table" data-testid="team-list">
          <thead>
            <tr>
              <th>{t('settings.teamName')}</th>
              <th>{t('settings.teamRole')}</th>
              <th>{t('settings.teamSince')}</th>
              {isSupervisor && <th>{t('settings.teamPassword')}</th>}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid="team-row">
                <td>
                  {u.name}
                  {u.id === meId && <span className="adm-muted"> {t('settings.you')}</span>}
                </td>
                <td>
                  <span className={`adm-badge adm-badge-${u.role}`}>{t(`roles.${u.role}`)}</span>
                </td>
                <td className="adm-nowrap">{formatDateTime(u.createdAt)}</td>
                {isSupervisor && (
                  <td>
                    <SetPassword userId={u.id} name={u.name} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form className="adm-add-user" onSubmit={(e) => void submit(e)} noValidate>
        <h4 className="adm-subtitle">{t('settings.addUserTitle')}</h4>
        <div className="adm-row">
          <label className="adm-field">
            <span className="adm-label">{t('settings.addUserName')}</span>
            <input
              type="text"
              value={name}
              maxLength={NAME_MAX * 2}
              placeholder={t('settings.addUserNamePlaceholder')}
              data-testid="add-user-name"
              aria-invalid={nameError !== null}
              onChange={(e) => {
                setName(e.target.value);
                setNameError(null);
              }}
            />
          </label>
          <label className="adm-field">
            <span className="adm-label">{t('settings.addUserPassword')}</span>
            <input
              type="password"
              autoComplete="new-password"
              value={password}
              maxLength={PASSWORD_MAX_LENGTH}
              placeholder={t('settings.addUserPasswordPlaceholder', { min: PASSWORD_MIN_LENGTH })}
              data-testid="add-user-password"
              onChange={(e) => {
                setPassword(e.target.value);
                setNameError(null);
              }}
            />
          </label>
          <label className="adm-field">
            <span className="adm-label">{t('settings.addUserRole')}</span>
            <select value={role} data-testid="add-user-role" onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="adm-btn adm-btn-primary adm-align-end" disabled={adding} data-testid="add-user-submit">
            {adding ? t('settings.addUserAdding') : t('settings.addUserSubmit')}
          </button>
        </div>
        {nameError && (
          <div className="adm-field-error" role="alert">
            {nameError}
          </div>
        )}
        <ErrorNotice error={error} />
      </form>
    </section>
  );
}

/** A supervisor sets (or resets) someone's password on this console; that person's open sessions end. */
function SetPassword({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation('admin');
  const notify = useStore((s) => s.notify);
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const short = [...password.normalize('NFC')].length < PASSWORD_MIN_LENGTH;
  if (!open) {
    return (
      <button type="button" className="adm-btn" data-testid="set-password" onClick={() => setOpen(true)}>
        {t('settings.setPassword')}
      </button>
    );
  }
  return (
    <form
      className="adm-row"
      onSubmit={(e) => {
        e.preventDefault();
        if (short) return;
        void call('users.setPassword', { userId, password }).then((r) => {
          if (!r.ok) return setError(r.error);
          setOpen(false);
          setPassword('');
          notify('success', t('settings.passwordSet', { name }));
        });
      }}
    >
      <input
        type="password"
        autoComplete="new-password"
        value={password}
        maxLength={PASSWORD_MAX_LENGTH}
        placeholder={t('settings.addUserPasswordPlaceholder', { min: PASSWORD_MIN_LENGTH })}
        data-testid="set-password-input"
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="adm-btn adm-btn-primary" disabled={short} data-testid="set-password-save">
        {t('settings.setPasswordSave')}
      </button>
      <ErrorNotice error={error} />
    </form>
  );
}
