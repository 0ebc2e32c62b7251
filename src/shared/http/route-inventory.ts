import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_POLICY, type AccessPolicy } from './access';

export interface RouteInfo {
  method: string;
  /** Full path with the global prefix, parameters as `:name`. */
  path: string;
  policy: AccessPolicy | undefined;
}

/** Every controller route of the app with its declared access policy (for the access-matrix test and audits). */
export function listRoutes(app: INestApplication, globalPrefix: string): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller) continue;
    const base = joinPaths(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      routes.push({
        method: RequestMethod[method],
        path: `/${[globalPrefix, base, joinPaths(path)].filter(Boolean).join('/')}`.replace(/\/+/g, '/').replace(/\/$/, ''),
        policy: reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [handler as never, controller]),
      });
    }
  }
  return routes;
}

function joinPaths(path: string | string[] | undefined): string {
  const first = Array.isArray(path) ? path[0] : path;
  return (first ?? '').replace(/^\/+|\/+$/g, '');
}
