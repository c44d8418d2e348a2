/**
 * The staff home's sections, rendered from plain data (cms/home/): no data access here, so the
 * markup can be rendered and checked on its own. React escapes every value; links are admin
 * paths built by cms/home/context.ts, never CMS text.
 */
import type { CSSProperties, ReactNode } from 'react'

import type { StaffHomeData } from '../home'
import type { ReviewItem } from '../home/reviewQueue'

const roleLabels: Record<StaffHomeData['role'], string> = {
  admin: 'Quản trị hệ thống',
  editor: 'Biên tập viên',
  author: 'Tác giả',
  'data-reporter': 'Cán bộ báo cáo số liệu',
  anonymous: 'Khách',
}

const styles = {
  section: { margin: '0 0 2rem', padding: '1rem 1.25rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4, background: 'var(--theme-elevation-0)' },
  list: { margin: 0, paddingLeft: '1.25rem', display: 'grid', gap: '0.6rem' },
  meta: { color: 'var(--theme-elevation-700)', fontSize: '0.9em' },
  warn: { fontWeight: 600 },
  quote: { margin: '0.25rem 0 0', paddingLeft: '0.75rem', borderLeft: '3px solid var(--theme-elevation-300)' },
} satisfies Record<string, CSSProperties>

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id} data-home-section={id} style={styles.section}>
      <h2 id={id} style={{ marginTop: 0 }}>
        {title}
        {count !== undefined ? ` (${count})` : ''}
      </h2>
      {children}
    </section>
  )
}

const Empty = ({ children }: { children: ReactNode }) => <p style={styles.meta}>{children}</p>

