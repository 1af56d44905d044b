import * as store from '../../core/store/faq';
import { onDb } from '../store';

// The appliers' reads and writes live in core/store (shared with the server); these run them on this console's SQLite.
export const markFaqNeedsReview = onDb(store.markFaqNeedsReview);
