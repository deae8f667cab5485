import { Component } from '@angular/core';

import { ComingSoon } from '../ui/coming-soon';

/** The requests a case worker handles (to be built). */
@Component({
  selector: 'app-inbox-page',
  imports: [ComingSoon],
  template: `<app-coming-soon heading="nav.inbox" explanation="comingSoon.inbox" />`,
})
export class InboxPage {}
