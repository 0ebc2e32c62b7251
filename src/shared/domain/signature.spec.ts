import { checkSignature, SIGNATURE_MAX } from './signature';

describe('signature rule', () => {
  it('keeps several lines of plain text with variables, line endings normalized and the ends trimmed', () => {
    expect(checkSignature('signature', '\r\nAnna {{agent.name}}\r\nSupport, {{ agent.email }}\n\n  ')).toBe('Anna {{agent.name}}\nSupport, {{ agent.email }}');
  });

  it('takes an empty signature as none', () => {
    expect(checkSignature('signature', '  \n ')).toBe('');
  });

  it('refuses an unknown variable, naming it and the field', () => {
    expect(() => checkSignature('signature', 'Best, {{agent.phone}}')).toThrow(/^signature: unknown variable \{\{agent\.phone\}\}/);
  });

  it('refuses more than the bound, and control characters', () => {
    expect(() => checkSignature('signature', 'x'.repeat(SIGNATURE_MAX + 1))).toThrow(`signature must be at most ${SIGNATURE_MAX} characters`);
    expect(checkSignature('signature', 'x'.repeat(SIGNATURE_MAX))).toHaveLength(SIGNATURE_MAX);
    expect(() => checkSignature('signature', 'Anna\u0007')).toThrow(/plain text/);
  });
});
