import { DECORATORS, type OpenAPIObject, type OperationObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { ROLES, WEBHOOK_EVENTS } from '@portal/shared';
import { DATE, DATE_TIME } from '../text.validators';
import { type ProblemStatus, problemResponse } from './decorators';
import { COMPONENT_SCHEMAS, ref } from './schemas';

/**
 * The constraints of the DTOs' class-validator decorators, copied into their @ApiProperty
 * metadata before the document is built: the document states the limits the validation pipe
 * enforces (shared/src/limits.ts through the decorators), from the same decorators, so the
 * two cannot drift. (What @nestjs/swagger's CLI plugin does at compile time; the API is built
 * with plain tsc.) A property validated but without @ApiProperty is left out, as before.
 */
export function documentValidationConstraints(): void {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<{ prototype: object }, ValidationMetadata[]>;
  };
  for (const [target, metadatas] of storage.validationMetadatas) {
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const metadata of metadatas) {
      byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
    }
    for (const [property, validations] of byProperty) {
      const existing = Reflect.getOwnMetadata(DECORATORS.API_MODEL_PROPERTIES, target.prototype, property) as
        (Record<string, unknown> & { type?: unknown }) | undefined;
      if (!existing) continue;
      const own: Record<string, unknown> = {};
      const items: Record<string, unknown> = {};
      let optional = false;
      for (const validation of validations) {
        if (validation.type === 'conditionalValidation') optional = true;
        else if (validation.type === 'customValidation' && validation.name)
          Object.assign(validation.each ? items : own, schemaOf(validation.name, validation.constraints ?? []));
      }
      const merged: Record<string, unknown> = { ...existing, ...own, required: !optional };
      if (Object.keys(items).length) {
        // An array of validated values: the constraints belong to its items.
        const itemType: unknown =
          typeof existing.type === 'function' ? (existing.type as { name: string }).name.toLowerCase() : existing.type;
        merged.type = 'array';
        merged.isArray = false;
        merged.items = { type: itemType === 'array' ? 'string' : (itemType ?? 'string'), ...items };
      }
      Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, merged, target.prototype, property);
    }
  }
}

/** The JSON Schema keywords of one class-validator constraint (by its name); {} for those without one. */
function schemaOf(name: string, constraints: unknown[]): Record<string, unknown> {
  const [first, second] = constraints;
  switch (name) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isIn':
      return { enum: [...(first as unknown[])] };
    case 'isEmail':
      return { format: 'email' };
    case 'isUUID':
      return { format: 'uuid' };
    case 'minLength':
      return { minLength: first };
    case 'maxLength':
      return { maxLength: first };
    case 'textLength':
      // Counted in code points, as JSON Schema counts them.
      return { ...((first as number) > 0 ? { minLength: first } : {}), maxLength: second };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'arrayMinSize':
      return { minItems: first };
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'matches': {
      const pattern = first instanceof RegExp ? first : new RegExp(String(first), second as string | undefined);
      // JSON Schema patterns have no flags: a case-insensitive one is left to the description.
      return pattern.flags.includes('i') ? {} : { pattern: pattern.source };
    }
    case 'isDateOrDateTime':
      return { pattern: `${DATE.source}|${DATE_TIME.source}` };
    default:
      return {};
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * Completes the generated document: the response components (schemas.ts), and on every
 * operation the problem answers it gives by virtue of what it is, so that no operation can
 * leave them out: 401 unless public; 403 when not every role may call it; 400, 413 and 415
 * when it takes a JSON body (validation, size, content type); 400 when it takes a query; 400,
 * 404 and 414 for a path id (IdParam: not a UUID, absent or not visible); 503 when it asks the
 * database.
 * Statuses an operation declared itself (with their text) are kept.
 */
export function completeContract(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...COMPONENT_SCHEMAS },
  };
  (document as OpenAPIObject & { 'x-webhooks': unknown })['x-webhooks'] = webhookOperations();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as (OperationObject & Record<string, unknown>) | undefined;
      if (!operation) continue;
      const implied: ProblemStatus[] = [];
      if (!operation['x-public']) implied.push(401);
      const roles = operation['x-roles'] as string[] | undefined;
      if (!operation['x-public'] && (!roles || roles.length < ROLES.length)) implied.push(403);
      const parameters = (operation.parameters ?? []) as { in?: string }[];
      if (operation.requestBody && !('$ref' in operation.requestBody)) {
        const types = Object.keys(operation.requestBody.content ?? {});
        if (types.includes('application/json')) implied.push(400, 413, 415);
      }
      if (parameters.some((parameter) => parameter.in === 'query')) implied.push(400);
      // A path id: 404 when it is not a UUID (or names nothing visible), 400 for a malformed
      // percent-encoding, 414 beyond the router's parameter length.
      if (path.includes('{')) implied.push(400, 404, 414);
      if (!operation['x-without-database']) implied.push(503);
      for (const status of implied) operation.responses[status] ??= problemResponse(status);
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
  }
  return document;
}

/**
 * The webhooks the portal sends, one per event: OpenAPI 3.1's `webhooks`, under the `x-webhooks`
 * name that 3.0 tools (Redoc) read, as this document is 3.0. Each is a POST of WebhookPayload
 * signed as Standard Webhooks says (docs/api.md, "Webhooks").
 */
function webhookOperations(): Record<string, unknown> {
  const signed = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => ({
    name,
    in: 'header',
    required: true,
    schema: { type: 'string' },
  }));
  return Object.fromEntries(
    WEBHOOK_EVENTS.map((event) => [
      event,
      {
        post: {
          summary: `The ${event} event`,
          description:
            'webhook-signature is `v1,` and base64 of HMAC-SHA256, keyed with the endpoint secret (base64 after `whsec_`), ' +
            'over `<webhook-id>.<webhook-timestamp>.<body>`. Answer 2xx within WEBHOOK_TIMEOUT_MS; anything else is retried.',
          parameters: signed,
          requestBody: { required: true, content: { 'application/json': { schema: ref('WebhookPayload') } } },
          responses: { '2XX': { description: 'Received' } },
        },
      },
    ]),
  );
}
