import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ArticleStatus, Language } from '@portal/shared';

/** The knowledge base's tables (migrations/1764450000000-KnowledgeBase.ts); read and written in SQL. */
@Entity('kb_articles')
export class KbArticleEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) slug: string;
  @Column({ name: 'area_code', type: 'text' }) areaCode: string;
  @Column({ name: 'country_code', type: 'text', nullable: true }) countryCode: string | null;
  @Column({ type: 'text', nullable: true }) product: string | null;
  @Column({ type: 'text', default: 'draft' }) status: ArticleStatus;
  @Column({ name: 'members_only', type: 'boolean', default: false }) membersOnly: boolean;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId: string | null;
  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true }) reviewerId: string | null;
  @Column({ name: 'last_reviewed_at', type: 'timestamptz', nullable: true }) lastReviewedAt: Date | null;
  @Column({ name: 'source_request_id', type: 'uuid', nullable: true }) sourceRequestId: string | null;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

@Entity('kb_article_versions')
export class KbArticleVersionEntity {
  @PrimaryColumn({ name: 'article_id', type: 'uuid' }) articleId: string;
  @PrimaryColumn({ type: 'text' }) language: Language;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ name: 'search_document', type: 'tsvector' }) searchDocument: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

@Entity('kb_article_views')
export class KbArticleViewEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ name: 'article_id', type: 'uuid' }) articleId: string;
  @Column({ type: 'text' }) language: Language;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ name: 'viewed_at', type: 'timestamptz', default: () => 'now()' }) viewedAt: Date;
}

@Entity('kb_deflections')
export class KbDeflectionEntity {
  @PrimaryColumn({ name: 'visit_id', type: 'uuid' }) visitId: string;
  @Column({ name: 'article_id', type: 'uuid' }) articleId: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity('kb_translation_requests')
export class KbTranslationRequestEntity {
  @PrimaryColumn({ name: 'article_id', type: 'uuid' }) articleId: string;
  @PrimaryColumn({ type: 'text' }) language: Language;
  @Column({ type: 'int', default: 1 }) count: number;
  @Column({ name: 'last_requested_at', type: 'timestamptz', default: () => 'now()' }) lastRequestedAt: Date;
}

@Entity('kb_suggestions')
export class KbSuggestionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'article_id', type: 'uuid' }) articleId: string;
  @Column({ type: 'text' }) language: Language;
  @Column({ type: 'text' }) body: string;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId: string | null;
  @Column({ type: 'text', default: 'open' }) status: 'open' | 'done';
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

export const KNOWLEDGE_BASE_ENTITIES = [
  KbArticleEntity,
  KbArticleVersionEntity,
  KbArticleViewEntity,
  KbDeflectionEntity,
  KbTranslationRequestEntity,
  KbSuggestionEntity,
];
