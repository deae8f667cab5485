import { DataSource, type DataSourceOptions } from 'typeorm';
import { Foundation1764306000000 } from '../../../migrations/1764306000000-Foundation';
import { Requests1764310000000 } from '../../../migrations/1764310000000-Requests';
import { SlaAndNotifications1764320000000 } from '../../../migrations/1764320000000-SlaAndNotifications';
import { Accounts1764330000000 } from '../../../migrations/1764330000000-Accounts';
import { ReportIndexes1764340000000 } from '../../../migrations/1764340000000-ReportIndexes';
import { InboxIndexes1764350000000 } from '../../../migrations/1764350000000-InboxIndexes';
import { ReportSpans1764360000000 } from '../../../migrations/1764360000000-ReportSpans';
import { ReportOrganizations1764370000000 } from '../../../migrations/1764370000000-ReportOrganizations';
import { ReportHistograms1764380000000 } from '../../../migrations/1764380000000-ReportHistograms';
import { ReportCellStamps1764390000000 } from '../../../migrations/1764390000000-ReportCellStamps';
import { InboxScope1764405000000 } from '../../../migrations/1764405000000-InboxScope';
import { ProfileNotifications1764415000000 } from '../../../migrations/1764415000000-ProfileNotifications';
import { RequestReceipt1764426000000 } from '../../../migrations/1764426000000-RequestReceipt';
import { StaffAbsence1764427190000 } from '../../../migrations/1764427190000-StaffAbsence';
import { SatisfactionLinks1764430000000 } from '../../../migrations/1764430000000-SatisfactionLinks';
import { SlaWarnings1764431000000 } from '../../../migrations/1764431000000-SlaWarnings';
import { ReportQuality1764432000000 } from '../../../migrations/1764432000000-ReportQuality';
import { ReportDueBreaches1764433000000 } from '../../../migrations/1764433000000-ReportDueBreaches';
import { InboxSearch1764434000000 } from '../../../migrations/1764434000000-InboxSearch';
import { SavedViews1764435000000 } from '../../../migrations/1764435000000-SavedViews';
import { CannedAnswers1764436000000 } from '../../../migrations/1764436000000-CannedAnswers';
import { PresenceAndNotificationSettings1764437000000 } from '../../../migrations/1764437000000-PresenceAndNotificationSettings';
import { RoutingFacts1764438000000 } from '../../../migrations/1764438000000-RoutingFacts';
import { RequestReads1764439000000 } from '../../../migrations/1764439000000-RequestReads';
import { EmailDigest1764441000000 } from '../../../migrations/1764441000000-EmailDigest';
import { KnowledgeBase1764450000000 } from '../../../migrations/1764450000000-KnowledgeBase';
import { InboundMail1764451000000 } from '../../../migrations/1764451000000-InboundMail';
import { AuditTrail1764452000000 } from '../../../migrations/1764452000000-AuditTrail';
import { TwoFactor1764453000000 } from '../../../migrations/1764453000000-TwoFactor';
import { Webhooks1764453100000 } from '../../../migrations/1764453100000-Webhooks';
import { ReportEndsDueTimes1764454000000 } from '../../../migrations/1764454000000-ReportEndsDueTimes';
import { ResolvedInboxIndex1764455000000 } from '../../../migrations/1764455000000-ResolvedInboxIndex';
import { AccountTokenEntity } from '../accounts/account-token.entity';
import {
  ReportCountEntity,
  ReportDayEntity,
  ReportDeltaEntity,
  ReportCellStampEntity,
  ReportHistEntity,
  ReportOrgValueEntity,
  ReportValueEntity,
} from '../reports/report-rollup.entities';
import { NotificationEntity } from '../notifications/notification.entity';
import { NotificationSettingEntity } from '../notifications/notification-setting.entity';
import { RequestPresenceEntity } from '../presence/request-presence.entity';
import { HolidayEntity, ScheduledJobRunEntity, SlaPolicyEntity } from '../sla/sla.entities';
import { SatisfactionReminderEntity } from '../satisfaction/satisfaction.entities';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { RefreshTokenEntity, RefreshTokenFamilyEntity } from '../auth/refresh-token.entities';
import { OrganizationEntity } from '../organizations/organization.entity';
import {
  AttachmentEntity,
  IdempotencyKeyEntity,
  RequestEntity,
  RequestEventEntity,
  RequestMessageEntity,
  RequestReadEntity,
  RequestReferenceCounterEntity,
} from '../requests/request.entities';
import {
  CountryEntity,
  FunctionalDirectorateEntity,
  RegionEntity,
  ThematicAreaEntity,
} from '../reference/reference.entities';
import { CannedAnswerEntity } from '../canned-answers/canned-answer.entity';
import { CoverageEntryEntity } from '../users/coverage-entry.entity';
import { UserEntity } from '../users/user.entity';
import { SavedViewEntity } from '../saved-views/saved-view.entity';
import { KNOWLEDGE_BASE_ENTITIES } from '../knowledge-base/knowledge-base.entities';
import {
  RememberedDeviceEntity,
  TwoFactorRecoveryCodeEntity,
  UserTwoFactorEntity,
} from '../two-factor/two-factor.entities';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from '../webhooks/webhook.entities';
import { InboundMailAnswerEntity, InboundMailEntity } from '../inbound-mail/inbound-mail.entities';

