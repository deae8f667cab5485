import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '@portal/shared';

/** A canned answer (migrations/1764436000000-CannedAnswers.ts); read and written in SQL. */
@Entity('canned_answers')
export class CannedAnswerEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'area_code', type: 'text' }) areaCode: string;
  @Column({ type: 'text' }) language: Language;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
