// Generated from src/core/Protocol.h by protocolModule(): do not edit.
// After a change there, run build/native/tests/unit_tests --write-protocol.

/**
 * A box in CSS px of the widget's content (its top-left is the content's).
 * @typedef {{x: number, y: number, width: number, height: number}} Rect
 */
/**
 * One drawn line of a control (a heading, a headline, a review), for a
 * transparent copy laid glyph on glyph: its box, its text, the face key
 * (see Faces) and em size in CSS px it was drawn with.
 * @typedef {{x: number, y: number, width: number, height: number, text: string, face: string, size: number}} Line
 */
/**
 * One drawn line of the article's text layer. `spaced`: whether spaces
 * separate it from the next line of its block (not after "three-|day").
 * @typedef {{x: number, y: number, width: number, height: number, text: string, spaced: boolean}} TextLine
 */
/**
 * A block of the text layer: its role (see Role), face key and em size, and
 * its lines; an alert carries only its text.
 * @typedef {{role: string, face?: string, size?: number, lines?: TextLine[], text?: string}} Block
 */
/** @typedef {{blocks: Block[]}} SemanticsMessage */
/**
 * A run of an article's text: its text, bold (`b`) and italic (`i`) when
 * set, and the absolute URL it links to (`href`).
 * @typedef {{text: string, b?: boolean, i?: boolean, href?: string}} BodyRun
 */
/**
 * A block of an article's body (see BodyKind): text blocks carry runs; list
 * items whether their list is ordered, their number and depth (1 = top);
 * figures the image's absolute URL, size, alternative text, caption, credit.
 * @typedef {{kind: string, runs?: BodyRun[], ordered?: boolean, number?: number, depth?: number,
 *   src?: string, width?: number, height?: number, alt?: string, caption?: string, credit?: string}} BodyBlock
 */
/**
 * A control the shell mirrors as real DOM. `part`: which part's element holds
 * it (see Part); no `rect`: announced only. The other fields by kind: label,
 * text, value, message, required, counter, options (one per star or choice: its box,
 * name and value), bars (the summary's distribution in words), disabled, href,
 * external, openInWidget, lines.
 * @typedef {{id: string, kind: string, part?: string, rect?: Rect, label?: string, text?: string,
 *   value?: (string|number), message?: string, required?: boolean, counter?: string,
 *   options?: {rect: Rect, label: string, value?: string}[], bars?: string[],
 *   disabled?: boolean, href?: string, external?: boolean, openInWidget?: boolean, lines?: Line[]}} Control
 */
/**
 * The frame's controls. `item`: whose draft the values are; `valueVersion`
 * changes when the widget changed the values itself (a restored draft).
 * @typedef {{item: string, valueVersion: number, controls: Control[]}} ControlsMessage
 */
/**
 * One review of the list (name and date lines, the rating in words, the text
 * lines, and its Report button: an Action control), or the line saying there
 * are none (`empty`, `text`). `key`: the review's identifier. `reportAfter`:
 * the report step's part follows this review.
 * @typedef {{rect: Rect, key?: string, head?: Line[], rating?: string, lines?: Line[], report?: Control,
 *   reportAfter?: boolean, empty?: boolean, text?: string}} ListItem
 */
/** @typedef {{items: ListItem[]}} ListMessage */

/** Types of the messages the widget sends: Module.onMessage(type, payload). */
export const Message = Object.freeze({
  ContentHeight: 'content-height',
  Semantics: 'semantics',
  ArticleError: 'article-error',
  Controls: 'controls',
  List: 'list',
  FocusControl: 'focus-control',
  PostReview: 'post-review',
  FetchReviews: 'fetch-reviews',
  FetchSummary: 'fetch-summary',
  PostReport: 'post-report',
  WakeAt: 'wake-at',
  NeedFaces: 'need-faces',
});

/** Control kinds. */
export const Kind = Object.freeze({
  Heading: 'heading',
  Text: 'text',
  Input: 'input',
  TextArea: 'textarea',
  Stars: 'stars',
  Choice: 'choice',
  Summary: 'summary',
  Honeypot: 'honeypot',
  Button: 'button',
  Status: 'status',
  Link: 'link',
  Action: 'action',
  List: 'list',
});

/** Control ids the shell refers to; follow buttons and headlines are FollowPrefix/NewsPrefix + index. */
export const Id = Object.freeze({
  Name: 'name',
  Email: 'email',
  Rating: 'rating',
  Body: 'body',
  Website: 'website',
  Submit: 'submit',
  Notice: 'notice',
  Intro: 'intro',
  ReviewHeading: 'heading',
  FollowHeading: 'follow-heading',
  NewsHeading: 'news-heading',
  Reviews: 'reviews',
  Summary: 'summary',
  ReportTitle: 'report-title',
  ReportReason: 'report-reason',
  ReportNote: 'report-note',
  ReportStatus: 'report-status',
  ReportPrefix: 'report:',
  FollowPrefix: 'follow:',
  NewsPrefix: 'news:',
});

