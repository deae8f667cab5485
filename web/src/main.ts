import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';
import { registerServiceWorker } from './app/offline/offline-state';

bootstrapApplication(App, appConfig)
  .then(() => registerServiceWorker())
  .catch((error: unknown) => console.error(error));
