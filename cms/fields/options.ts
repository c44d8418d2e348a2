/**
 * Option lists shared by the CMS (select fields), the seed (content/ values) and the site
 * (labels). Values are English and stable; labels are what people read.
 */
export type Option<V extends string = string> = { value: V; label: { vi: string; en: string } }

export const opt = <V extends string>(value: V, vi: string, en: string): Option<V> => ({ value, label: { vi, en } })

export const organizationKinds = [
  opt('study-promotion-association', 'Hội Khuyến học', 'Study promotion association'),
  opt('peoples-committee', 'Ủy ban nhân dân', "People's committee"),
  opt('government', 'Chính phủ', 'Government'),
  opt('government-office', 'Văn phòng', 'Office'),
  opt('ministry', 'Bộ, cơ quan ngang bộ', 'Ministry'),
  opt('department', 'Sở, ban, ngành', 'Department'),
  opt('emulation-council', 'Hội đồng Thi đua - Khen thưởng', 'Emulation and commendation council'),
  opt('emulation-board', 'Ban Thi đua - Khen thưởng', 'Emulation and commendation board'),
  opt('emulation-bloc', 'Khối thi đua', 'Emulation bloc'),
  opt('emulation-cluster', 'Cụm thi đua', 'Emulation cluster'),
  opt('steering-committee', 'Ban Chỉ đạo', 'Steering committee'),
  opt('party-body', 'Cơ quan Đảng', 'Party body'),
  opt('national-assembly', 'Quốc hội, Hội đồng nhân dân', 'National Assembly or council'),
  opt('fatherland-front', 'Mặt trận Tổ quốc', 'Fatherland Front'),
  opt('mass-organization', 'Đoàn thể, hội', 'Mass organisation'),
  opt('press', 'Báo chí, phát thanh, truyền hình', 'Press'),
  opt('public-service-unit', 'Đơn vị sự nghiệp', 'Public service unit'),
  opt('other', 'Khác', 'Other'),
] as const

export const organizationLevels = [
  opt('central', 'Trung ương', 'Central'),
  opt('province', 'Tỉnh, thành phố', 'Province'),
  opt('district', 'Huyện, quận', 'District'),
  opt('commune', 'Xã, phường, thị trấn', 'Commune'),
] as const

export const leadershipRoles = [
  opt('head', 'Trưởng khối/cụm', 'Head unit'),
  opt('deputy', 'Phó khối/cụm', 'Deputy unit'),
] as const

export const documentTypes = [
  opt('plan', 'Kế hoạch', 'Plan'),
  opt('decision', 'Quyết định', 'Decision'),
  opt('dispatch', 'Công văn', 'Dispatch'),
  opt('directive', 'Chỉ thị', 'Directive'),
  opt('guidance', 'Hướng dẫn', 'Guidance'),
  opt('resolution', 'Nghị quyết', 'Resolution'),
  opt('notice', 'Thông báo', 'Notice'),
  opt('report', 'Báo cáo', 'Report'),
] as const

export const taskStatuses = [
  opt('not-reported', 'Chưa cập nhật', 'Not reported'),
  opt('not-started', 'Chưa thực hiện', 'Not started'),
  opt('in-progress', 'Đang thực hiện', 'In progress'),
  opt('completed', 'Đã hoàn thành', 'Completed'),
] as const

/**
 * What a progress update of a plan task says (cms/collections/TaskUpdates.ts). The values the
 * plan's own task status also has keep its labels; a task no update speaks of is "Chưa cập nhật".
 */
export const taskUpdateStatuses = [
  opt('not-started', 'Chưa thực hiện', 'Not started'),
  opt('in-progress', 'Đang thực hiện', 'In progress'),
  opt('paused', 'Tạm dừng', 'Paused'),
  opt('completed', 'Đã hoàn thành', 'Completed'),
] as const
export type TaskUpdateStatus = (typeof taskUpdateStatuses)[number]['value']

/** The Vietnamese label of a task status, whether a plan's own task or a progress update says it. */
export function taskStatusLabel(value: string): string | undefined {
  return [...taskUpdateStatuses, ...taskStatuses].find((s) => s.value === value)?.label.vi
}

export const indicatorUnits = [
  opt('percent', '%', 'percent'),
  opt('people', 'người', 'people'),
  opt('visits', 'lượt', 'visits'),
  opt('vnd-per-person', 'đồng/người', 'VND per person'),
  opt('beds-per-10000', 'giường/10.000 dân', 'beds per 10,000 people'),
  opt('delegations', 'đoàn', 'delegations'),
  opt('events', 'hội nghị, hội thảo', 'events'),
  opt('count', 'đơn vị', 'count'),
] as const

