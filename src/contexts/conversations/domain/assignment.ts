/** Who may be given a conversation: an active user who can reply (an auditor only reads). */
export function isAssignable(user: { active: boolean; role: string }): boolean {
  return user.active && user.role !== 'auditor';
}
