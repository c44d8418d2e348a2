/** The portal's name, as the public site, its feeds and embeds, and the admin's page titles show it. */
export const PORTAL_NAME = 'Cổng thông tin Xã hội học tập'
