import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { type Permission, rolesWith } from '@portal/shared';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'portal:public';
export const REQUIRED_PERMISSIONS = 'portal:permissions';
export const SIGNED_IN_IF_TOKEN = 'portal:signed-in-if-token';

/** Opens a route to callers who are not signed in. Use for the few routes that need it. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

/**
 * Opens a route to everybody, and reads the caller when a bearer token comes with the call
 * (a bad or expired token is a 401, so the web app refreshes it rather than reading as a
 * stranger): for pages that show more to people signed in (the knowledge base's
 * members-only articles). The handler's caller (OptionalUser) is undefined when anonymous.
 */
export const PublicOrSignedIn = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(SIGNED_IN_IF_TOKEN, true), ApiExtension('x-public', true));

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

/** The caller of a @PublicOrSignedIn() route: undefined when no token came. */
export const OptionalUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser | undefined => {
  return context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});
