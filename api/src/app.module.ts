import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountsModule } from './accounts/accounts.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CannedAnswersModule } from './canned-answers/canned-answers.module';
import { KnowledgeBaseModule } from './knowledge-base/knowledge-base.module';
import { JwtAuthGuard, PermissionGuard } from './auth/auth.guards';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthController } from './health/health.controller';
import { HealthRepository } from './health/health.repository';
import { InboundMailModule } from './inbound-mail/inbound-mail.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SlaModule } from './sla/sla.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { PresenceModule } from './presence/presence.module';
import { ReferenceModule } from './reference/reference.module';
import { ReportsModule } from './reports/reports.module';
import { RequestsModule } from './requests/requests.module';
import { SatisfactionModule } from './satisfaction/satisfaction.module';
import { SavedViewsModule } from './saved-views/saved-views.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  /** The data source is created, migrated and seeded before Nest starts (see main.ts). */
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        AuditModule,
        NotificationsModule,
        SlaModule,
        UsersModule,
        AuthModule,
        OrganizationsModule,
        ReferenceModule,
        RequestsModule,
        SavedViewsModule,
        PresenceModule,
        AttachmentsModule,
        ReportsModule,
        CannedAnswersModule,
        KnowledgeBaseModule,
        AccountsModule,
        SatisfactionModule,
        PersonalDataModule,
        WebhooksModule,
        InboundMailModule,
      ],
      controllers: [HealthController],
      providers: [
        HealthRepository,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
