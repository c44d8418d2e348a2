/**
 * The figures sheet's columns, in one place: the template, the export, the parser and the
 * error messages all use these headers, so a file exported here imports as it is.
 */
export const figureColumns = [
  { key: 'code', header: 'Mã chỉ tiêu', width: 14 },
  { key: 'name', header: 'Tên chỉ tiêu', width: 48 },
  { key: 'unit', header: 'Đơn vị tính', width: 14 },
  { key: 'year', header: 'Năm', width: 8 },
  { key: 'periodLabel', header: 'Kỳ báo cáo', width: 16 },
  { key: 'locality', header: 'Địa bàn', width: 26 },
  { key: 'value', header: 'Giá trị thực hiện', width: 16 },
  { key: 'organization', header: 'Cơ quan báo cáo', width: 40 },
  { key: 'source', header: 'Nguồn số liệu', width: 40 },
  { key: 'note', header: 'Ghi chú', width: 30 },
] as const

export type FigureColumn = (typeof figureColumns)[number]['key']

/** Columns a file must have; name and unit are there for people and are not read back. */
export const requiredColumns: readonly FigureColumn[] = ['code', 'year', 'periodLabel', 'locality', 'value', 'organization']

export const headerOf = (key: FigureColumn) => figureColumns.find((c) => c.key === key)!.header

/** The data sheet's name, and the hidden sheet holding the lists the data sheet's cells accept. */
export const DATA_SHEET = 'Số liệu'
export const LISTS_SHEET = 'Danh mục'
