/** Machine-readable files: CSV (UTF-8 with BOM) and JSON, dot decimals. */

import { unitLabel } from './common'
import type { DataRow } from './rows'

export const CSV_COLUMNS = [
  'ma_chi_tieu',
  'ten_chi_tieu',
  'don_vi',
  'chieu',
  'nam',
  'pham_vi',
  'loai',
  'gia_tri',
  'nguon',
  'minh_hoa',
] as const
export type MachineRecord = {
  ma_chi_tieu: string
  ten_chi_tieu: string
  don_vi: string
  chieu: 'cang_cao_cang_tot' | 'cang_thap_cang_tot'
  nam: number
  pham_vi: string
  loai: 'muc_tieu' | 'thuc_hien'
  gia_tri: number
  nguon: string
  minh_hoa: boolean
}

export const BOM = '\uFEFF'

export function machineRecord(row: DataRow): MachineRecord {
  return {
    ma_chi_tieu: row.code,
    ten_chi_tieu: row.name,
    don_vi: unitLabel(row.unit),
    chieu: row.direction === 'lower-is-better' ? 'cang_thap_cang_tot' : 'cang_cao_cang_tot',
    nam: row.year,
    pham_vi: row.scope,
    loai: row.kind === 'target' ? 'muc_tieu' : 'thuc_hien',
    gia_tri: row.value,
    nguon: row.source,
    minh_hoa: row.illustrative,
  }
}

/** 99.32 → "99.32", 2300000 → "2300000": dot decimal, no grouping, never exponent notation. */
export function machineNumber(value: number): string {
  if (!Number.isFinite(value)) return ''
  const plain = String(value)
  if (!/e/i.test(plain)) return plain
  if (Number.isInteger(value)) return BigInt(value).toString()
  return value.toFixed(20).replace(/\.?0+$/, '')
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, and quotes are doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value == null) return ''
  const text = typeof value === 'number' ? machineNumber(value) : typeof value === 'boolean' ? (value ? 'co' : 'khong') : value
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** UTF-8 with BOM (so spreadsheet programs read the Vietnamese correctly), CRLF line ends. */
export function toCsv(rows: readonly DataRow[]): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const row of rows) {
    const record = machineRecord(row)
    lines.push(CSV_COLUMNS.map((c) => csvField(record[c])).join(','))
  }
  return `${BOM}${lines.join('\r\n')}\r\n`
}

export interface JsonMeta {
  title: string
  description: string
  pageUrl: string
  csvUrl: string
}

export function toJson(rows: readonly DataRow[], meta: JsonMeta): string {
  return JSON.stringify(
    {
      ten: meta.title,
      mo_ta: meta.description,
      trang: meta.pageUrl,
      csv: meta.csvUrl,
      ghi_chu:
        'gia_tri dùng dấu chấm thập phân, không phân tách hàng nghìn. loai: muc_tieu (mục tiêu) hoặc thuc_hien (thực hiện). minh_hoa: true là dữ liệu minh họa, không phải số liệu chính thức.',
      cot: CSV_COLUMNS,
      du_lieu: rows.map(machineRecord),
    },
    null,
    2,
  )
}
