/** The portal's name, as the public site, its feeds and embeds, and the admin's page titles show it. */
export const PORTAL_NAME = 'Cổng thông tin Xã hội học tập'

export type PortalLink = { label: string; link: string }

/** The main menu until staff change it in "Cấu hình cổng thông tin". */
export const defaultNavigation: PortalLink[] = [
  { label: 'Trang chủ', link: '/' },
  { label: 'Văn bản', link: '/van-ban/' },
  { label: 'Phong trào', link: '/phong-trao/' },
  { label: 'Điển hình', link: '/dien-hinh/' },
  { label: 'Tin tức', link: '/tin-tuc/' },
  { label: 'Tiến độ', link: '/tien-do/' },
  { label: 'Cơ quan', link: '/co-quan/' },
  { label: 'Tìm kiếm', link: '/tim-kiem/' },
]

/** Footer links to the information pages seeded from content/pages. */
export const defaultFooterLinks: PortalLink[] = [
  { label: 'Giới thiệu', link: '/trang/gioi-thieu/' },
  { label: 'Bảo vệ dữ liệu cá nhân', link: '/trang/bao-ve-du-lieu-ca-nhan/' },
]
