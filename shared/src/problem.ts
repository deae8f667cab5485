/** An RFC 9457 problem document, as every error of the API is answered. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable machine-readable code, e.g. "auth.invalid-credentials". */
  code?: string;
  /** Validation errors by field path. */
  errors?: Record<string, string[]>;
  /** Allowed transitions, on a 409 from the lifecycle. */
  allowed?: string[];
  /** Carried by 500 answers so a report can be matched with the server's log line. */
  correlationId?: string;
  instance?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
