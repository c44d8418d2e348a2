/**
 * One file may hold several documents (a dispatch and the decision it forwards). A new document
 * starts at a number line ("Số: 1315/QĐ-TTg") once the current one has had its "Nơi nhận", together
 * with the issuer and national-motto lines just above it. A plan issued with a decision
 * ("KẾ HOẠCH … (Kèm theo Quyết định …)") has no number of its own and stays with the decision.
 */
import { NUMBER_LINE, normalizeNumber } from './header.ts'
import { cleanLine, isUpperCaseLine } from './text.ts'

export function splitDocuments(text: string): string[][] {
  const lines = text.split('\n')
  const starts = [0]
  let closed = false
  lines.forEach((raw, i) => {
    const line = cleanLine(raw)
    if (/^Nơi nhận\s*:?/u.test(line)) closed = true
    const num = line.match(NUMBER_LINE)
    if (closed && num && normalizeNumber(num[1])) {
      let start = i
      while (start - 1 > starts[starts.length - 1]) {
        const above = cleanLine(lines[start - 1])
        if (above && !isUpperCaseLine(above) && !/Độc lập\s*-\s*Tự do/u.test(above)) break
        start--
      }
      while (start < i && !cleanLine(lines[start])) start++
      starts.push(start)
      closed = false
    }
  })
  return starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length))
}
