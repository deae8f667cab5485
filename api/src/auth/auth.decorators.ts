import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { type Permission, rolesWith } from '@portal/shared';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'portal:public';
export const REQUIRED_PERMISSIONS = 'portal:permissions';

/** Opens a route to callers who are not signed in. Use for the few routes that need it. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

/**
 * The permission a route (or every route of a controller) needs (shared/src/permissions.ts);
 * given several, any one of them. A route that names none is refused to everybody: access is
 * granted, never assumed. The permissions, and the roles that hold them, also appear in the
 * OpenAPI document as `x-permissions` and `x-roles`; the route-permissions snapshot test
 * reads the roles.
 */
export const RequirePermission = (...permissions: [Permission, ...Permission[]]) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS, permissions),
    ApiExtension('x-permissions', permissions),
    ApiExtension('x-roles', rolesWith(...permissions)),
  );

/** The signed-in caller, as the JWT strategy loaded it. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
