import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/contract/result';
import { ROLES, type Role } from '../../../core/domain/model';
import { PASSWORD_MIN_LENGTH } from '../../../core/auth/password';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from './shared';
import './settings.css';
import { Badge, Button, Card, Field, FieldMessage, FieldRow, Select, Table, TextInput } from '../../ui';
import { PasswordInput } from '../../components/PasswordInput';

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
    <Card title={t('settings.teamTitle')} titleId="team-title">
      <p className="muted small">{t('settings.teamIntro')}</p>
      <Table data-testid="team-list">
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
                {u.id === meId && <span className="muted"> {t('settings.you')}</span>}
              </td>
              <td>
                <Badge tone={u.role === 'supervisor' ? 'info' : 'muted'}>{t(`roles.${u.role}`)}</Badge>
              </td>
              <td className="nowrap">{formatDateTime(u.createdAt)}</td>
              {isSupervisor && (
                <td>
                  <SetPassword userId={u.id} name={u.name} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>

      <form className="set-add-user" onSubmit={(e) => void submit(e)} noValidate>
        <h4 className="set-subtitle">{t('settings.addUserTitle')}</h4>
        <FieldRow>
          <Field label={t('settings.addUserName')}>
            <TextInput
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
          </Field>
          <Field label={t('settings.addUserPassword')}>
            <PasswordInput
              purpose="new"
              value={password}
              placeholder={t('settings.addUserPasswordPlaceholder', { min: PASSWORD_MIN_LENGTH })}
              data-testid="add-user-password"
              onChange={(e) => {
                setPassword(e.target.value);
                setNameError(null);
              }}
            />
          </Field>
          <Field label={t('settings.addUserRole')}>
            <Select value={role} data-testid="add-user-role" onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Button variant="primary" className="set-align-end" type="submit" disabled={adding} data-testid="add-user-submit">
            {adding ? t('settings.addUserAdding') : t('settings.addUserSubmit')}
          </Button>
        </FieldRow>
        {nameError && (
          <FieldMessage tone="error" role="alert">
            {nameError}
          </FieldMessage>
        )}
        <ErrorNotice error={error} />
      </form>
    </Card>
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
      <Button data-testid="set-password" onClick={() => setOpen(true)}>
        {t('settings.setPassword')}
      </Button>
    );
  }
  return (
    <form
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
      <FieldRow>
        <PasswordInput
          purpose="new"
          value={password}
          placeholder={t('settings.addUserPasswordPlaceholder', { min: PASSWORD_MIN_LENGTH })}
          aria-label={t('settings.setPasswordFor', { name })}
          data-testid="set-password-input"
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button variant="primary" type="submit" disabled={short} data-testid="set-password-save">
          {t('settings.setPasswordSave')}
        </Button>
        <ErrorNotice error={error} />
      </FieldRow>
    </form>
  );
}
