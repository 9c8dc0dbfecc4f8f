import type { NoteFormat } from '@liaison/core/cases/index';
import sanitizeHtml from 'sanitize-html';

/** Rich-text notes keep structure and links; scripts, styles, event handlers and foreign schemes are dropped. */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h1',
    'h2',
    'h3',
    'h4',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'a',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    span: ['lang'],
    p: ['lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
};

/** HTML notes are sanitised before storage; markdown is stored as written (the web app renders it as text). */
export function sanitiseNoteBody(body: string, format: NoteFormat): string {
  return format === 'html' ? sanitizeHtml(body, options).trim() : body;
}
