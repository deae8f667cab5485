import { Component } from '@angular/core';

import { ComingSoon } from '../ui/coming-soon';

/** A member submits a new service request (to be built). */
@Component({
  selector: 'app-new-request-page',
  imports: [ComingSoon],
  template: `<app-coming-soon heading="nav.newRequest" explanation="comingSoon.newRequest" />`,
})
export class NewRequestPage {}
