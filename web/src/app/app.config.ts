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
    provideHttpClient(withXhr(), withInterceptors([authInterceptor])),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideAppInitializer(() => inject(Session).restore()),
    // A request that waited for a connection is sent whatever page the member opens.
    provideAppInitializer(resumePendingRequests),
  ],
};
