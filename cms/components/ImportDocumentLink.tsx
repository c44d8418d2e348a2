/** Above the documents list: the way to the importer. */
import Link from 'next/link'

export function ImportDocumentLink() {
  return (
    <p style={{ margin: '0 0 1rem' }}>
      <Link href="/admin/nhap-van-ban">Nhập văn bản từ tệp (.docx, .pdf, .txt)…</Link>
    </p>
  )
}
