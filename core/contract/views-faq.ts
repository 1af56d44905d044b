import type { FaqFinding } from '../faq/findings';
import type { RedactionKind } from '../faq/redact';
import type { FaqAction, FaqStatus } from '../faq/workflow';
import type { TicketStatus } from '../tickets';

/** Shapes of the FAQ methods. Text is the redacted text; masked originals never leave the back end. */

export type FaqField = 'question' | 'answer' | 'questionEn' | 'answerEn';

/** One masked item: what kind it was and the placeholder put in its place — never the original. */
export interface FaqRedactionNote {
  field: FaqField;
  kind: RedactionKind;
  replacement: string;
}

export interface FaqContent {
  category: string;
  question: string;
  answer: string;
  questionEn: string;
  answerEn: string;
  keywords: string[];
}

export interface FaqRow {
  id: string;
  status: FaqStatus;
  category: string;
  /** The newest revision's question (Chinese, and English when there is one). */
  question: string;
  questionEn: string;
  latestRevision: number;
  /** The revision the help centre and the export show; null until the first publish. */
  publishedRevision: number | null;
  needsReview: boolean;
  /** The reopened source ticket that flagged the entry, when that is the reason. */
  needsReviewTicket: { id: string; code: string } | null;
  sourceCount: number;
  createdAt: number;
  createdByName: string | null;
  updatedAt: number;
  publishedAt: number | null;
  publishedByName: string | null;
}

export interface FaqPage {
  rows: FaqRow[];
  total: number;
  /** Over all entries, whatever the filter: for the filter tabs. */
  counts: Record<FaqStatus, number> & { needsReview: number };
}

export interface FaqRevisionView extends FaqContent {
  revision: number;
  createdAt: number;
  createdBy: string;
  createdByName: string | null;
  redactions: FaqRedactionNote[];
}

export interface FaqSourceView {
  id: string;
  code: string;
  /** Redacted like the draft, so a subject naming the customer does not travel into the FAQ screens. */
  subject: string;
  status: TicketStatus;
  category: string;
  resolvedAt: number | null;
}

export type FaqHistoryAction = FaqAction | 'mark_reviewed' | 'confirm_not_personal';

export interface FaqHistoryItem {
  id: string;
  at: number;
  action: FaqHistoryAction;
  actorName: string | null;
  revision: number | null;
  note: string;
}

export interface FaqDetail {
  entry: FaqRow & { needsReviewReason: string | null };
  /** Newest first; every revision ever saved (a draft revision is updated in place until it is published). */
  revisions: FaqRevisionView[];
  sources: FaqSourceView[];
  history: FaqHistoryItem[];
  /** What the signed-in user may do now. */
  allowedActions: FaqHistoryAction[];
  canEdit: boolean;
  /**
   * Personal data the check finds in the newest revision (what a publish would publish). Publishing is
   * refused until a supervisor confirms each of these as not personal.
   */
  findings: FaqFinding[];
  now: number;
}

export interface FaqSimilarView {
  id: string;
  question: string;
  status: FaqStatus;
  category: string;
  /** Dice similarity of the normalised questions, 0–1 (see docs/faq.md). */
  score: number;
}

export interface FaqPrefill {
  ticket: FaqSourceView;
  draft: FaqContent;
  /** The ticket's description, redacted: background for writing the question, not saved. */
  context: string;
  redactions: FaqRedactionNote[];
  /** How many items were masked in the description (shown, not saved). */
  contextRedactions: number;
  similar: FaqSimilarView[];
  /** Entries that already cite this ticket. */
  linkedEntries: { id: string; question: string; status: FaqStatus }[];
}

export interface FaqCheck {
  similar: FaqSimilarView[];
  /** Personal data still in the text as typed (kinds and placeholders only). */
  personalData: FaqRedactionNote[];
  /** The same findings with the text found, for the publish step's per-finding confirmation. */
  findings: FaqFinding[];
}

export interface FaqExportFile {
  fileName: string;
  content: string;
  mimeType: string;
  /** Entries in the file. */
  count: number;
}
