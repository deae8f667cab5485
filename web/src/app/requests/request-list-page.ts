import { Component } from '@angular/core';

import { ComingSoon } from '../ui/coming-soon';

/** The requests of the member's organization (to be built). */
@Component({
  selector: 'app-request-list-page',
  imports: [ComingSoon],
  template: `<app-coming-soon heading="nav.myRequests" explanation="comingSoon.myRequests" />`,
})
export class RequestListPage {}
