/** Tag categories used by the extraction stages. */

/** Elements whose content is never visible text. */
export const NON_CONTENT_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'noembed', 'svg', 'math',
  'canvas', 'object', 'embed', 'applet', 'video', 'audio', 'picture', 'map', 'head', 'title', 'meta', 'link',
  'base', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'input', 'button', 'dialog', 'xmp', 'plaintext',
]);

/** Elements that start a new block of text (paragraph-level boundaries). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'tfoot', 'thead', 'tr', 'ul', 'listing', 'output',
]);

/** Table cells: in a data row they join into one line; in layout tables each cell is a block. */
export const CELL_TAGS: ReadonlySet<string> = new Set(['td', 'th']);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Paragraph-like elements: their text votes for the element around them. */
export const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'blockquote', 'li', 'dd', 'tr']);

/** Sectioning elements that usually hold page furniture rather than the article. */
export const FURNITURE_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'menu']);
