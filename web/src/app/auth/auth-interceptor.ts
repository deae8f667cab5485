import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, defer, switchMap, throwError } from 'rxjs';

import { isApiUrl, SESSION_CALL } from '../core/api';
import { I18n } from '../i18n/i18n';
import { Session } from './session';

/**
 * On every call to the portal's API: sends the interface language, attaches the access
 * token (refreshed first when about to expire) and, when the API answers 401, refreshes
 * the token once and repeats the call. A second 401 ends the session.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url)) return next(request);
  const session = inject(Session);
  const localized = request.clone({ setHeaders: { 'Accept-Language': inject(I18n).language() } });
  if (request.context.get(SESSION_CALL)) return next(localized);

  const sendWith = (token: string | null) =>
    next(token ? localized.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : localized);

  return defer(() => session.accessTokenForRequest()).pipe(
    switchMap((token) =>
      sendWith(token).pipe(
        catchError((error: unknown) => {
          if (!token || !isUnauthorized(error)) return throwError(() => error);
          return defer(() => session.refreshAccessToken(token)).pipe(
            switchMap((freshToken) => sendWith(freshToken)),
            catchError((retryError: unknown) => {
              if (isUnauthorized(retryError)) session.endExpiredSession();
              return throwError(() => retryError);
            }),
          );
        }),
      ),
    ),
  );
};

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}
