import { describe, expect, test } from 'vitest'

import { isDocumentNumber } from '../cms/lib/documentNumber'
import { foldVietnamese, formatDate, formatNumber, formatPercent, slugify } from '../cms/lib/vietnamese'

describe('Vietnamese folding and slugs', () => {
  test.each([
    ['Tháng khuyến học 2023', 'thang-khuyen-hoc-2023'],
    ['Đơn vị học tập', 'don-vi-hoc-tap'],
    ['Dòng họ học tập', 'dong-ho-hoc-tap'],
    ['Hội đồng Thi đua - Khen thưởng tỉnh', 'hoi-dong-thi-dua-khen-thuong-tinh'],
    ['  “Cả nước thi đua” — 2023/2030!  ', 'ca-nuoc-thi-dua-2023-2030'],
    ['ĐỒNG BẰNG SÔNG HỒNG', 'dong-bang-song-hong'],
    ['Xuân khuyến học Giáp Thìn', 'xuan-khuyen-hoc-giap-thin'],
  ])('%s → %s', (input, slug) => {
    expect(slugify(input)).toBe(slug)
  })

  test('folds đ/Đ, which Unicode decomposition leaves alone', () => {
    expect('đ'.normalize('NFD')).toBe('đ')
    expect(foldVietnamese('Đơn vị đạt chuẩn')).toBe('Don vi dat chuan')
    expect(foldVietnamese('khuyến học')).toBe('khuyen hoc')
  })

  test('slugs of decomposed (NFD) input equal those of composed input', () => {
    expect(slugify('Tháng khuyến học'.normalize('NFD'))).toBe(slugify('Tháng khuyến học'))
  })
})

describe('document numbers', () => {
  test.each(['38/KH-HĐTĐKT', '1315/QĐ-TTg', '04/2020/QĐ-UBND', '34-CT/TW', '04/HĐTĐKT-TĐKT', '6418/VP-VX', '29/KH-KHKH', '49-KL/TW', '934/UBND-KGVX'])(
    'accepts %s',
    (value) => expect(isDocumentNumber(value)).toBe(true),
  )
  test.each(['', 'KH-HĐTĐKT', '/KH-KTĐ', '38', '38/', 'số 38/KH', '38/KH HĐ', '12/2023'])('rejects %s', (value) =>
    expect(isDocumentNumber(value)).toBe(false),
  )
})

describe('Vietnamese number and date formats', () => {
  test('decimal comma and thousands dot', () => {
    expect(formatPercent(99.32)).toBe('99,32%')
    expect(formatNumber(34.4)).toBe('34,4')
    expect(formatNumber(2300000)).toBe('2.300.000')
  })
  test('day padded, month not', () => {
    expect(formatDate('2023-04-04')).toBe('04/4/2023')
    expect(formatDate('2023-11-14')).toBe('14/11/2023')
  })
})
