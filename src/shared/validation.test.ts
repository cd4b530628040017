import { describe, expect, it } from 'vitest';
import { contractSchemas, describeIssue } from './contract-schemas';
import { tagSchema } from './validation';

describe('tag messages', () => {
  it('show a bad value on one line, its line breaks written as \\n', () => {
    const result = tagSchema.safeParse('bad\ntag\r\n\nvalue');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      '"bad\\ntag\\r\\n\\nvalue" is not a tag: use up to 50 letters, digits, -, _ or /.',
    );
  });

  it('write the Unicode line and paragraph separators as escapes too', () => {
    const message = tagSchema.safeParse('line\u2028separator\u2029paragraph').error?.issues[0]
      ?.message;
    expect(message).toBe(
      '"line\\u2028separator\\u2029paragraph" is not a tag: use up to 50 letters, digits, -, _ or /.',
    );
  });

  it('reach the caller as they are, one sentence, whatever the value held', () => {
    const result = contractSchemas.setTags.safeParse({ id: 'a', tags: ['a\u2028b'] });
    if (result.success) throw new Error('the tag was accepted');
    expect(describeIssue('setTags', result.error)).toBe(
      '"a\\u2028b" is not a tag: use up to 50 letters, digits, -, _ or /.',
    );
  });

  it('keep the short form for an ordinary bad tag, and cut a long one', () => {
    expect(tagSchema.safeParse('<script>').error?.issues[0]?.message).toBe(
      '"<script>" is not a tag: use up to 50 letters, digits, -, _ or /.',
    );
    const long = tagSchema.safeParse('x'.repeat(200)).error?.issues[0]?.message;
    expect(long).toBe(
      `"${'x'.repeat(60)}…" is not a tag: use up to 50 letters, digits, -, _ or /.`,
    );
  });
});