/** Ids of Action controls, and what the shell does for each. */
export const Action = Object.freeze({
  Back: 'back',
  Retry: 'retry',
  NewsMore: 'news-more',
  ReviewsMore: 'reviews-more',
  ReportSend: 'report-send',
  ReportClose: 'report-close',
});

/** Parts of the widget, each its own element. */
export const Part = Object.freeze({
  Review: 'review',
  Follow: 'follow',
  News: 'news',
  Report: 'report',
});

/** Roles of the text layer's blocks. */
export const Role = Object.freeze({
  Heading: 'heading',
  Lead: 'lead',
  Meta: 'meta',
  Paragraph: 'paragraph',
  Alert: 'alert',
  Subheading: 'subheading',
  Minorheading: 'minorheading',
  Quote: 'quote',
  Item: 'item',
  Figure: 'figure',
});

/** Kinds of an article body's blocks (BodyBlock), as rich-text.js hands them to aw_set_article. */
export const BodyKind = Object.freeze({
  Paragraph: 'p',
  Heading2: 'h2',
  Heading3: 'h3',
  Quote: 'quote',
  Item: 'li',
  Figure: 'figure',
});

/** aw_frame's answer: Drew | More, NoWebGl | More, or 0 (nothing to draw yet). */
export const Frame = Object.freeze({
  More: 1,
  Drew: 2,
  NoWebGl: 4,
});

/** The font faces in aw_set_face order: key, file under widget/, CSS family and weight. */
export const Faces = Object.freeze([
  { key: 'serif', file: 'fonts/serif-regular.ttf', family: 'AW Serif', weight: '400' },
  { key: 'serif-bold', file: 'fonts/serif-bold.ttf', family: 'AW Serif', weight: '700' },
  { key: 'sans', file: 'fonts/sans-regular.ttf', family: 'AW Sans', weight: '400' },
  { key: 'sans-bold', file: 'fonts/sans-bold.ttf', family: 'AW Sans', weight: '700' },
  { key: 'icons', file: 'fonts/icons.ttf', family: 'AW Icons', weight: '400' },
].map(Object.freeze));

/** Faces fetched only for an article that uses them; their aw_set_face numbers follow Faces'. */
export const OptionalFaces = Object.freeze([
  { key: 'serif-italic', file: 'fonts/serif-italic.ttf', family: 'AW Serif', weight: '400', style: 'italic' },
  { key: 'serif-bold-italic', file: 'fonts/serif-bold-italic.ttf', family: 'AW Serif', weight: '700', style: 'italic' },
].map(Object.freeze));

/** Faces of other scripts in aw_set_script_face order, fetched only when needed (NeedFaces):
 * file under widget/, CSS family and weight, unicodeRange. */
export const ScriptFaces = Object.freeze([
  { file: 'fonts/scripts/georgian-serif-regular.ttf', family: 'AW Serif', weight: '400', unicodeRange: 'U+10A0-10FF,U+1C90-1CBF,U+2D00-2D2F' },
  { file: 'fonts/scripts/georgian-serif-bold.ttf', family: 'AW Serif', weight: '700', unicodeRange: 'U+10A0-10FF,U+1C90-1CBF,U+2D00-2D2F' },
  { file: 'fonts/scripts/georgian-sans-regular.ttf', family: 'AW Sans', weight: '400', unicodeRange: 'U+10A0-10FF,U+1C90-1CBF,U+2D00-2D2F' },
  { file: 'fonts/scripts/georgian-sans-bold.ttf', family: 'AW Sans', weight: '700', unicodeRange: 'U+10A0-10FF,U+1C90-1CBF,U+2D00-2D2F' },
  { file: 'fonts/scripts/armenian-serif-regular.ttf', family: 'AW Serif', weight: '400', unicodeRange: 'U+0530-058F,U+FB13-FB17' },
  { file: 'fonts/scripts/armenian-serif-bold.ttf', family: 'AW Serif', weight: '700', unicodeRange: 'U+0530-058F,U+FB13-FB17' },
  { file: 'fonts/scripts/armenian-sans-regular.ttf', family: 'AW Sans', weight: '400', unicodeRange: 'U+0530-058F,U+FB13-FB17' },
  { file: 'fonts/scripts/armenian-sans-bold.ttf', family: 'AW Sans', weight: '700', unicodeRange: 'U+0530-058F,U+FB13-FB17' },
  { file: 'fonts/scripts/cyrillic-serif-regular.ttf', family: 'AW Serif', weight: '400', unicodeRange: 'U+0400-045F,U+0490-0491,U+2116' },
  { file: 'fonts/scripts/cyrillic-serif-bold.ttf', family: 'AW Serif', weight: '700', unicodeRange: 'U+0400-045F,U+0490-0491,U+2116' },
  { file: 'fonts/scripts/cyrillic-sans-regular.ttf', family: 'AW Sans', weight: '400', unicodeRange: 'U+0400-045F,U+0490-0491,U+2116' },
  { file: 'fonts/scripts/cyrillic-sans-bold.ttf', family: 'AW Sans', weight: '700', unicodeRange: 'U+0400-045F,U+0490-0491,U+2116' },
].map(Object.freeze));
