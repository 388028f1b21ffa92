/**
 * One field of every CSV file the project writes (RFC 4180: a field with a
 * comma, quote or line break is quoted, quotes doubled), with formula injection
 * neutralised as OWASP recommends: a text that a spreadsheet would take for a
 * formula (it begins with =, +, -, @, a tab or a carriage return) is written
 * with a ' in front, so it shows as the text it is. A text that is a plain
 * number ("-5", "+1.5e3") is data, not a formula, and is written as it is.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
