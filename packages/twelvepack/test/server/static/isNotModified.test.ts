import { isNotModified } from '../../../src/server/static/isNotModified';

const ETAG = '"abc"';
// Not on a whole second, as a file's mtime rarely is: HTTP dates drop the milliseconds.
const LAST_MODIFIED_MS = Date.UTC(2024, 0, 15, 12, 0, 0, 750);
const LAST_MODIFIED = new Date(LAST_MODIFIED_MS).toUTCString();
const SECOND_BEFORE = new Date(LAST_MODIFIED_MS - 1000).toUTCString();
const SECOND_AFTER = new Date(LAST_MODIFIED_MS + 1000).toUTCString();

type Conditions = { 'if-none-match'?: string; 'if-modified-since'?: string };

describe('isNotModified', () => {
  it.each<[string, Conditions, boolean]>([
    ['no conditions', {}, false],
    ['the exact ETag', { 'if-none-match': '"abc"' }, true],
    ['another ETag', { 'if-none-match': '"xyz"' }, false],
    ['a list holding the ETag', { 'if-none-match': '"xyz", "abc"' }, true],
    ['a list without spaces holding the ETag', { 'if-none-match': '"xyz","abc"' }, true],
    ['a list without the ETag', { 'if-none-match': '"xyz", "uvw"' }, false],
    ['the ETag marked weak (weak comparison)', { 'if-none-match': 'W/"abc"' }, true],
    ['another ETag marked weak', { 'if-none-match': 'W/"xyz"' }, false],
    ['the ETag in another case (opaque tags are case-sensitive)', { 'if-none-match': '"ABC"' }, false],
    ['a prefix of the ETag', { 'if-none-match': '"ab"' }, false],
    ['*', { 'if-none-match': '*' }, true],
    ['* with spaces', { 'if-none-match': ' * ' }, true],
    ['If-Modified-Since equal to Last-Modified', { 'if-modified-since': LAST_MODIFIED }, true],
    ['If-Modified-Since a second after', { 'if-modified-since': SECOND_AFTER }, true],
    ['If-Modified-Since a second before', { 'if-modified-since': SECOND_BEFORE }, false],
    ['If-Modified-Since that is not a date', { 'if-modified-since': 'yesterday-ish' }, false],
    ['a stale If-None-Match beside a matching If-Modified-Since (If-None-Match wins)', { 'if-none-match': '"xyz"', 'if-modified-since': SECOND_AFTER }, false],
    ['a matching If-None-Match beside a stale If-Modified-Since (If-None-Match wins)', { 'if-none-match': '"abc"', 'if-modified-since': SECOND_BEFORE }, true],
  ])('%s → %s', (_spec, headers, expected) => {
    expect(isNotModified(headers, ETAG, LAST_MODIFIED_MS)).toBe(expected);
  });
});
