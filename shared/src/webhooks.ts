/**
 * Webhooks: the events about requests the portal sends to other systems, signed as the
 * Standard Webhooks specification says (webhook-id, webhook-timestamp, webhook-signature).
 */
export const WEBHOOK_EVENTS = [
  'request.created',
  'request.assigned',
  'request.status_changed',
  'request.message_added',
  'request.rated',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_LIMITS = { urlMax: 2000, descriptionMax: 200, endpointsMax: 50 } as const;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  events: WebhookEvent[];
  enabled: boolean;
  /** Failed attempts in a row; at the limit the endpoint is disabled. */
  consecutiveFailures: number;
  disabledAt: string | null;
  /** failures: WEBHOOK_DISABLE_AFTER_FAILURES in a row; manual: an admin disabled it. */
  disabledReason: 'failures' | 'manual' | null;
  createdAt: string;
}

/** The answer of creating an endpoint: the signing secret, shown this once. */
export type WebhookEndpointCreated = WebhookEndpointView & { secret: string };

export interface WebhookEndpointBody {
  url: string;
  description?: string | null;
  events: WebhookEvent[];
}

export interface WebhookEndpointPatch {
  url?: string;
  description?: string | null;
  events?: WebhookEvent[];
  /** true re-enables a disabled endpoint (its failure count starts again). */
  enabled?: boolean;
}

export interface WebhookDeliveryView {
  id: string;
  /** The webhook-id header: the same for every attempt and redelivery of one event. */
  messageId: string;
  event: WebhookEvent;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  /** The body sent. */
  payload: WebhookPayload;
}

/** The body of every delivery. Internal notes and message texts are never sent. */
export interface WebhookPayload {
  type: WebhookEvent;
  timestamp: string;
  data: {
    requestId: string;
    reference: string;
    status: string;
    priority: string;
    area: string;
    country: string;
    organizationId: string;
    assigneeId: string | null;
    /** status_changed: the statuses; rated: the scores (as text); else null. */
    from: string | null;
    to: string | null;
    /** Who made the change (a message's author); null for the portal's own jobs. */
    actorId: string | null;
    /** message_added: the message's id (its text is not sent). */
    messageId: string | null;
  };
}
