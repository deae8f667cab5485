import { base32Decode, base32Encode, matchTotp, totpCode, totpStep } from './totp';

// RFC 6238, appendix B: the SHA-1 key "12345678901234567890" and its 8-digit codes; ours are their last 6 digits.
const RFC_KEY = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it('gives the codes of RFC 6238 appendix B (SHA-1, last six digits)', () => {
    expect(totpCode(RFC_KEY, totpStep(59_000))).toBe('287082');
    expect(totpCode(RFC_KEY, totpStep(1_111_111_109_000))).toBe('081804');
    expect(totpCode(RFC_KEY, totpStep(1_234_567_890_000))).toBe('005924');
    expect(totpCode(RFC_KEY, totpStep(2_000_000_000_000))).toBe('279037');
  });

  it('round-trips base32', () => {
    expect(base32Decode(RFC_KEY).toString()).toBe('12345678901234567890');
    expect(RFC_KEY).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('takes a code of the step before or after, once, and refuses others', () => {
    const at = 1_700_000_000_000;
    const step = totpStep(at);
    expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step - 1), at, null)).toBe(step - 1);
    expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step + 1), at, null)).toBe(step + 1);
    expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step - 2), at, null)).toBeNull();
    expect(matchTotp(RFC_KEY, totpCode(RFC_KEY, step), at, step)).toBeNull();
    expect(matchTotp(RFC_KEY, '12345', at, null)).toBeNull();
  });
});
