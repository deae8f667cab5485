import { provideHttpClient, withInterceptors, withXhr } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';

import { routes } from './app.routes';
import { authInterceptor } from './auth/auth-interceptor';
import { Session } from './auth/session';
import { TranslatedTitleStrategy } from './core/page-title';
import { resumePendingRequests } from './core/resume-pending-requests';
import { I18n } from './i18n/i18n';
import { offlineInterceptor } from './offline/offline-state';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled', anchorScrolling: 'enabled' }),
    ),
    // XHR rather than fetch: uploads of attachments report their progress (fetch does not).
    provideHttpClient(withXhr(), withInterceptors([authInterceptor, offlineInterceptor])),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    // The first page waits for its texts, in one language only: the one picked on this device
    // or the account's, known once the session is restored (the boot message shows meanwhile).
    provideAppInitializer(() => {
      const i18n = inject(I18n);
      const restored = inject(Session).restore();
      return Promise.all([restored, i18n.ready()]).then(() => i18n.ready());
    }),
    // A request that waited for a connection is sent whatever page the member opens.
    provideAppInitializer(resumePendingRequests),
  ],
};
