/**
 * The URL mirrors the page's state through one typed table of properties (as TensorFlow Playground
 * does): each property names its URL parameter, its store field and what values it accepts. A URL is
 * untrusted input: values that don't fit are ignored, and each is reported with what was expected.
 * The table is url/table.ts; reading, writing and the address bar's sync are beside it, in url/.
 */
export { URL_PROPS } from './url/table';
export { readUrl, type UrlRead } from './url/read';
export { QUERY_BUDGET, writeUrl } from './url/write';
export { applyUrl, syncUrl } from './url/sync';
