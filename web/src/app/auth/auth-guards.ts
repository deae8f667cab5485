import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';

import { homeUrlFor, mayOpen, type Section } from './access';
import { signInUrlTree } from './return-url';
import { Session } from './session';

/** The URL being navigated to, for coming back after signing in. */
function attemptedUrl(router: Router): string {
  const navigation = router.currentNavigation();
  return navigation ? router.serializeUrl(navigation.extractedUrl) : '/';
}

/** Signed-out people go to the sign-in page, which brings them back here afterwards. */
export const requireSignedIn: CanMatchFn = () => {
  const router = inject(Router);
  return inject(Session).isSignedIn() || signInUrlTree(router, attemptedUrl(router));
};

/** The sign-in page is for signed-out people; the others go to their home. */
export const requireSignedOut: CanMatchFn = () => {
  const user = inject(Session).user();
  return user ? inject(Router).parseUrl(homeUrlFor(user.role)) : true;
};

/**
 * Only the roles of `section` may open it; other roles go to their home. Used with
 * `canMatch`, so the section's code is not even downloaded for the others.
 */
export function requireSection(section: Section): CanMatchFn {
  return () => {
    const router = inject(Router);
    const user = inject(Session).user();
    if (!user) return signInUrlTree(router, attemptedUrl(router));
    return mayOpen(user.role, section) || router.parseUrl(homeUrlFor(user.role));
  };
}

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The link of a request as the other side sees it (`<their section>/<request id>`): for the
 * roles of `section`, the same request there (`/<path>/<id>`); for anyone else this route
 * does not match, so the link goes on to the routes it was meant for.
 */
export function requestLinkInto(section: Section, path: string): CanMatchFn {
  return (_route, segments) => {
    const user = inject(Session).user();
    const id = segments[1]?.path ?? '';
    if (!user || !mayOpen(user.role, section) || !REQUEST_ID.test(id)) return false;
    return inject(Router).parseUrl(`/${path}/${id}`);
  };
}
