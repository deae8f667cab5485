import { type ExecutionContext, Injectable, type CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { canAny, type Permission } from '@portal/shared';
import { bearerToken, decodedClaims, expires } from './access-token';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC, REQUIRED_PERMISSIONS, SIGNED_IN_IF_TOKEN } from './auth.decorators';
import { ForbiddenRoleException, UnauthenticatedException } from './auth.exceptions';

/** What a route's decorators say about who may call it: read once per route, not per request. */
interface RouteAccess {
  isPublic: boolean;
  signedInIfToken: boolean;
  required: Permission[];
}
/** By controller, then handler (a method a controller inherits is one function for several). */
const accessByRoute = new WeakMap<object, WeakMap<object, RouteAccess>>();

function routeAccess(reflector: Reflector, context: ExecutionContext): RouteAccess {
  const handler = context.getHandler();
  const controller = context.getClass();
  let byHandler = accessByRoute.get(controller);
  if (!byHandler) accessByRoute.set(controller, (byHandler = new WeakMap<object, RouteAccess>()));
  let access = byHandler.get(handler);
  if (!access) {
    const targets = [handler, controller];
    access = {
      isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
      signedInIfToken: reflector.getAllAndOverride<boolean>(SIGNED_IN_IF_TOKEN, targets) ?? false,
      required: reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, targets) ?? [],
    };
    byHandler.set(handler, access);
  }
  return access;
}

/** Global: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = routeAccess(this.reflector, context);
    const request = context.switchToHttp().getRequest<{ headers: { authorization?: string } }>();
    const token = bearerToken(request.headers);
    if (access.isPublic) {
      // A route open to all that shows more to people signed in reads a token that comes.
      if (!token || !access.signedInIfToken) return true;
    }
    const allowed = (await super.canActivate(context)) as boolean;
    // passport-jwt accepts a validly signed token without `exp` (it never expires): not here.
    if (allowed && (!token || !expires(decodedClaims(token)))) throw new UnauthenticatedException();
    return allowed;
  }

  override handleRequest<TUser>(error: unknown, user: TUser): TUser {
    // An error here is not a bad token but a failure to load the caller (the database is
    // down): let it through to become a 503, not a misleading 401 that signs the person out.
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- passed on as passport gave it
    if (error) throw error;
    if (!user) throw new UnauthenticatedException();
    return user;
  }
}

/**
 * Global, after the JWT guard: the caller's role must hold the permission the route names
 * with @RequirePermission() (one of them, if several). A route that names none and is not
 * @Public() is refused (deny by default).
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const { isPublic, required } = routeAccess(this.reflector, context);
    if (isPublic) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new UnauthenticatedException();
    if (!canAny(user.role, required)) throw new ForbiddenRoleException();
    return true;
  }
}
