import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { NotificationsModule } from '../notifications/notifications.module';
import { TwoFactorController } from '../two-factor/two-factor.controller';
import { TwoFactorRepository } from '../two-factor/two-factor.repository';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';

@Module({
  imports: [
    PassportModule,
    UsersModule,
    AuditModule,
    NotificationsModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET }),
    }),
  ],
  // Two-factor sign-in (../two-factor) is part of signing in: its service gates login.
  controllers: [AuthController, TwoFactorController],
  providers: [AuthService, JwtStrategy, AuthRepository, TwoFactorService, TwoFactorRepository],
  exports: [AuthService, AuthRepository],
})
export class AuthModule {}
