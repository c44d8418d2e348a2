'use client'
/**
 * "Mật khẩu hiện tại" on one's own account screen: Payload's masked password input, but
 * optional in the form — the server asks for it only when the email or password changes
 * (cms/hooks/userAccounts.ts), and Payload's own password check would make it required.
 */
import { PasswordField } from '@payloadcms/ui'
import type { TextFieldClientProps } from 'payload'

const optional = () => true as const

export function CurrentPasswordField(props: TextFieldClientProps) {
  return <PasswordField {...props} autoComplete="current-password" path={props.path ?? props.field.name} validate={optional} />
}
