import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { EmailNotificationChoice, Language, Role } from '@portal/shared';
import { OrganizationEntity } from '../organizations/organization.entity';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored as typed; unique case-insensitively (index on lower(email)). */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', default: 'es' })
  language: Language;

  /** Which emails about requests the person wants (account emails always go). */
  @Column({ name: 'email_notifications', type: 'text', default: 'each' })
  emailNotifications: EmailNotificationChoice;

  /** The slot (DIGEST_LOCAL_HOUR, local time) of the person's last daily digest. */
  @Column({ name: 'last_digest_at', type: 'timestamptz', nullable: true })
  lastDigestAt: Date | null;

  /** argon2id; null until the person accepts an invitation and chooses a password. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true })
  @JoinColumn({ name: 'organization_id' })
  organization: OrganizationEntity | null;

  @Column({ name: 'region_code', type: 'text', nullable: true })
  regionCode: string | null;

  @Column({ name: 'functional_directorate_code', type: 'text', nullable: true })
  functionalDirectorateCode: string | null;

  /** A member who manages the people of its organization. */
  @Column({ type: 'boolean', default: false })
  contact: boolean;

  /** False on leave or for a vacancy: routing never picks the person. */
  @Column({ type: 'boolean', default: true })
  available: boolean;

  /** False once deactivated: cannot sign in, keeps its history. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The person's own absence (both ends or neither): routing skips it in [awayFrom, awayUntil). */
  @Column({ name: 'away_from', type: 'timestamptz', nullable: true })
  awayFrom: Date | null;

  @Column({ name: 'away_until', type: 'timestamptz', nullable: true })
  awayUntil: Date | null;

  /** Who takes the person's new cases while it is away. */
  @Column({ name: 'away_replacement_id', type: 'uuid', nullable: true })
  awayReplacementId: string | null;

  /** When routing or a person last gave this staff member a request (routing's tie-break). */
  @Column({ name: 'last_assigned_at', type: 'timestamptz', nullable: true })
  lastAssignedAt: Date | null;

  /** When an admin erased the person (the row stays, anonymized: docs/domain.md, "Personal data"). */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
