/** lib/cli/util.ts: decoding the data URLs Ignition files carry. */
import { CliError } from '../../lib/cli/errors';
import { decodeDataUrl } from '../../lib/cli/util';

describe('decodeDataUrl', () => {
  test('decodes percent-encoded text: plain ASCII, escapes, runs of escapes forming UTF-8, and text next to them', () => {
    expect(decodeDataUrl('data:,hello', 'f').toString('utf8')).toBe('hello');
    expect(decodeDataUrl('data:,', 'f')).toEqual(Buffer.alloc(0));
    expect(decodeDataUrl('data:text/plain;charset=utf-8,a%20b%0A', 'f').toString('utf8')).toBe('a b\n');
    expect(decodeDataUrl('data:,caf%C3%A9%21x', 'f').toString('utf8')).toBe('café!x');
    expect(decodeDataUrl('data:,%00%ff', 'f')).toEqual(Buffer.from([0, 255]));
  });

  test('takes unescaped non-ASCII text as its UTF-8 bytes, characters outside the BMP included', () => {
    expect(decodeDataUrl('data:,é', 'f')).toEqual(Buffer.from('é', 'utf8'));
    expect(decodeDataUrl('data:,a😀b%20', 'f')).toEqual(Buffer.from('a😀b ', 'utf8'));
  });

  test('decodes base64 data URLs', () => {
    expect(decodeDataUrl(`data:;base64,${Buffer.from('x\ny').toString('base64')}`, 'f').toString('utf8')).toBe('x\ny');
  });

  test('fails on a percent sign not followed by two hex digits, naming the file', () => {
    for (const bad of ['data:,%zz', 'data:,ab%4', 'data:,ab%', 'data:,%%41']) {
      expect(() => decodeDataUrl(bad, 'file /etc/x')).toThrow(CliError);
      expect(() => decodeDataUrl(bad, 'file /etc/x')).toThrow("file /etc/x: the data URL's percent-encoding is invalid");
    }
  });

  test('fails on text that is not a data URL', () => {
    expect(() => decodeDataUrl('https://example.com/x', 'file /etc/x')).toThrow('file /etc/x: not a data URL');
  });
});