function ReviewList({ items, empty, showComment }: { items: ReviewItem[]; empty: string; showComment?: boolean }) {
  if (!items.length) return <Empty>{empty}</Empty>
  return (
    <ul style={styles.list}>
      {items.map((item) => (
        <li key={`${item.collection}:${item.id}`}>
          <a href={item.href}>{item.title}</a> <span style={styles.meta}>— {item.collectionLabel}{item.updatedLabel ? `, ${item.updatedLabel}` : ''}</span>
          {showComment && item.comment ? (
            <blockquote style={styles.quote}>
              Nhận xét: {item.comment}
            </blockquote>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export function StaffHomeSections({ data, userName }: { data: StaffHomeData; userName?: string }) {
  const { review, missingFigures, overdueTasks, scheduled, build } = data
  return (
    <div className="staff-home">
      <h1>Việc cần làm</h1>
      <p style={styles.meta}>
        {userName ? `${userName} — ` : ''}
        {roleLabels[data.role]}. Các việc dưới đây dành cho vai trò của bạn; mở từng mục để xử lý.
      </p>

      {review?.awaiting ? (
        <Section id="cho-duyet" title="Chờ duyệt" count={review.awaiting.length}>
          <ReviewList items={review.awaiting} empty="Không có mục nào đang chờ duyệt." />
        </Section>
      ) : null}

      {review ? (
        <Section id="tra-lai" title="Bị trả lại cho tôi" count={review.returned.length}>
          <ReviewList items={review.returned} empty="Không có mục nào bị trả lại." showComment />
        </Section>
      ) : null}

      {review && review.mine.length ? (
        <Section id="da-gui" title="Tôi đã gửi, đang chờ duyệt" count={review.mine.length}>
          <ReviewList items={review.mine} empty="" />
        </Section>
      ) : null}

      {missingFigures ? (
        <Section id="so-lieu-thieu" title="Số liệu chưa báo cáo kỳ này" count={missingFigures.deadlines.reduce((n, d) => n + d.missing.length, 0)}>
          {missingFigures.scope ? <p style={styles.meta}>Của cơ quan: {missingFigures.scope}</p> : null}
          {missingFigures.deadlines.length === 0 ? (
            <Empty>Không có hạn báo cáo số liệu nào trong năm nay.</Empty>
          ) : (
            missingFigures.deadlines.map((d) => (
              <div key={`${d.plan.id}:${d.due}:${d.text}`} style={{ marginBottom: '1rem' }}>
                <h3 style={{ margin: '0 0 0.25rem', fontSize: '1em' }}>
                  {d.periodLabel}: hạn {d.dueLabel} ({d.daysLabel}) — <a href={d.plan.href}>{d.plan.documentNumber ?? d.plan.title}</a>
                </h3>
                <p style={{ ...styles.meta, margin: '0 0 0.5rem' }}>“{d.text}”</p>
                {d.missing.length === 0 ? (
                  <Empty>Tất cả {d.expected} cơ quan đã báo cáo.</Empty>
                ) : (
                  <ul style={styles.list}>
                    {d.missing.map((m) => (
                      <li key={String(m.id)}>
                        <span style={d.overdue ? styles.warn : undefined}>{d.overdue ? 'Quá hạn: ' : 'Chưa báo cáo: '}</span>
                        {m.name}
                        {m.insteadOf ? <span style={styles.meta}> (thay cho {m.insteadOf})</span> : null}
                        {m.missingIndicators.length ? (
                          <span style={styles.meta}> — còn thiếu: {m.missingIndicators.map((i) => i.name).join('; ')}</span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))
          )}
        </Section>
      ) : null}

      {overdueTasks ? (
        <Section id="nhiem-vu-qua-han" title="Nhiệm vụ quá hạn chưa hoàn thành" count={overdueTasks.total}>
          {overdueTasks.scope ? <p style={styles.meta}>Do cơ quan chủ trì: {overdueTasks.scope}</p> : null}
          {overdueTasks.items.length === 0 ? (
            <Empty>Không có nhiệm vụ nào quá hạn.</Empty>
          ) : (
            <ul style={styles.list}>
              {overdueTasks.items.map((t) => (
                <li key={`${t.plan.id}:${t.taskId}`}>
                  <a href={t.plan.href}>{t.plan.documentNumber ?? t.plan.title}</a>
                  {t.order !== undefined ? `, nhiệm vụ ${t.order}` : ''}: {t.content}
                  <br />
                  <span style={styles.meta}>
                    Hạn {t.dueLabel} (quá hạn {t.daysOverdue} ngày){t.lead ? ` · Chủ trì: ${t.lead}` : ''} · Tình trạng: {t.statusLabel}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {overdueTasks.total > overdueTasks.items.length ? (
            <p style={styles.meta}>Và {overdueTasks.total - overdueTasks.items.length} nhiệm vụ quá hạn khác (hiện những nhiệm vụ quá hạn lâu nhất).</p>
          ) : null}
        </Section>
      ) : null}

      {scheduled ? (
        <Section id="len-lich" title="Đã lên lịch xuất bản" count={scheduled.length}>
          {scheduled.length === 0 ? (
            <Empty>Không có mục nào được lên lịch.</Empty>
          ) : (
            <ul style={styles.list}>
              {scheduled.map((s) => (
                <li key={String(s.jobId)}>
                  {s.atLabel}: {s.actionLabel} <a href={s.href}>{s.title}</a> <span style={styles.meta}>— {s.collectionLabel}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}

      {build ? (
        <Section id="xay-dung-cong" title="Lần xây dựng cổng thông tin gần nhất">
          <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.25rem 1rem' }}>
            <dt>Trạng thái</dt>
            <dd style={{ margin: 0 }}>
              {build.stateLabel}
              {build.state === 'running' && build.startedAt ? `, bắt đầu lúc ${build.startedAt}` : ''}
            </dd>
            <dt>Kết quả gần nhất</dt>
            <dd style={{ margin: 0 }}>
              {build.lastOutcome === 'failure' ? <strong>Lỗi — cổng vẫn giữ bản trước</strong> : build.lastOutcome === 'success' ? 'Thành công' : 'Chưa xây dựng lần nào'}
            </dd>
            {build.lastSuccessAt ? (
              <>
                <dt>Thành công gần nhất</dt>
                <dd style={{ margin: 0 }}>
                  {build.lastSuccessAt}
                  {build.pages !== undefined ? `, ${build.pages} trang` : ''}
                </dd>
              </>
            ) : null}
            {build.lastFailureAt ? (
              <>
                <dt>Lỗi gần nhất</dt>
                <dd style={{ margin: 0 }}>{build.lastFailureAt}</dd>
              </>
            ) : null}
          </dl>
          {build.error ? <pre style={{ whiteSpace: 'pre-wrap', margin: '0.5rem 0 0' }}>{build.error}</pre> : null}
          <p style={{ marginBottom: 0 }}>
            <a href={build.href}>Xem chi tiết và xây dựng lại</a>
          </p>
        </Section>
      ) : null}
    </div>
  )
}
