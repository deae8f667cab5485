import { AppException } from '../common/app-exception';

export class WebhookTargetRefusedException extends AppException {
  constructor(reason: string) {
    super(400, 'webhooks.target-refused', 'Address not allowed', `This address cannot receive webhooks: ${reason}.`);
  }
}
