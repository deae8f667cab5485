import { HttpClient, type HttpHandler, HttpXhrBackend } from '@angular/common/http';
import { EnvironmentInjector, inject, Injectable, runInInjectionContext } from '@angular/core';

import { authInterceptor } from '../auth/auth-interceptor';

/**
 * An HttpClient for file uploads, over XMLHttpRequest. Angular 22's default backend is
 * fetch, which cannot report upload progress; a member on a slow line must see how far a
 * file has gone. Calls still go through the app's auth interceptor (token, refresh on 401,
 * Accept-Language), exactly as the app's own HttpClient sends them.
 */
@Injectable({ providedIn: 'root' })
export class UploadHttp {
  readonly client: HttpClient;

  constructor() {
    const injector = inject(EnvironmentInjector);
    const xhr = inject(HttpXhrBackend);
    const handler: HttpHandler = {
      handle: (request) => runInInjectionContext(injector, () => authInterceptor(request, (next) => xhr.handle(next))),
    };
    this.client = new HttpClient(handler);
  }
}
