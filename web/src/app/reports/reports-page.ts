import { Component } from '@angular/core';

import { ComingSoon } from '../ui/coming-soon';

/** Load, deadline and satisfaction reports (to be built). */
@Component({
  selector: 'app-reports-page',
  imports: [ComingSoon],
  template: `<app-coming-soon heading="nav.reports" explanation="comingSoon.reports" />`,
})
export class ReportsPage {}