export const indicatorDirections = [
  opt('higher-is-better', 'Càng cao càng tốt', 'Higher is better'),
  opt('lower-is-better', 'Càng thấp càng tốt', 'Lower is better'),
] as const

export const honoureeKinds = [
  opt('individual', 'Cá nhân', 'Individual'),
  opt('learning-family', 'Gia đình học tập', 'Learning family'),
  opt('learning-clan', 'Dòng họ học tập', 'Learning clan'),
  opt('learning-community', 'Cộng đồng học tập', 'Learning community'),
  opt('learning-unit', 'Đơn vị học tập', 'Learning unit'),
  opt('learning-citizen', 'Công dân học tập', 'Learning citizen'),
  opt('collective', 'Tập thể', 'Collective'),
] as const

/** Kinds that are a single person: publishing them needs recorded consent. */
export const individualHonoureeKinds = ['individual', 'learning-citizen'] as const

export const awardKinds = [
  opt('pm-certificate', 'Bằng khen của Thủ tướng Chính phủ', "Prime Minister's certificate of merit"),
  opt('ministry-certificate', 'Bằng khen cấp bộ, ban, ngành, đoàn thể Trung ương', 'Ministry certificate of merit'),
  opt('province-certificate', 'Bằng khen của Chủ tịch UBND tỉnh', 'Provincial certificate of merit'),
  opt('certificate-of-merit', 'Giấy khen', 'Certificate of merit'),
  opt('emulation-flag', 'Cờ thi đua', 'Emulation flag'),
  opt('title', 'Danh hiệu', 'Title'),
] as const

export const campaignKinds = [
  opt('learning-month', 'Tháng khuyến học', 'Learning month'),
  opt('study-promotion-day', 'Ngày Khuyến học Việt Nam', 'Vietnam Study Promotion Day'),
  opt('tet-learning-spring', 'Xuân khuyến học', 'Tết learning spring'),
  opt('emulation-period', 'Đợt thi đua', 'Emulation period'),
  opt('movement', 'Phong trào thi đua', 'Emulation movement'),
  opt('movement-phase', 'Giai đoạn phong trào', 'Movement phase'),
] as const

export const campaignRecurrences = [
  opt('none', 'Không lặp lại', 'Does not recur'),
  opt('yearly', 'Hằng năm', 'Every year'),
] as const

export const userRoles = [
  opt('admin', 'Quản trị hệ thống', 'Administrator'),
  opt('editor', 'Biên tập viên (xuất bản)', 'Editor (publishes)'),
  opt('author', 'Tác giả (viết nháp)', 'Author (drafts only)'),
  opt('data-reporter', 'Cán bộ báo cáo số liệu', 'Data reporter'),
] as const

export type ValueOf<T extends readonly Option[]> = T[number]['value']
export type UserRole = ValueOf<typeof userRoles>

/**
 * Vietnamese URL slugs of the options that name portal pages (/van-ban/loai/ke-hoach/,
 * /dien-hinh/loai/gia-dinh-hoc-tap/, /dien-hinh/danh-hieu/giay-khen/): the Vietnamese label
 * folded by the slug rule (cms/lib/vietnamese.ts), shortened where the label is long. Written
 * out rather than computed so that editing a label never moves a page; tests/routes.test.ts
 * checks each is unique and made of its label's words.
 */
export const documentTypeSlugs: Record<ValueOf<typeof documentTypes>, string> = {
  plan: 'ke-hoach',
  decision: 'quyet-dinh',
  dispatch: 'cong-van',
  directive: 'chi-thi',
  guidance: 'huong-dan',
  resolution: 'nghi-quyet',
  notice: 'thong-bao',
  report: 'bao-cao',
}

export const honoureeKindSlugs: Record<ValueOf<typeof honoureeKinds>, string> = {
  individual: 'ca-nhan',
  'learning-family': 'gia-dinh-hoc-tap',
  'learning-clan': 'dong-ho-hoc-tap',
  'learning-community': 'cong-dong-hoc-tap',
  'learning-unit': 'don-vi-hoc-tap',
  'learning-citizen': 'cong-dan-hoc-tap',
  collective: 'tap-the',
}

export const awardKindSlugs: Record<ValueOf<typeof awardKinds>, string> = {
  'pm-certificate': 'bang-khen-thu-tuong-chinh-phu',
  'ministry-certificate': 'bang-khen-cap-bo-nganh-trung-uong',
  'province-certificate': 'bang-khen-chu-tich-ubnd-tinh',
  'certificate-of-merit': 'giay-khen',
  'emulation-flag': 'co-thi-dua',
  title: 'danh-hieu',
}

export const labelOf = (options: readonly Option[], value: string | null | undefined): string =>
  options.find((o) => o.value === value)?.label.vi ?? value ?? ''
