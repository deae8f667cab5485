import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Priority, RequestStatus, SatisfactionReason, TimelineEventType } from '@portal/shared';
import type { RoutingFacts } from './routing/routing-engine';

/**
 * The request tables as TypeORM sees them. Queries are written in SQL (the visibility scope,
 * routing and search need it); these entities keep the migrations honest through the
 * schema test and document the columns.
 */
@Entity('requests')
export class RequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text' }) status: RequestStatus;
  @Column({ type: 'text', default: 'normal' }) priority: Priority;
  @Column({ name: 'area_code', type: 'text' }) areaCode: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ name: 'country_code', type: 'text' }) countryCode: string;
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true }) assignedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
  @Column({ name: 'first_responded_at', type: 'timestamptz', nullable: true }) firstRespondedAt: Date | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'boolean', default: false }) escalated: boolean;
  @Column({ name: 'routing_tier', type: 'smallint', nullable: true }) routingTier: number | null;
  @Column({ name: 'routing_reason', type: 'text' }) routingReason: string;
  @Column({ name: 'routing_coverage', type: 'jsonb', nullable: true }) routingCoverage: Record<
    string,
    string | null
  > | null;
  /** The decision's fields (routing-engine.ts RoutingFacts); null before they were stored and in triage. */
  @Column({ name: 'routing_facts', type: 'jsonb', nullable: true }) routingFacts: RoutingFacts | null;
  @Column({ name: 'first_response_due_at', type: 'timestamptz', nullable: true }) firstResponseDueAt: Date | null;
  @Column({ name: 'resolution_due_at', type: 'timestamptz', nullable: true }) resolutionDueAt: Date | null;
  @Column({ type: 'boolean', default: false }) breached: boolean;
  /** When 75 % of each deadline's business time is used, and when the sweep warned and flagged it. */
  @Column({ name: 'first_response_warn_at', type: 'timestamptz', nullable: true }) firstResponseWarnAt: Date | null;
  @Column({ name: 'resolution_warn_at', type: 'timestamptz', nullable: true }) resolutionWarnAt: Date | null;
  @Column({ name: 'first_response_warned_at', type: 'timestamptz', nullable: true }) firstResponseWarnedAt: Date | null;
  @Column({ name: 'resolution_warned_at', type: 'timestamptz', nullable: true }) resolutionWarnedAt: Date | null;
  @Column({ name: 'first_response_breached_at', type: 'timestamptz', nullable: true })
  firstResponseBreachedAt: Date | null;
  @Column({ name: 'resolution_breached_at', type: 'timestamptz', nullable: true }) resolutionBreachedAt: Date | null;
  @Column({ name: 'satisfaction_score', type: 'smallint', nullable: true }) satisfactionScore: number | null;
  @Column({ name: 'satisfaction_comment', type: 'text', nullable: true }) satisfactionComment: string | null;
  /** Why a low score (satisfaction links' page): codes of SATISFACTION_REASONS. */
  @Column({ name: 'satisfaction_reasons', type: 'text', array: true, default: () => "'{}'" })
  satisfactionReasons: SatisfactionReason[];
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'sla_paused_at', type: 'timestamptz', nullable: true }) slaPausedAt: Date | null;
  @Column({ name: 'sla_paused_minutes', type: 'int', default: 0 }) slaPausedMinutes: number;
  @Column({ name: 'search_public', type: 'tsvector', default: '', select: false }) searchPublic: string;
  @Column({ name: 'search_internal', type: 'tsvector', default: '', select: false }) searchInternal: string;
}

@Entity('request_messages')
export class RequestMessageEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'boolean', default: false }) internal: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity('request_events')
export class RequestEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) type: TimelineEventType;
  @Column({ name: 'from_value', type: 'text', nullable: true }) fromValue: string | null;
  @Column({ name: 'to_value', type: 'text', nullable: true }) toValue: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity('attachments')
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'message_id', type: 'uuid', nullable: true }) messageId: string | null;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  @Column({ type: 'text' }) sha256: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @PrimaryColumn({ type: 'text' }) key: string;
  @Column({ type: 'text' }) fingerprint: string;
  @Column({ name: 'status_code', type: 'int' }) statusCode: number;
  @Column({ type: 'jsonb' }) response: unknown;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity('request_reference_counters')
export class RequestReferenceCounterEntity {
  @PrimaryColumn({ type: 'int' }) year: number;
  @Column({ name: 'last_value', type: 'int' }) lastValue: number;
}

/** When a member last opened a request: later staff replies are unread for them. */
@Entity('request_reads')
export class RequestReadEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @PrimaryColumn({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'seen_at', type: 'timestamptz' }) seenAt: Date;
}
