import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RequestsModule } from '../requests/requests.module';
import { InboundMailController } from './inbound-mail.controller';
import { InboundMailRepository } from './inbound-mail.repository';
import { InboundMailService } from './inbound-mail.service';
import { MailboxPoller } from './mailbox-poller';

/** Answer by email (issue 22): the mailbox's mails become replies and requests. */
@Module({
  imports: [RequestsModule, AttachmentsModule, NotificationsModule],
  controllers: [InboundMailController],
  providers: [InboundMailService, InboundMailRepository, MailboxPoller],
})
export class InboundMailModule {}
