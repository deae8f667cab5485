import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The OpenAPI document as the contract of every answer the API e2e suites receive. Every
 * call to `/api/v1/…` (through the harness, `fetch` or node:http) is checked against the
 * document of the API under test: its operation is found by method and path template, its
 * status must be one the operation documents, its content type one documented for that
 * status, and a JSON body must validate against the documented schema (ajv: types, required
 * members, closed objects where the schema closes them, formats). A path no operation has is
 * answered as an unknown route: 404 with a problem document.
 *
 * A violation fails the call (fetch rejects with the reason) and is kept, so that the test
 * that made it fails even where it catches errors (`contract-setup.ts` checks after each test).
 * The document is fetched once per test file from the first API that answers, at
 * `/api/docs-json`: the one the build under test generates, never a copy.
 */

interface ResponseObject {
  description?: string;
  content?: Record<string, { schema?: object }>;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, object> };
}

const API_PATH = /^\/api\/v1(\/|$)/;
const DOCUMENT_ID = 'openapi.json';

class Contract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: { method: string; template: string; pattern: RegExp; operation: Operation }[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: document.components ?? {} });
    for (const [template, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const pattern = new RegExp(
          `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}$`,
        );
        this.routes.push({ method: method.toUpperCase(), template, pattern, operation });
      }
    }
    // A literal segment wins over a parameter ("/notifications/read-all" before "/notifications/{id}").
    this.routes.sort((a, b) => a.template.split('{').length - b.template.split('{').length);
  }

  get operationCount(): number {
    return this.routes.length;
  }

  /** What is wrong with this answer, or null when it is as documented. */
  check(method: string, path: string, status: number, contentType: string, body: string): string | null {
    const asked = method === 'HEAD' ? 'GET' : method;
    const route = this.routes.find((candidate) => candidate.method === asked && candidate.pattern.test(path));
    if (!route) {
      // An unknown route (or a method a path does not take) is the API's generic 404.
      if (method === 'OPTIONS' && status === 204) return null; // a CORS preflight, answered before routing
      if (status !== 404) return `no operation ${asked} ${path} in the document, and the answer is ${status}, not 404`;
      return this.checkBody('unknown route', 404, { content: PROBLEM_ONLY }, contentType, body, method);
    }
    const name = `${route.method} ${route.template}`;
    const response = route.operation.responses[String(status)];
    if (!response) {
      const documented = Object.keys(route.operation.responses).join(', ');
      return `${name} answered ${status}, which the document does not list (it lists ${documented})`;
    }
    return this.checkBody(name, status, response, contentType, body, method);
  }

  private checkBody(
    name: string,
    status: number,
    response: ResponseObject,
    contentType: string,
    body: string,
    method: string,
  ): string | null {
    const where = `${name} → ${status}`;
    if (!response.content || !Object.keys(response.content).length) {
      return body === '' ? null : `${where}: the document says no body, but one came (${excerpt(body)})`;
    }
    if (method === 'HEAD') return null;
    const mediaType = contentType.split(';')[0].trim().toLowerCase();
    const media = response.content[mediaType];
    if (!media) {
      return `${where}: content type "${contentType || '(none)'}" is not one the document lists (${Object.keys(response.content).join(', ')})`;
    }
    if (!/[/+]json$/.test(mediaType) || !media.schema) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return `${where}: the body is not JSON (${excerpt(body)})`;
    }
    const validate = this.validator(`${where} ${mediaType}`, media.schema);
    if (validate(parsed)) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 8)
      .map((error) => `${error.instancePath || '(body)'} ${error.message}${paramsOf(error.params)}`)
      .join('; ');
    return `${where}: the body does not match the documented schema: ${errors}\nbody: ${excerpt(body)}`;
  }

  private validator(key: string, schema: object): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(withDocumentRefs(schema));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

const PROBLEM_ONLY = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** The schema with its local references (`#/components/…`) pointed at the document's components. */
function withDocumentRefs(schema: unknown): any {
  if (Array.isArray(schema)) return schema.map(withDocumentRefs);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${DOCUMENT_ID}${value}`
        : withDocumentRefs(value),
    ]),
  );
}

function paramsOf(params: Record<string, unknown>): string {
  const shown = Object.entries(params).filter(([, value]) => value !== undefined);
  return shown.length ? ` (${shown.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ')})` : '';
}

function excerpt(text: string): string {
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

const originalFetch: typeof fetch = globalThis.fetch;
let contract: Promise<Contract> | null = null;
const violations: string[] = [];

/** The contract, loaded once from the first API asked (the document is the build's, the same for every API process). */
function contractFrom(origin: string): Promise<Contract> {
  contract ??= (async () => {
    const answer = await originalFetch(`${origin}/api/docs-json`);
    if (answer.status !== 200) {
      throw new Error(`the API at ${origin} does not publish its OpenAPI document (${answer.status}): check API_DOCS`);
    }
    return new Contract((await answer.json()) as OpenApiDocument);
  })().catch((error) => {
    contract = null;
    throw error;
  });
  return contract;
}

/** The contract of the API at this origin (for tests of the document itself). */
export function apiContract(origin: string): Promise<{ operationCount: number }> {
  return contractFrom(origin);
}

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/**
 * Checks one answer of the API against its document; throws (and keeps) a violation. Calls
 * outside `/api/v1` (the web app, the document itself) are not the API contract's.
 */
export async function checkAnswer(
  method: string,
  url: string,
  answer: { status: number; contentType: string; body: string },
): Promise<void> {
  const { origin, pathname } = new URL(url);
  if (!API_PATH.test(pathname)) return;
  const problem = (await contractFrom(origin)).check(
    method.toUpperCase(),
    pathname,
    answer.status,
    answer.contentType,
    answer.body,
  );
  if (problem) {
    const message = `API answer outside its OpenAPI contract: ${method.toUpperCase()} ${pathname}: ${problem}`;
    violations.push(message);
    throw new ContractViolation(message);
  }
}

/** The violations since the last call (contract-setup.ts fails the test that had any). */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

/** Puts the check on the global fetch, once: every test that calls the API with fetch is covered. */
export function installContractCheck(): void {
  if ((globalThis.fetch as { contractChecked?: boolean }).contractChecked) return;
  const checkedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const response = await originalFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (API_PATH.test(new URL(url).pathname)) {
      // A copy is read, so the caller still reads the answer as it came.
      const body = await response.clone().text();
      await checkAnswer(method, url, {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body,
      });
    }
    return response;
  };
  globalThis.fetch = Object.assign(checkedFetch, { contractChecked: true });
}
