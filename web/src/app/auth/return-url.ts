import type { Router, UrlTree } from '@angular/router';

/**
 * A URL inside this app to go to after signing in: only a local path, never another site
 * ("//evil.example", "/\\evil.example") and never the sign-in page itself.
 */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/')) return '/';
  return value;
}

/** The sign-in page, remembering where to come back to (nothing to remember for the home page). */
export function signInUrlTree(router: Router, returnUrl: string): UrlTree {
  const target = safeReturnUrl(returnUrl);
  return router.createUrlTree(['/login'], target === '/' ? {} : { queryParams: { returnUrl: target } });
}
