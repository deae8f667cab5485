import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ROLES, type Role } from '@portal/shared';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'portal:public';
export const ALLOWED_ROLES = 'portal:roles';

/** Opens a route to callers who are not signed in. Use for the few routes that need it. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

/**
 * The roles allowed on a route (or every route of a controller). A route that names none
 * is refused to everybody: access is granted, never assumed. The roles also appear in the
 * OpenAPI document as `x-roles`, which the route-permissions snapshot test reads.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ALLOWED_ROLES, roles), ApiExtension('x-roles', roles));

/** Any signed-in person, whatever the role. */
export const AnyRole = () => Roles(...ROLES);

/** The signed-in caller, as the JWT strategy loaded it. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
