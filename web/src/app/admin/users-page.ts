import { Component } from '@angular/core';

import { ComingSoon } from '../ui/coming-soon';

/** Inviting and managing users (to be built). */
@Component({
  selector: 'app-users-page',
  imports: [ComingSoon],
  template: `<app-coming-soon heading="nav.users" explanation="comingSoon.users" />`,
})
export class UsersPage {}