export const ENTITIES = [
  RegionEntity,
  CountryEntity,
  ThematicAreaEntity,
  FunctionalDirectorateEntity,
  OrganizationEntity,
  UserEntity,
  CoverageEntryEntity,
  RefreshTokenFamilyEntity,
  RefreshTokenEntity,
  AuditLogEntity,
  RequestReferenceCounterEntity,
  RequestEntity,
  RequestMessageEntity,
  RequestEventEntity,
  RequestReadEntity,
  AttachmentEntity,
  IdempotencyKeyEntity,
  SlaPolicyEntity,
  HolidayEntity,
  NotificationEntity,
  NotificationSettingEntity,
  RequestPresenceEntity,
  ScheduledJobRunEntity,
  SatisfactionReminderEntity,
  AccountTokenEntity,
  ReportCountEntity,
  ReportValueEntity,
  ReportOrgValueEntity,
  ReportHistEntity,
  ReportCellStampEntity,
  ReportDayEntity,
  ReportDeltaEntity,
  CannedAnswerEntity,
  SavedViewEntity,
  ...KNOWLEDGE_BASE_ENTITIES,
  UserTwoFactorEntity,
  TwoFactorRecoveryCodeEntity,
  RememberedDeviceEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  InboundMailEntity,
  InboundMailAnswerEntity,
];

/** Every migration, in order. Listed explicitly so the build, not a glob, decides what runs. */
export const MIGRATIONS = [
  Foundation1764306000000,
  Requests1764310000000,
  SlaAndNotifications1764320000000,
  Accounts1764330000000,
  ReportIndexes1764340000000,
  InboxIndexes1764350000000,
  ReportSpans1764360000000,
  ReportOrganizations1764370000000,
  ReportHistograms1764380000000,
  ReportCellStamps1764390000000,
  InboxScope1764405000000,
  ProfileNotifications1764415000000,
  RequestReceipt1764426000000,
  StaffAbsence1764427190000,
  SatisfactionLinks1764430000000,
  SlaWarnings1764431000000,
  ReportQuality1764432000000,
  ReportDueBreaches1764433000000,
  InboxSearch1764434000000,
  SavedViews1764435000000,
  CannedAnswers1764436000000,
  PresenceAndNotificationSettings1764437000000,
  RoutingFacts1764438000000,
  RequestReads1764439000000,
  EmailDigest1764441000000,
  KnowledgeBase1764450000000,
  InboundMail1764451000000,
  AuditTrail1764452000000,
  TwoFactor1764453000000,
  Webhooks1764453100000,
  ReportEndsDueTimes1764454000000,
  ResolvedInboxIndex1764455000000,
];

/**
 * Settings of every session of the API's pool (the connection's `options`): no JIT compilation.
 * The portal's statements take milliseconds; PostgreSQL compiles one whose estimated cost passes
 * jit_above_cost (an inbox list with an index walk it will not run, say) for ~150 ms first.
 * The reports turn it off per transaction too (REPORT_SETTINGS). The bench's baseline uses the
 * same options.
 */
export const SESSION_OPTIONS = '-c jit=off';

export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // PGlite has no uuid-ossp; gen_random_uuid() is built into PostgreSQL 13+ on both.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    extra: { max: poolSize, connectionTimeoutMillis: 5000, options: SESSION_OPTIONS },
  };
}

export function createDataSource(url: string, poolSize = 4): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}
