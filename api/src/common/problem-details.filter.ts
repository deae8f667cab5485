import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument } from '@portal/shared';
import { AppException, toProblemDocument } from './app-exception';

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  503: 'Service unavailable',
};

/**
 * Turns every error into an RFC 9457 problem document. Errors the code raised on purpose
 * keep their status and text; framework errors a client can cause (bad JSON, unknown
 * route, too large a body) keep their 4xx status; anything else is a bug: logged with the
 * request's correlation id and answered as a bare 500 that reveals nothing inside.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request);
    // Every 429 and 503 says when to come back: the exception's own estimate, or the rate
    // limiter's (already set), else 2 s.
    const retryAfter = exception instanceof AppException ? exception.extensions.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    else if ((problem.status === 503 || problem.status === 429) && !reply.hasHeader('retry-after'))
      void reply.header('retry-after', '2');
    if (problem.status === 500) {
      this.logger.error({ err: exception, reqId: request.id, url: request.url }, 'unhandled error');
    }
    void reply.status(problem.status).header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(problem);
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDocument {
    if (exception instanceof AppException) return toProblemDocument(exception);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? response.message
          : exception.message;
      return this.plain(status, Array.isArray(message) ? message.join('; ') : String(message));
    }
    // A database constraint refused what validation let through: still the client's input,
    // so a 4xx (and the transaction rolled back), but logged, since validation should have caught it.
    const databaseProblem = this.databaseProblem(exception);
    if (databaseProblem) {
      this.logger.warn({
        msg: 'database refused input that validation accepted',
        reqId: request.id,
        code: (exception as { driverError?: { code?: string } }).driverError?.code,
        url: request.url,
      });
      return databaseProblem;
    }
    // The database is unreachable (stopped, restarting, network cut): nothing was committed,
    // and the client may retry (with its Idempotency-Key for submissions).
    if (this.isDatabaseUnavailable(exception)) {
      this.logger.warn({ msg: 'database unavailable', reqId: request.id, url: request.url, err: String(exception) });
      return {
        ...this.plain(503, 'The service is briefly unavailable. Please try again in a moment.'),
        code: 'database-unavailable',
      };
    }
    // Fastify's own client errors (malformed JSON, body too large, bad content type).
    const statusCode = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return this.plain(statusCode, (exception as Error).message);
    }
    return {
      type: 'about:blank',
      title: 'Internal error',
      status: 500,
      detail:
        'Something went wrong on our side. The error has been logged; quote the correlation id when you report it.',
      correlationId: String(request.id),
    };
  }

  private isDatabaseUnavailable(exception: unknown): boolean {
    const error = exception as { code?: string; driverError?: { code?: string }; message?: string } | null;
    const code = error?.driverError?.code ?? error?.code ?? '';
    // Connection refused/reset, server shutting down or starting (57P0x), connection failures (08xxx).
    if (
      ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code) ||
      code.startsWith('08')
    )
      return true;
    return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i.test(
      error?.message ?? '',
    );
  }

  private databaseProblem(exception: unknown): ProblemDocument | null {
    if (!(exception instanceof QueryFailedError)) return null;
    const code = (exception as QueryFailedError & { driverError?: { code?: string } }).driverError?.code ?? '';
    if (code === '23505') return this.plain(409, 'This conflicts with a record that already exists.');
    if (code === '23503') return this.plain(409, 'This refers to a record that does not exist or is still in use.');
    // Check violations, bad text (NUL, invalid encoding), numbers or dates out of range, over-complex input.
    if (['23514', '23502', '22001', '22021', '22P02', '22P05', '22003', '22007', '22008', '54001'].includes(code)) {
      return this.plain(400, 'Some of the values sent are not acceptable.');
    }
    return null;
  }

  private plain(status: number, detail: string): ProblemDocument {
    return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail };
  }
}
