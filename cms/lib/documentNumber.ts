/**
 * Shape of a Vietnamese official document number ("số, ký hiệu"), e.g.
 * 38/KH-HĐTĐKT, 1315/QĐ-TTg, 04/2020/QĐ-UBND, 34-CT/TW, 04/HĐTĐKT-TĐKT, 6418/VP-VX.
 * Number, optional year, then a symbol of letters joined by "-" or "/".
 */
export const DOCUMENT_NUMBER_PATTERN =
  /^\d{1,6}(?:\/\d{4})?[/-][\p{L}\d]*\p{L}[\p{L}\d]*(?:[-/&.][\p{L}\d]+)*$/u

export function isDocumentNumber(value: string): boolean {
  return DOCUMENT_NUMBER_PATTERN.test(value.trim())
}
