// A phone number as people type it, for the callback request. Pure.

/** A phone number as people type it: 6–15 digits, optionally "+" first, with spaces, /, -, ( ). */
export function parsePhone(text: string): string | undefined {
  const t = text.trim();
  if (!/^\+?[\d\s/().-]+$/.test(t)) return undefined;
  const digits = t.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 15) return undefined;
  if (!t.startsWith('+') && !t.startsWith('0') && !t.startsWith('(0')) return undefined;
  return t.replace(/\s+/g, ' ');
}
