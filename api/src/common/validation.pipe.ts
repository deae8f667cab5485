import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationException } from './app-exception';
import { rememberValidationRules } from './validation-metadata-cache';

/** Flattens class-validator's nested errors into { "coverage.0.country": ["…"] }. */
export function validationErrorsByField(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      byField[path || '(body)'] = Object.values(error.constraints);
    }
    if (error.children?.length) {
      Object.assign(byField, validationErrorsByField(error.children, path));
    }
  }
  return byField;
}

const MAX_DEPTH = 16;

/**
 * Checks a body or query before class-transformer sees it: no field may be named like a
 * member every object inherits ("constructor", "toString", "__proto__"…), which the
 * whitelist cannot tell from a declared property, and nesting deeper than any DTO allows
 * is refused before it can exhaust the stack.
 */
export function shapeProblems(value: unknown): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (typeof current.value !== 'object' || current.value === null) continue;
    if (current.depth > MAX_DEPTH) {
      problems[current.path || '(body)'] = [`nesting deeper than ${MAX_DEPTH} levels is not accepted`];
      continue;
    }
    for (const key of Object.keys(current.value)) {
      const path = current.path ? `${current.path}.${key}` : key;
      if (key in Object.prototype || key === 'prototype' || key === '__proto__') {
        problems[path] = [`property ${key} should not exist`];
        continue;
      }
      stack.push({ value: (current.value as Record<string, unknown>)[key], path, depth: current.depth + 1 });
    }
  }
  return problems;
}

class PortalValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = shapeProblems(value);
      if (Object.keys(problems).length > 0) throw new ValidationException(problems);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Validation for every body and query: unknown fields are refused (not silently dropped),
 * values are converted to the DTO's types, and failures answer 400 with errors by field.
 */
export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new PortalValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationException(validationErrorsByField(errors)),
  });
}
