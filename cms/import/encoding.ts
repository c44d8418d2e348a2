/**
 * Plain-text bytes to a string, and text typed in a legacy Vietnamese encoding (TCVN3/ABC with
 * .Vn fonts, VNI with VNI- fonts) recognised: such text reads as Latin-1 letters ("Hµ Néi",
 * "Vieät Nam") and must be converted to Unicode before it can be read.
 */
export class ImportError extends Error {
  code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
    this.name = 'ImportError'
  }
}

export const LEGACY_ENCODING_MESSAGE = (name: string) =>
  `Văn bản được gõ bằng bảng mã cũ ${name}, không phải Unicode, nên không đọc được chữ tiếng Việt. Hãy chuyển văn bản sang Unicode (ví dụ: Unikey → Công cụ chuyển mã, từ ${name} sang Unicode) rồi nhập lại.`

/** UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is read as Windows-1252, where legacy fonts' text lives. */
export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2))
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    return new TextDecoder('windows-1252').decode(data)
  }
}

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu
const LATIN1 = /[\u00A8-\u00FF]/g
// TCVN3 puts tone marks on ¸ µ ¶ · ¹ and đ on ®; VNI writes them as a second letter ("aø", "ñ").
const TCVN3_MARKS = /[¸µ¶·¹®¨]/g

/** 'TCVN3' or 'VNI' when the text looks typed in that encoding, else null. */
export function detectLegacyEncoding(text: string): 'TCVN3' | 'VNI' | null {
  const sample = text.slice(0, 20000)
  const latin = sample.match(LATIN1)?.length ?? 0
  const viet = sample.match(VIETNAMESE)?.length ?? 0
  if (latin < 20 || latin < 3 * viet) return null
  return (sample.match(TCVN3_MARKS)?.length ?? 0) >= latin / 4 ? 'TCVN3' : 'VNI'
}
