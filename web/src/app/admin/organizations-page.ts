import { Component } from '@angular/core';

import { ComingSoon } from '../ui/coming-soon';

/** Registering and editing producer organizations (to be built). */
@Component({
  selector: 'app-organizations-page',
  imports: [ComingSoon],
  template: `<app-coming-soon heading="nav.organizations" explanation="comingSoon.organizations" />`,
})
export class OrganizationsPage {}
