import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationException } from './app-exception';

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

/**
 * Validation for every body and query: unknown fields are refused (not silently dropped),
 * values are converted to the DTO's types, and failures answer 400 with errors by field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationException(validationErrorsByField(errors)),
  });
}
