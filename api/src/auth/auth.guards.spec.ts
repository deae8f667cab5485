import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@portal/shared';
import type { AuthUser } from './auth-user';
import { Public, RequirePermission } from './auth.decorators';
import { PermissionGuard } from './auth.guards';
import { ForbiddenRoleException, UnauthenticatedException } from './auth.exceptions';

class Routes {
  unmarked() {}
  @Public()
  open() {}
  @RequirePermission('reports.read')
  reports() {}
  @RequirePermission('case.escalate', 'case.claim')
  handOver() {}
}

@RequirePermission('users.manage')
class AdminRoutes {
  list() {}
}

const guard = new PermissionGuard(new Reflector());

function check(target: object, handler: string, role: Role | null): boolean {
  const user = role ? ({ role } as AuthUser) : undefined;
  const context = {
    getHandler: () => (target as Record<string, unknown>)[handler],
    getClass: () => target.constructor,
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
  return guard.canActivate(context);
}

describe('PermissionGuard', () => {
  const routes = new Routes();

  it('refuses a route that names no permission to everyone, admins included (deny by default)', () => {
    expect(() => check(routes, 'unmarked', 'admin')).toThrow(ForbiddenRoleException);
  });

  it('lets anyone through a @Public() route, signed in or not', () => {
    expect(check(routes, 'open', null)).toBe(true);
  });

  it("admits the roles holding the route's permission and refuses the others", () => {
    expect(check(routes, 'reports', 'director')).toBe(true);
    expect(() => check(routes, 'reports', 'specialist')).toThrow(ForbiddenRoleException);
    expect(() => check(routes, 'reports', null)).toThrow(UnauthenticatedException);
  });

  it('admits a role holding any one of several permissions', () => {
    expect(check(routes, 'handOver', 'representative')).toBe(true);
    expect(check(routes, 'handOver', 'director')).toBe(true);
    expect(() => check(routes, 'handOver', 'executive')).toThrow(ForbiddenRoleException);
  });

  it("reads a controller's permission for each of its routes", () => {
    const admin = new AdminRoutes();
    expect(check(admin, 'list', 'admin')).toBe(true);
    expect(() => check(admin, 'list', 'executive')).toThrow(ForbiddenRoleException);
  });
});
