/**
 * Check-digit tests that tell a real BSN or IBAN from any other number of the same shape, so that order
 * numbers, amounts and article codes are left alone.
 */

/**
 * The BSN 11-proef: for the nine digits d1..d9, 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be a multiple of 11.
 * Accepts separators (dots, spaces) and an 8-digit BSN (a leading zero left out).
 */
export function isValidBsn(value: string): boolean {
  let digits = value.replace(/[\s.-]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return false;
  if (digits.length === 8) digits = `0${digits}`;
  if (/^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** IBAN lengths per country for the countries a Dutch school meets most; others only need 15–34 characters. */
const IBAN_LENGTHS: Record<string, number> = {
  NL: 18, BE: 16, DE: 22, FR: 27, GB: 22, ES: 24, IT: 27, LU: 20, AT: 20, CH: 21, PL: 28, TR: 26,
  PT: 25, IE: 22, DK: 18, SE: 24, NO: 15, FI: 18, MA: 28,
};

/** The ISO 13616 check: move the first four characters to the end, letters to numbers, and mod 97 must be 1. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    // Letters count as two digits (A = 10 … Z = 35); fold digit by digit so no number grows large.
    const chunk = code >= 65 ? String(code - 55) : char;
    for (const digit of chunk) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
