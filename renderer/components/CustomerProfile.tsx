import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CallbackDetail, CustomerProfile as Profile } from '../../core/contract/views';
import { CONSENT_PURPOSES } from '../../core/domain/model';
import { useStore } from '../store';
import { agoFromNow, formatDate, formatDuration, formatNumber, formatShortDateTime, formatTime, relativeToNow, zoneOffsetLabel } from '../format';
import { PriorityBadge, ReasonTag } from './labels';
import { MaskedText } from './MaskedText';
import { useNow } from './useNow';
import { CustomerTickets, FollowUpOfPanel } from './tickets/ProfileCases';
import { Button } from '../ui';

export function displayName(t: TFunction, c: Pick<Profile, 'name' | 'gender'>): string {
  if (c.gender === 'male') return t('workspace.mr', { name: c.name });
  if (c.gender === 'female') return t('workspace.ms', { name: c.name });
  return c.name;
}

export function CustomerProfile({ detail }: { detail: CallbackDetail }) {
  const { t } = useTranslation();
  const c = detail.customer;
  const others = c.otherOpenCallbacks.filter((o) => o.id !== detail.callback.id);
  const history = [...c.history].sort((a, b) => b.startedAt - a.startedAt);
  const openRow = useStore((s) => s.openRow);

  return (
    <section className="profile" aria-label={t('workspace.profile')} data-testid="customer-profile">
      <div className="section-title">{t('workspace.profile')}</div>
      <div className="profile-head">
        <div className="profile-name" data-testid="customer-name">
          {displayName(t, c)}
        </div>
        <PhoneLine />
      </div>
      <FollowUpOfPanel detail={detail} />

      <dl className="facts">
        <div className="fact">
          <dt>{t('workspace.city')}</dt>
          <dd>{c.city ?? t('common.unknown')}</dd>
        </div>
        <div className="fact">
          <dt>{t('workspace.localTime')}</dt>
          <dd>
            <CustomerClock zone={c.timezone} />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('workspace.segment')}</dt>
          <dd>{c.segment ? <span className={`seg-badge seg-${c.segment}`}>{t(`segment.${c.segment}`)}</span> : t('common.unknown')}</dd>
        </div>
        <div className="fact">
          <dt>{t('workspace.balance')}</dt>
          <dd>{c.balanceBand ? t(`balance.${c.balanceBand}`) : t('common.unknown')}</dd>
        </div>
        <div className="fact">
          <dt>{t('workspace.registered')}</dt>
          <dd>{c.registeredAt !== null ? formatDate(c.registeredAt) : t('common.unknown')}</dd>
        </div>
        <div className="fact">
          <dt>{t('workspace.lastActive')}</dt>
          <dd>
            {c.lastActiveAt !== null ? (
              <>
                {formatDate(c.lastActiveAt)} <span className="muted">· {agoFromNow(c.lastActiveAt)}</span>
              </>
            ) : (
              t('common.unknown')
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('workspace.txn30d')}</dt>
          <dd>{c.txnCount30d !== null ? t('workspace.txnCount', { n: formatNumber(c.txnCount30d) }) : t('common.unknown')}</dd>
        </div>
        <div className="fact">
          <dt>{t('workspace.dnc')}</dt>
          <dd data-testid="dnc-status">
            {c.dnc === null ? (
              <span className="badge badge-ok">{t('workspace.dncNone')}</span>
            ) : c.dnc.forever || c.dnc.until === null ? (
              <span className="badge badge-danger">{t('workspace.dncForever')}</span>
            ) : (
              <span className="badge badge-danger">{t('workspace.dncUntil', { until: formatDate(c.dnc.until) })}</span>
            )}
          </dd>
        </div>
        <div className="fact wide">
          <dt>{t('workspace.consents')}</dt>
          <dd className="consents" data-testid="consents">
            {CONSENT_PURPOSES.map((p) => (
              <span key={p} className={`consent consent-${c.consents[p]}`} data-purpose={p}>
                <span className="consent-purpose">{t(`consent.purpose.${p}`)}</span>
                <span className="consent-state">{t(`consent.state.${c.consents[p]}`)}</span>
              </span>
            ))}
          </dd>
        </div>
        <div className="fact wide">
          <dt>{t('workspace.tags')}</dt>
          <dd className="tags">
            {c.tags.length === 0 ? t('common.none') : c.tags.map((tag) => <span key={tag} className="tag tag-plain">{tag}</span>)}
          </dd>
        </div>
      </dl>

      <div className="section-title">{t('workspace.otherOpen')}</div>
      {others.length === 0 ? (
        <div className="muted small-pad">{t('workspace.noOtherOpen')}</div>
      ) : (
        <ul className="other-list" data-testid="other-open">
          {others.map((o) => (
            <li key={o.id}>
              <ReasonTag reason={o.reason} />
              <PriorityBadge priority={o.priority} />
              <span className="muted">{o.dueAt !== null ? `${formatShortDateTime(o.dueAt)} · ${relativeToNow(o.dueAt)}` : t('time.asap')}</span>
              <button type="button" className="link-button" onClick={() => void openRow({ id: o.id })}>
                {t('workspace.openOther')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <CustomerTickets detail={detail} />

      <div className="section-title">
        {t('workspace.history')} <span className="count">{history.length}</span>
      </div>
      {history.length === 0 ? (
        <div className="muted small-pad">{t('workspace.noHistory')}</div>
      ) : (
        <table className="history" data-testid="contact-history">
          <thead>
            <tr>
              <th>{t('workspace.historyCols.when')}</th>
              <th>{t('workspace.historyCols.agent')}</th>
              <th>{t('workspace.historyCols.reason')}</th>
              <th>{t('workspace.historyCols.disposition')}</th>
              <th className="num">{t('workspace.historyCols.duration')}</th>
              <th>{t('workspace.historyCols.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id} data-testid="history-row">
                <td className="nowrap">{formatShortDateTime(h.startedAt)}</td>
                <td className="nowrap">{h.agentName ?? t('common.unknown')}</td>
                <td>
                  <ReasonTag reason={h.reason} />
                </td>
                <td className="nowrap">
                  <span className={`disp disp-${h.disposition}`}>{t(`disposition.${h.disposition}`)}</span>
                  {h.callbackAt !== null && <div className="muted tiny">→ {formatShortDateTime(h.callbackAt)}</div>}
                </td>
                <td className="num mono">{formatDuration(h.endedAt - h.startedAt)}</td>
                <td className="notes-cell">{h.notes ? <MaskedText text={h.notes} customerId={c.id} /> : <span className="muted">{t('common.none')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PhoneLine() {
  const { t } = useTranslation();
  const ws = useStore((s) => s.workspace);
  const reveal = useStore((s) => s.revealPhone);
  if (!ws) return null;
  const c = ws.detail.customer;
  return (
    <div className="phone-line">
      <span className="phone mono" data-testid="customer-phone">
        {ws.revealed ? ws.revealed.formatted : c.phoneMasked}
      </span>
      {c.phoneStatus === 'bad' && <span className="badge badge-danger">{t('workspace.phoneBad')}</span>}
      {ws.revealed ? (
        <span className="reveal-note" data-testid="reveal-note">
          {t('workspace.revealLogged')}
        </span>
      ) : (
        <Button
          size="small"
          data-testid="reveal-phone"
          disabled={ws.busy === 'reveal'}
          onClick={() => void reveal()}
        >
          {ws.busy === 'reveal' ? t('workspace.revealing') : t('workspace.reveal')}
        </Button>
      )}
    </div>
  );
}

function CustomerClock({ zone }: { zone: string }) {
  const now = useNow(15_000);
  return (
    <span data-testid="customer-local-time">
      <strong>{formatTime(now, zone)}</strong>{' '}
      <span className="muted">
        {zone} ({zoneOffsetLabel(now, zone)})
      </span>
    </span>
  );
}
