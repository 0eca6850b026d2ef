import { secretForms } from '../../src/webpack/plugins/secretForms';

const VALUE = 'sk-planted-value/with+odd~chars';

// A form that reads the same in both alphabets is listed once, so look among all of them.
const base64Texts = secretForms(VALUE).filter(({ form }) => form.startsWith('base64')).map(({ text }) => text);

describe('secretForms', () => {
  it('lists the raw value and its escaped forms, each once', () => {
    const forms = secretForms('it\'s "q" \\ x');
    expect(forms.map(({ form }) => form)).toEqual(expect.arrayContaining(['raw', 'JSON-escaped', 'JS-escaped', 'inlined JSON', 'URL-encoded']));
    expect(new Set(forms.map(({ text }) => text)).size).toBe(forms.length);
  });

  it.each([0, 1, 2, 3, 4, 5])('finds the value base64-encoded inside a larger blob, %i bytes in, standard and URL-safe', (offset) => {
    // 0xfb bytes make + and / (- and _) around the value.
    const blob = Buffer.concat([Buffer.alloc(offset, 0xfb), Buffer.from(VALUE), Buffer.alloc(7, 0xff)]);
    const standard = blob.toString('base64');
    const urlSafe = blob.toString('base64url');
    expect(base64Texts.some((text) => standard.includes(text))).toBe(true);
    expect(base64Texts.some((text) => urlSafe.includes(text))).toBe(true);
  });

  it('finds the value base64-encoded on its own, padding and all', () => {
    for (const value of ['eightchr', 'ninechars', 'ten-chars!']) {
      const encoded = Buffer.from(value).toString('base64');
      expect(secretForms(value).some(({ form, text }) => form === 'base64' && encoded.includes(text))).toBe(true);
    }
  });

  it('keeps each base64 form long enough not to occur by chance (at least 10 characters for an 8-character value)', () => {
    const lengths = secretForms('eightchr').filter(({ form }) => form.startsWith('base64')).map(({ text }) => text.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(10);
  });
});
