/** Only a path inside this app, never another site or the sign-in page itself. */
export function safeReturnUrl(returnUrl: string | undefined): string {
  if (
    !returnUrl ||
    !returnUrl.startsWith('/') ||
    returnUrl.startsWith('//') ||
    returnUrl.startsWith('/sign-in')
  ) {
    return '/';
  }
  return returnUrl;
}
