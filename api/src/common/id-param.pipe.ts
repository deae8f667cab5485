import { ParseUUIDPipe } from '@nestjs/common';
import { NotFoundException } from './app-exception';

/** A path id that is not a UUID names nothing: answer 404, as for an id that does not exist. */
export const IdParam = (what: string) =>
  new ParseUUIDPipe({ version: undefined, exceptionFactory: () => new NotFoundException(what) });
