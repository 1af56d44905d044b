import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { DateTime } from 'luxon';
import App from './App';
import { DISPLAY_ZONE, now } from './format';
import { setCalendarToday } from './ui/dates';

// The design kit's calendars know no clock of their own: today is the back end's day in the display zone.
setCalendarToday(() => DateTime.fromMillis(now(), { zone: DISPLAY_ZONE }).toFormat('yyyy-MM-dd'));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
