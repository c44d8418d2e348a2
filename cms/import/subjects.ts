/**
 * Who a sentence assigns work to: "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương) chủ trì,
 * phối hợp với Bộ Giáo dục và Đào tạo hướng dẫn …" → lead "Bộ Nội vụ (…)", coordinating
 * "Bộ Giáo dục và Đào tạo". The subject is a body's name at the start of the sentence, up to its
 * first verb; "Giao …" and "Đề nghị …" introduce it.
 */
import { capitalizeFirst } from './text.ts'

const HEADS = [
  'Các cấp Hội', 'Các bộ', 'Các cơ quan', 'Các sở', 'Các đơn vị', 'Các Cụm', 'Các Khối', 'Các thành viên', 'Ủy ban', 'Uỷ ban', 'UBND', 'UBMTTQ', 'Hội đồng',
  'Hội', 'Ban', 'Bộ', 'Sở', 'Văn phòng', 'Trung tâm', 'Cơ quan', 'Phòng', 'Đài', 'Báo', 'Khối', 'Cụm', 'Thủ tướng', 'Chính phủ', 'Tỉnh ủy', 'Huyện ủy',
  'Thành ủy', 'Đảng ủy', 'Mặt trận', 'Bảo hiểm', 'BHXH', 'Ngân hàng', 'Tổng cục', 'Cục', 'Viện', 'Trường', 'Đoàn', 'Liên đoàn', 'Thành viên', 'Thường trực',
]
const NOT_BODIES = /^(?:Hội nghị|Hội thảo|Hội thi|Hội diễn|Báo cáo|Ban hành|Phòng chống|Phòng, chống|Cơ quan báo chí)(?=[\s,]|$)/iu
const HEAD = new RegExp(`^(?:${HEADS.join('|')})(?=[\\s,]|$)`, 'iu')

// Verbs that end a subject; "tổ chức chính trị - xã hội" and "xây dựng xã hội học tập" are nouns.
const VERB = new RegExp(
  '\\s(?:căn cứ|nghiên cứu|chủ trì|phối hợp|bố trí|vận động|xây dựng(?! xã hội học tập)|triển khai|tiếp tục|tổ chức(?! chính trị| xã hội| hội viên|,| và)|thực hiện|tham mưu|chỉ đạo|báo cáo|làm tốt|chuẩn bị|ban hành|hướng dẫn|kiểm tra|có trách nhiệm|chịu trách nhiệm|đề xuất|rà soát|theo dõi|thông báo|phát động|tập trung|thống nhất|quán triệt|cần|được giao|lập|gửi|đôn đốc|giúp)(?=[\\s,:;.]|$)',
  'u',
)

const LEADING_TIME = /^((?:Hằng|Hàng) năm|Trước ngày [^,]{3,40}|Định kỳ[^,]{0,40}),\s*/iu

/** A time phrase the sentence opens with ("Hằng năm, …", "Trước ngày 15 tháng 12 hàng năm, …"). */
export function leadingTime(text: string): { time: string | null; rest: string } {
  const m = text.match(LEADING_TIME)
  return m ? { time: capitalizeFirst(m[1].trim()), rest: text.slice(m[0].length) } : { time: null, rest: text }
}

/** The body a sentence names first, or null when it opens with a verb ("Xây dựng kế hoạch …"). */
export function subjectOf(sentence: string): string | null {
  const text = leadingTime(sentence).rest.replace(/^(?:Giao|Đề nghị)\s+/u, '').trim()
  if (!HEAD.test(text) || NOT_BODIES.test(text)) return null
  const verb = text.search(VERB)
  if (verb <= 0) return null
  const subject = text.slice(0, verb).replace(/[,;:]\s*$/, '').trim()
  return subject.split(/\s+/).length <= 45 ? subject : null
}

/** "… phối hợp với A, B và C nghiên cứu …" → "A, B và C". */
export function coordinatingOf(sentence: string): string | null {
  const m = sentence.match(/phối hợp (?:chặt chẽ )?với\s+(.+)$/u)
  if (!m) return null
  const rest = m[1]
  const end = rest.search(VERB)
  const text = (end > 0 ? rest.slice(0, end) : rest.split(/[;:.]/)[0]).replace(/[,;:.]\s*$/, '').trim()
  return text || null
}

/** "Sở Nội vụ, Sở Tài chính, Hội Khuyến học tỉnh và các cơ quan, đơn vị có liên quan" → its bodies. */
export function splitBodies(text: string): string[] {
  const parts: string[] = []
  for (const piece of text.split(/\s*;\s*/)) {
    let current = ''
    for (const chunk of piece.split(/(,\s*|\s+và\s+)/u)) {
      if (/^(,\s*|\s+và\s+)$/u.test(chunk)) {
        current += chunk
        continue
      }
      if (current && HEAD.test(chunk) && /^\p{Lu}|^các\s/u.test(chunk)) {
        parts.push(current.replace(/(,\s*|\s+và\s+)$/u, '').trim())
        current = chunk
      } else current += chunk
    }
    if (current.trim()) parts.push(current.replace(/(,\s*|\s+và\s+)$/u, '').trim())
  }
  return parts.filter(Boolean)
}
