/** Every value put into an e-mail's HTML goes through this. */
export const escapeHtml = (value: unknown) =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/** A short Vietnamese message as a whole HTML document. */
export const emailDocument = (title: string, body: string) =>
  `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a">
${body}
</body>
</html>
`
