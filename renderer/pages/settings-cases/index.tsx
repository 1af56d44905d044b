import { CalendarSection } from './CalendarSection';
import { CaseSettingsSection } from './CaseSettingsSection';
import { SlaPoliciesSection } from './SlaPoliciesSection';
import '../../styles/sla-settings.css';

/**
 * The complaint-ticket sections of the Settings page: ticket and voucher rules, SLA policies and the
 * business calendar. Agents read them; supervisors change them (the back end enforces that too).
 */
export function CaseSettingsSections() {
  return (
    <>
      <CaseSettingsSection />
      <SlaPoliciesSection />
      <CalendarSection />
    </>
  );
}
