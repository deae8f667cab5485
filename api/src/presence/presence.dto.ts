import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PRESENCE_STATES, type PresenceBody, type PresenceState } from '@portal/shared';

export class PresenceDto implements PresenceBody {
  @ApiProperty({ enum: PRESENCE_STATES, description: 'writing: a reply or note is being typed' })
  @IsIn(PRESENCE_STATES)
  state: PresenceState;
}
